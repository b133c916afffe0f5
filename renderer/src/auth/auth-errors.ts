// What a failed sign-in, setup or account change means for the form that
// sent it: the core names the offending field (zod's path, or `field` on its
// own refusals), and the form shows a translated line there, with the core's
// English words underneath for whoever is called to help.
import type { CallError } from '../../../preload/contract';

export const IDENTITY_FIELDS = ['hospitalName', 'hospitalNameHi', 'hospitalCode', 'counterLetter', 'timeZone'] as const;
export const AUTH_FIELDS = ['username', 'displayName', 'password', 'repeat', 'role', 'active', ...IDENTITY_FIELDS] as const;
export type AuthField = (typeof AUTH_FIELDS)[number];

/** i18n keys under `auth.errors`. */
export type AuthErrorKey =
  | 'wrongPassword'
  | 'usernameInvalid'
  | 'usernameTaken'
  | 'displayNameInvalid'
  | 'passwordInvalid'
  | 'repeatMismatch'
  | 'notSupervisor'
  | 'lastAdmin'
  | 'tooMany'
  | 'hospitalNameInvalid'
  | 'hospitalNameHiInvalid'
  | 'hospitalCodeInvalid'
  | 'counterLetterInvalid'
  | 'timeZoneInvalid'
  | 'identityIssued'
  | 'identityPinned';

export interface AuthProblem {
  key: AuthErrorKey;
  /** The core's own message, shown small and in English. */
  detail?: string;
  /** For `tooMany`: how long to wait. */
  seconds?: number;
}

export interface AuthErrors {
  fields: Partial<Record<AuthField, AuthProblem>>;
  /** A refusal that belongs to no field (shown above the buttons). */
  form: AuthProblem | null;
  /** Anything else (network, internal): shown as a plain call error. */
  other: CallError | null;
}

export const NO_ERRORS: AuthErrors = { fields: {}, form: null, other: null };

function isAuthField(value: string | undefined): value is AuthField {
  return value !== undefined && (AUTH_FIELDS as readonly string[]).includes(value);
}

const INVALID: Partial<Record<AuthField, AuthErrorKey>> = {
  username: 'usernameInvalid',
  displayName: 'displayNameInvalid',
  password: 'passwordInvalid',
  hospitalName: 'hospitalNameInvalid',
  hospitalNameHi: 'hospitalNameHiInvalid',
  hospitalCode: 'hospitalCodeInvalid',
  counterLetter: 'counterLetterInvalid',
  timeZone: 'timeZoneInvalid',
};

/** The form field a core path names: `counter.counterLetter` (auth.setup) is the letter field. */
function formField(path: string | undefined): AuthField | undefined {
  const parts = (path ?? '').split('.');
  const field = parts[0] === 'counter' ? parts[1] : parts[0];
  return isAuthField(field) ? field : undefined;
}

function identityRefusal(error: CallError): AuthErrors | null {
  const field = formField(error.field);
  if (!field || !(IDENTITY_FIELDS as readonly string[]).includes(field)) return null;
  const reason = (error.details as { reason?: string } | undefined)?.reason;
  const key: AuthErrorKey = reason === 'pinned' ? 'identityPinned' : 'identityIssued';
  return { ...NO_ERRORS, fields: { [field]: { key, detail: error.message } } };
}

function retryAfter(details: unknown): number | undefined {
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) return undefined;
  const seconds = details.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : undefined;
}

export function authErrors(error: CallError): AuthErrors {
  const detail = error.message;
  switch (error.code) {
    case 'VALIDATION_FAILED': {
      const fields: AuthErrors['fields'] = {};
      for (const issue of error.issues ?? [{ field: error.field ?? '', message: error.message }]) {
        const field = formField(issue.field);
        const key = field ? INVALID[field] : undefined;
        if (field && key && !fields[field]) fields[field] = { key, detail: issue.message };
      }
      return Object.keys(fields).length > 0 ? { fields, form: null, other: null } : { ...NO_ERRORS, other: error };
    }
    case 'UNAUTHORIZED':
      // Same words for an unknown name and a wrong password: nobody learns which names exist.
      return error.field === undefined
        ? { ...NO_ERRORS, other: error }
        : { ...NO_ERRORS, fields: { password: { key: 'wrongPassword', detail } } };
    case 'TOO_MANY_ATTEMPTS': {
      const seconds = retryAfter(error.details);
      return { ...NO_ERRORS, form: { key: 'tooMany', detail, ...(seconds !== undefined ? { seconds } : {}) } };
    }
    case 'FORBIDDEN':
      if (error.field === 'username') return { ...NO_ERRORS, fields: { username: { key: 'notSupervisor', detail } } };
      return { ...NO_ERRORS, other: error };
    case 'CONFLICT':
      if (identityRefusal(error)) return identityRefusal(error)!;
      if (error.field === 'username') return { ...NO_ERRORS, fields: { username: { key: 'usernameTaken', detail } } };
      if (error.field === 'role' || error.field === 'active') return { ...NO_ERRORS, form: { key: 'lastAdmin', detail } };
      return { ...NO_ERRORS, other: error };
    default:
      return { ...NO_ERRORS, other: error };
  }
}

/** Checked before sending: the two passwords typed must match. */
export function repeatError(password: string, repeat: string): AuthErrors | null {
  return password === repeat ? null : { ...NO_ERRORS, fields: { repeat: { key: 'repeatMismatch' } } };
}

/** The first field with a problem, in the order the form shows them: where the cursor goes. */
export function firstInvalid(errors: AuthErrors, order: readonly AuthField[]): AuthField | null {
  return order.find((f) => errors.fields[f] !== undefined) ?? null;
}
