import { describe, expect, it } from 'vitest';
import type { CallError } from '../../../preload/contract';
import { authErrors, firstInvalid, repeatError } from './auth-errors';

describe('auth errors', () => {
  it('puts schema problems at their fields, keeping the core words', () => {
    const error: CallError = {
      code: 'VALIDATION_FAILED',
      message: 'invalid input',
      field: 'username',
      issues: [
        { field: 'username', message: 'use 3–32 letters', code: 'invalid_format' },
        { field: 'password', message: 'use at least 8 characters', code: 'too_small' },
      ],
    };
    const mapped = authErrors(error);
    expect(mapped.fields.username).toEqual({ key: 'usernameInvalid', detail: 'use 3–32 letters' });
    expect(mapped.fields.password).toEqual({ key: 'passwordInvalid', detail: 'use at least 8 characters' });
    expect(mapped.form).toBeNull();
    expect(firstInvalid(mapped, ['displayName', 'password', 'username'])).toBe('password');
  });

  it('shows a wrong password at the password field', () => {
    const mapped = authErrors({ code: 'UNAUTHORIZED', message: 'wrong username or password', field: 'password' });
    expect(mapped.fields).toEqual({ password: { key: 'wrongPassword', detail: 'wrong username or password' } });
  });

  it('treats UNAUTHORIZED without a field as the session being gone, not a wrong password', () => {
    expect(authErrors({ code: 'UNAUTHORIZED', message: 'sign in first' }).other?.code).toBe('UNAUTHORIZED');
  });

  it('says how long to wait after too many attempts', () => {
    const mapped = authErrors({ code: 'TOO_MANY_ATTEMPTS', message: 'try again in 30 s', details: { retryAfterSeconds: 30 } });
    expect(mapped.form).toEqual({ key: 'tooMany', detail: 'try again in 30 s', seconds: 30 });
    expect(authErrors({ code: 'TOO_MANY_ATTEMPTS', message: 'wait' }).form).toEqual({ key: 'tooMany', detail: 'wait' });
  });

  it('knows a taken username, a clerk starting the kiosk, and the last administrator', () => {
    expect(authErrors({ code: 'CONFLICT', message: 'taken', field: 'username' }).fields.username?.key).toBe('usernameTaken');
    expect(authErrors({ code: 'FORBIDDEN', message: 'supervisor', field: 'username' }).fields.username?.key).toBe(
      'notSupervisor',
    );
    expect(authErrors({ code: 'CONFLICT', message: 'last admin', field: 'role' }).form?.key).toBe('lastAdmin');
  });

  it('passes anything else on as a call error', () => {
    expect(authErrors({ code: 'UNAVAILABLE', message: 'down' }).other?.code).toBe('UNAVAILABLE');
    expect(authErrors({ code: 'FORBIDDEN', message: 'admins only' }).other?.code).toBe('FORBIDDEN');
  });

  it('catches two different passwords before sending', () => {
    expect(repeatError('secret-pass', 'secret-pass')).toBeNull();
    expect(repeatError('secret-pass', 'secret-pasS')?.fields.repeat?.key).toBe('repeatMismatch');
  });

  it('puts first-run identity problems at the identity fields (the core names them counter.*)', () => {
    const mapped = authErrors({
      code: 'VALIDATION_FAILED',
      message: 'counter.counterLetter: must be one letter A-Z',
      field: 'counter.counterLetter',
      issues: [{ field: 'counter.counterLetter', message: 'must be one letter A-Z', code: 'invalid_format' }],
    });
    expect(mapped.fields).toEqual({ counterLetter: { key: 'counterLetterInvalid', detail: 'must be one letter A-Z' } });
  });

  it('tells a letter fixed by issuing from one fixed by the start-up configuration', () => {
    const issued = authErrors({
      code: 'CONFLICT',
      message: 'already issued',
      field: 'counterLetter',
      details: { reason: 'issued' },
    });
    expect(issued.fields.counterLetter?.key).toBe('identityIssued');
    const pinned = authErrors({
      code: 'CONFLICT',
      message: 'set by start-up',
      field: 'hospitalName',
      details: { reason: 'pinned' },
    });
    expect(pinned.fields.hospitalName?.key).toBe('identityPinned');
  });
});
