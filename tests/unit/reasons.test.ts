// Every reason the core can give a refusal has a sentence in English and in
// Hindi, and the refusals a clerk meets get the reason that says what to do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { validationError } from '../../main/core/registry';
import { checkGuardian, checkPincode } from '../../main/patients/patients-handlers';
import { methods } from '../../preload/contract/methods';
import { REASONS, reasonOf, withReasons } from '../../preload/contract/reasons';
import en from '../../renderer/src/i18n/reasons-en.json';
import hi from '../../renderer/src/i18n/reasons-hi.json';

const variables = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function refusalOf(input: unknown) {
  const parsed = methods['patients.register'].input.safeParse(input);
  if (parsed.success) throw new Error('the input passed');
  return withReasons(validationError(parsed.error));
}

function thrown(fn: () => void) {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return withReasons(err.toCallError());
  }
  throw new Error('nothing was refused');
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('reasons', () => {
  it('each has an English and a Hindi sentence with the same numbers to fill, and the catalogues hold nothing else', () => {
    expect(Object.keys(en).sort()).toEqual([...REASONS].sort());
    expect(Object.keys(hi).sort()).toEqual([...REASONS].sort());
    for (const reason of REASONS) {
      const english = (en as Record<string, string>)[reason]!;
      const hindi = (hi as Record<string, string>)[reason]!;
      expect(english.trim(), reason).not.toBe('');
      expect(hindi, reason).toMatch(/[\u0900-\u097F]/);
      expect(variables(hindi), reason).toEqual(variables(english));
    }
  });

  it('every message the contract writes gets a reason from the list', () => {
    const messages = sourcesUnder('preload/contract').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/message: '([^']+)'/g)].map((m) => m[1]!),
    );
    expect(messages.length).toBeGreaterThan(50);
    for (const message of messages) expect(REASONS, message).toContain(reasonOf({ message }).reason);
  });

  it("words the registration form's refusals by what the clerk must do, with the numbers they name", () => {
    const base = { id: '0b7c3f56-6a0e-4d36-9c1e-8f1d2a3b4c5d', name: 'Pooja', gender: 'female', ageYears: 30 };
    expect(refusalOf({ ...base, phone: '12345' })).toMatchObject({ field: 'phone', reason: 'mobile_format' });
    expect(refusalOf({ ...base, address: { pincode: '12' } })).toMatchObject({ reason: 'pin_format' });
    expect(refusalOf({ ...base, name: '1234' })).toMatchObject({ field: 'name', reason: 'letters' });
    expect(refusalOf({ ...base, name: 'x'.repeat(101) })).toMatchObject({ reason: 'too_long', params: { max: 100 } });
    expect(refusalOf({ ...base, ageYears: 200 })).toMatchObject({ reason: 'too_large', params: { max: 130 } });
    expect(refusalOf({ ...base, dateOfBirth: '1990-01-01' })).toMatchObject({ reason: 'birth_both' });
    expect(refusalOf({ ...base, name: '' })).toMatchObject({ field: 'name', reason: 'required' });
  });

  it('words what the core refuses after the schema, thrown as AppErrors', () => {
    expect(thrown(() => checkPincode('999999'))).toMatchObject({ field: 'address.pincode', reason: 'pin_unknown' });
    expect(thrown(() => checkGuardian(null, 'S/o'))).toMatchObject({ reason: 'guardian_name_required' });
    expect(thrown(() => checkGuardian('Ramesh', null))).toMatchObject({ reason: 'guardian_relation_required' });
    const setUp = new AppError('VALIDATION_FAILED', 'counter.hospitalCode: is required to set up this counter', {
      field: 'counter.hospitalCode',
    });
    expect(withReasons(setUp.toCallError())).toMatchObject({ reason: 'setup_required' });
    // A refusal that is no validation (a conflict, a missing record) is worded by its code: no reason is made up.
    expect(withReasons(new AppError('CONFLICT', 'already there').toCallError()).reason).toBeUndefined();
  });
});
