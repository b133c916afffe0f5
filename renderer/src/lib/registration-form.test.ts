import { describe, expect, it } from 'vitest';
import { RegisterPatientInput } from '../../../preload/contract';
import {
  buildRegisterInput,
  clearErrorsFor,
  emptyValues,
  firstErrorPath,
  mapCallError,
  nextOnEnter,
  showsAgeMonths,
} from './registration-form';

const ID = '0b7f3c9e-5d7a-4f7e-9a7e-3f1f6b0c2d11';

describe('registration form', () => {
  it('prefills the field the search text belongs to', () => {
    expect(emptyValues({ kind: 'phone', value: '9876543210' }).phone).toBe('9876543210');
    expect(emptyValues({ kind: 'name', value: 'Sunita' }).name).toBe('Sunita');
    expect(emptyValues({ kind: 'abhaAddress', value: 'sunita@abdm' }).abhaAddress).toBe('sunita@abdm');
  });

  it('builds a request that the contract itself accepts', () => {
    const values = { ...emptyValues({ kind: 'name', value: 'Sunita Devi' }), gender: 'female' as const, ageYears: '34' };
    const built = buildRegisterInput(values, ID, false);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const parsed = RegisterPatientInput.parse(built.input);
    expect(parsed).toMatchObject({ id: ID, name: 'Sunita Devi', gender: 'female', ageYears: 34, phone: null });
    expect(parsed.dateOfBirth).toBeUndefined();
    expect(parsed.confirmNotDuplicate).toBeUndefined();
  });

  it('sends the date of birth instead of the age when the clerk switched to it', () => {
    const values = {
      ...emptyValues({ kind: 'none', value: '' }),
      name: 'A',
      gender: 'male' as const,
      birthMode: 'dob' as const,
      ageYears: '40',
      dateOfBirth: '01/05/1990',
    };
    const built = buildRegisterInput(values, ID, true);
    expect(built.ok && built.input).toMatchObject({ dateOfBirth: '1990-05-01', confirmNotDuplicate: true });
    expect(built.ok && built.input.ageYears).toBeUndefined();
    const bad = buildRegisterInput({ ...values, dateOfBirth: '31/02/1990' }, ID, false);
    expect(bad).toEqual({ ok: false, errors: { dateOfBirth: [] } });
  });

  it('refuses to send without a gender or a whole-number age', () => {
    const values = { ...emptyValues({ kind: 'name', value: 'Ram' }), ageYears: '4.5' };
    const built = buildRegisterInput(values, ID, false);
    expect(built).toEqual({ ok: false, errors: { gender: [], ageYears: [] } });
    const tooOld = buildRegisterInput({ ...values, gender: 'male', ageYears: '131' }, ID, false);
    expect(tooOld).toEqual({ ok: false, errors: { ageYears: [] } });
  });

  it('asks months only for children under five, and sends a baby’s age in months', () => {
    const baby = { ...emptyValues({ kind: 'name', value: 'Baby of Rekha' }), gender: 'female' as const };
    expect(showsAgeMonths(baby)).toBe(true);
    expect(showsAgeMonths({ ...baby, ageYears: '4' })).toBe(true);
    expect(showsAgeMonths({ ...baby, ageYears: '5' })).toBe(false);
    expect(showsAgeMonths({ ...baby, birthMode: 'dob' })).toBe(false);

    const months = buildRegisterInput({ ...baby, ageMonths: '7' }, ID, false);
    expect(months.ok && RegisterPatientInput.parse(months.input)).toMatchObject({ ageYears: 0, ageMonths: 7 });
    const both = buildRegisterInput({ ...baby, ageYears: '2', ageMonths: '3' }, ID, false);
    expect(both.ok && both.input).toMatchObject({ ageYears: 2, ageMonths: 3 });
    // Months typed while the years still said 3, then the years became 34: the months are not sent.
    const adult = buildRegisterInput({ ...baby, ageYears: '34', ageMonths: '3' }, ID, false);
    expect(adult.ok && adult.input.ageMonths).toBeUndefined();

    expect(buildRegisterInput({ ...baby, ageMonths: '12' }, ID, false)).toEqual({ ok: false, errors: { ageMonths: [] } });
    expect(buildRegisterInput(baby, ID, false)).toEqual({ ok: false, errors: { ageYears: [] } });
  });

  it('clears the error of a field once the clerk edits it, and only that one', () => {
    const errors = { 'address.pincode': [{ reason: 'pin_format' }], phone: [{ reason: 'mobile_format' }] };
    expect(clearErrorsFor(errors, { pincode: '110001' })).toEqual({ phone: [{ reason: 'mobile_format' }] });
    expect(clearErrorsFor(errors, { birthMode: 'dob' })).toEqual(errors);
  });

  it('spreads a VALIDATION_FAILED error over the fields and keeps the rest general', () => {
    const mapped = mapCallError({
      code: 'VALIDATION_FAILED',
      message: 'invalid input',
      field: 'address.pincode',
      issues: [
        { field: 'address.pincode', message: 'must be a 6-digit PIN code', reason: 'pin_format' },
        { field: 'phone', message: 'must be a 10-digit Indian mobile number starting 6-9', reason: 'mobile_format' },
        { field: 'ageMonths', message: 'too big', reason: 'too_large', params: { max: 11 } },
        { field: 'id', message: 'Invalid UUID', reason: 'bad_format' },
      ],
    });
    expect(mapped.fields).toEqual({
      'address.pincode': [{ reason: 'pin_format', params: undefined }],
      phone: [{ reason: 'mobile_format', params: undefined }],
      ageMonths: [{ reason: 'too_large', params: { max: 11 } }],
    });
    expect(mapped.general).toEqual([{ reason: 'bad_format', params: undefined }]);
    expect(firstErrorPath(mapped.fields)).toBe('ageMonths');
  });

  it('uses the top-level field when an error carries no issues list', () => {
    const mapped = mapCallError({ code: 'VALIDATION_FAILED', message: 'is required', field: 'name', reason: 'required' });
    expect(mapped.fields).toEqual({ name: [{ reason: 'required', params: undefined }] });
    expect(mapCallError({ code: 'INTERNAL', message: 'disk full' }).general).toEqual([{ reason: undefined, params: undefined }]);
  });
});

describe('Enter on the usual path (issue 13)', () => {
  const filled = {
    ...emptyValues({ kind: 'phone', value: '9811223344' }),
    name: 'Mohan Lal',
    gender: 'male' as const,
    ageYears: '52',
  };

  it('moves to the next empty field, skipping what is already there, and registers at the end', () => {
    expect(nextOnEnter({ ...filled, gender: '' }, 'name')).toBe('gender');
    expect(nextOnEnter(filled, 'ageYears')).toBe('guardianRelation'); // the mobile came from the search
    const done = {
      ...filled,
      guardianRelation: 'S/o' as const,
      guardianName: 'Ram Lal',
      addressLine: 'Gali 3',
      pincode: '110053',
    };
    expect(nextOnEnter(done, 'address.line')).toBe('address.district');
    expect(nextOnEnter({ ...done, district: 'North East', state: 'Delhi' }, 'address.pincode')).toBeNull();
    // Optional fields off the path keep Enter = register.
    expect(nextOnEnter(filled, 'abhaNumber')).toBeNull();
  });

  it('asks a small child’s months after the years', () => {
    expect(nextOnEnter({ ...filled, ageYears: '2' }, 'ageYears')).toBe('ageMonths');
  });

  it('sends ID proof only with a type, and an Aadhaar number as typed (the contract masks it)', () => {
    expect(buildRegisterInput({ ...filled, idProofNumber: 'ABCDE1234F' }, ID, false)).toEqual({
      ok: false,
      errors: { 'idProof.type': [] },
    });
    const built = buildRegisterInput({ ...filled, idProofType: 'aadhaar', idProofNumber: '2345 6789 0124' }, ID, false);
    expect(built.ok && built.input.idProof).toEqual({ type: 'aadhaar', number: '2345 6789 0124' });
  });
});
