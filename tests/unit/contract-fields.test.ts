import { describe, expect, it } from 'vitest';
import { methods } from '../../preload/contract/methods';

const register = methods['patients.register'].input;
const base = { name: 'Sita Devi', gender: 'female', ageYears: 30 };

describe('patients.register input', () => {
  it('normalises a mobile number to its 10 digits', () => {
    expect(register.parse({ ...base, phone: '+91 98765-43210' }).phone).toBe('9876543210');
  });

  it.each(['12345', '5876543210', '98765432101', 'ninety'])('refuses phone %s', (phone) => {
    const r = register.safeParse({ ...base, phone });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['phone']);
  });

  it('needs a date of birth or an age, not both', () => {
    expect(register.safeParse({ name: 'Sita', gender: 'female' }).error?.issues[0]?.path).toEqual(['dateOfBirth']);
    expect(register.safeParse({ ...base, dateOfBirth: '1990-01-01' }).success).toBe(false);
    expect(register.safeParse({ name: 'Sita', gender: 'female', dateOfBirth: '1990-02-30' }).success).toBe(false);
    expect(register.safeParse({ name: 'Sita', gender: 'female', dateOfBirth: '2999-01-01' }).success).toBe(false);
  });

  it('accepts the guardian relations written on Indian forms only', () => {
    for (const rel of ['S/o', 'D/o', 'W/o', 'C/o'])
      expect(register.safeParse({ ...base, guardianRelation: rel }).success).toBe(true);
    expect(register.safeParse({ ...base, guardianRelation: 'F/o' }).success).toBe(false);
  });

  it('stores ABHA numbers hyphenated and ABHA addresses lower-case', () => {
    const parsed = register.parse({ ...base, abhaNumber: '91234567890123', abhaAddress: 'Sita.Devi@ABDM' });
    expect(parsed.abhaNumber).toBe('91-2345-6789-0123');
    expect(parsed.abhaAddress).toBe('sita.devi@abdm');
    expect(register.safeParse({ ...base, abhaAddress: 'sita@gmail.com' }).success).toBe(false);
  });

  it('keeps names with apostrophes, markup and SQL as plain text', () => {
    for (const name of ["O'Brien", '<script>alert(1)</script> Ram', "Robert'); DROP TABLE patients;--"]) {
      expect(register.parse({ ...base, name }).name).toBe(name);
    }
  });

  it('refuses control characters, names without letters, and huge strings', () => {
    expect(register.safeParse({ ...base, name: 'Ram\u0000Kumar' }).success).toBe(false);
    expect(register.safeParse({ ...base, name: '12345' }).success).toBe(false);
    expect(register.safeParse({ ...base, name: 'x'.repeat(10_000_000) }).success).toBe(false);
  });

  it('refuses a PIN code that is not 6 digits and unknown fields', () => {
    expect(register.safeParse({ ...base, address: { pincode: '01234' } }).success).toBe(false);
    expect(register.safeParse({ ...base, isAdmin: true }).success).toBe(false);
  });
});
