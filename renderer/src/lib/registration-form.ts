// Pure logic of the registration form: its values, the request it sends and
// how a VALIDATION_FAILED answer maps back onto its fields. Kept out of the
// component so it can be unit-tested without a DOM.
import type { CallError, MethodInput } from '../../../preload/contract';
import { MONTHS_SHOWN_BELOW_YEARS } from '../../../preload/contract/age';
import { parseDateOfBirth } from './parse-dob';
import type { IdProofType } from '../../../preload/contract/id-proof';
import type { QueryPrefill } from './query-prefill';
import type { Refusal } from '../i18n/use-refusal-words';

export const GENDERS = ['male', 'female', 'other'] as const;
export const GUARDIAN_RELATIONS = ['S/o', 'D/o', 'W/o', 'C/o'] as const;
export type GenderValue = (typeof GENDERS)[number];
export type RelationValue = (typeof GUARDIAN_RELATIONS)[number];

export interface RegistrationValues {
  name: string;
  /** Optional: the same name in the other script (Devanagari or Latin). */
  nameOtherScript: string;
  gender: GenderValue | '';
  /** Most patients at an OPD know their age, not their date of birth. */
  birthMode: 'age' | 'dob';
  ageYears: string;
  /** Only asked for children under five (see showsAgeMonths). */
  ageMonths: string;
  /** As typed: day first (DD/MM/YYYY) or ISO. */
  dateOfBirth: string;
  phone: string;
  guardianRelation: RelationValue | '';
  guardianName: string;
  addressLine: string;
  district: string;
  state: string;
  pincode: string;
  abhaNumber: string;
  abhaAddress: string;
  /** ID proof; an Aadhaar number leaves the form whole and comes back masked. */
  idProofType: IdProofType | '';
  idProofNumber: string;
}

/** Contract field paths the form has an input for, in on-screen order. */
export const FIELD_PATHS = [
  'name',
  'nameOtherScript',
  'gender',
  'ageYears',
  'ageMonths',
  'dateOfBirth',
  'phone',
  'guardianRelation',
  'guardianName',
  'address.line',
  'address.pincode',
  'address.district',
  'address.state',
  'idProof.type',
  'idProof.number',
  'abhaNumber',
  'abhaAddress',
] as const;
export type FieldPath = (typeof FIELD_PATHS)[number];

/** Per field, the core's refusals (empty for errors found before sending: the field's own hint says what to type). */
export type FieldErrors = Partial<Record<FieldPath, Refusal[]>>;

export interface MappedErrors {
  fields: FieldErrors;
  /** Refusals that belong to no input on the form. */
  general: Refusal[];
}

export function emptyValues(prefill: QueryPrefill): RegistrationValues {
  return {
    name: prefill.kind === 'name' ? prefill.value : '',
    nameOtherScript: '',
    gender: '',
    birthMode: 'age',
    ageYears: '',
    ageMonths: '',
    dateOfBirth: '',
    phone: prefill.kind === 'phone' ? prefill.value : '',
    guardianRelation: '',
    guardianName: '',
    addressLine: '',
    district: '',
    state: '',
    pincode: '',
    abhaNumber: prefill.kind === 'abhaNumber' ? prefill.value : '',
    abhaAddress: prefill.kind === 'abhaAddress' ? prefill.value : '',
    idProofType: '',
    idProofNumber: '',
  };
}

export type RegisterInput = MethodInput<'patients.register'>;

/**
 * Builds the request, or the errors that make sending it pointless. Only what
 * the form itself can know is checked here (a gender chosen, an age that is a
 * whole number); everything else is the contract's job at the boundary.
 */
export function buildRegisterInput(
  values: RegistrationValues,
  id: string,
  confirmNotDuplicate: boolean,
): { ok: true; input: RegisterInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (values.gender === '') errors.gender = [];
  let birth: Pick<RegisterInput, 'ageYears' | 'ageMonths' | 'dateOfBirth'> = {};
  if (values.birthMode === 'age') {
    const years = values.ageYears.trim();
    const months = showsAgeMonths(values) ? values.ageMonths.trim() : '';
    const yearsOk = years === '' || (/^\d{1,3}$/.test(years) && Number(years) <= 130);
    const monthsOk = months === '' || (/^\d{1,2}$/.test(months) && Number(months) <= 11);
    if (!yearsOk || (years === '' && months === '')) errors.ageYears = [];
    if (!monthsOk) errors.ageMonths = [];
    if (!errors.ageYears && !errors.ageMonths) {
      birth = { ageYears: years === '' ? 0 : Number(years) };
      if (months !== '') birth.ageMonths = Number(months);
    }
  } else {
    const iso = parseDateOfBirth(values.dateOfBirth);
    if (iso === null) errors.dateOfBirth = [];
    else birth = { dateOfBirth: iso };
  }
  if (values.gender === '' || Object.keys(errors).length > 0) return { ok: false, errors };

  const input: RegisterInput = {
    id,
    name: values.name,
    nameOtherScript: values.nameOtherScript,
    gender: values.gender,
    ...birth,
    phone: values.phone,
    guardianRelation: values.guardianRelation,
    guardianName: values.guardianName,
    address: {
      line: values.addressLine,
      district: values.district,
      state: values.state,
      pincode: values.pincode,
    },
    abhaNumber: values.abhaNumber,
    abhaAddress: values.abhaAddress,
  };
  if (values.idProofType !== '' || values.idProofNumber.trim() !== '') {
    if (values.idProofType === '') return { ok: false, errors: { 'idProof.type': [] } };
    input.idProof = { type: values.idProofType, number: values.idProofNumber };
  }
  if (confirmNotDuplicate) input.confirmNotDuplicate = true;
  return { ok: true, input };
}

/**
 * Months are asked only while the years typed are under five (or none yet):
 * an infant's age is in months, and an adult's form keeps one stop fewer.
 */
export function showsAgeMonths(values: Pick<RegistrationValues, 'birthMode' | 'ageYears'>): boolean {
  if (values.birthMode !== 'age') return false;
  const years = values.ageYears.trim();
  return years === '' || (/^\d{1,3}$/.test(years) && Number(years) < MONTHS_SHOWN_BELOW_YEARS);
}

/** Where a contract path lands on this form (null: nowhere). */
function formPathOf(field: string): FieldPath | null {
  if ((FIELD_PATHS as readonly string[]).includes(field)) return field as FieldPath;
  if (field === 'address') return 'address.line';
  if (field === 'idProof') return 'idProof.number';
  return null;
}

/** Spreads a VALIDATION_FAILED error over the form's fields. */
export function mapCallError(error: CallError): MappedErrors {
  const fields: FieldErrors = {};
  const general: Refusal[] = [];
  const issues = error.issues?.length ? error.issues : error.field ? [{ ...error, field: error.field }] : [];
  for (const issue of issues) {
    const refusal = { reason: issue.reason, params: issue.params };
    const path = formPathOf(issue.field);
    if (path) (fields[path] ??= []).push(refusal);
    else general.push(refusal);
  }
  if (issues.length === 0) general.push({ reason: error.reason, params: error.params });
  return { fields, general };
}

/** The first field with an error, in on-screen order, to put the cursor there. */
export function firstErrorPath(errors: FieldErrors): FieldPath | null {
  return FIELD_PATHS.find((p) => errors[p] !== undefined) ?? null;
}

/** Which contract path each form value is sent as (null: not sent as such). */
const PATH_OF_VALUE: Record<keyof RegistrationValues, FieldPath | null> = {
  name: 'name',
  nameOtherScript: 'nameOtherScript',
  gender: 'gender',
  birthMode: null,
  ageYears: 'ageYears',
  ageMonths: 'ageMonths',
  dateOfBirth: 'dateOfBirth',
  phone: 'phone',
  guardianRelation: 'guardianRelation',
  guardianName: 'guardianName',
  addressLine: 'address.line',
  district: 'address.district',
  state: 'address.state',
  pincode: 'address.pincode',
  abhaNumber: 'abhaNumber',
  abhaAddress: 'abhaAddress',
  idProofType: 'idProof.type',
  idProofNumber: 'idProof.number',
};

/**
 * The fields a clerk fills for most patients, in the order Enter walks them
 * (fewer keys). Enter moves to the next of these that is still
 * empty; when none is left, Enter registers. District and state come after
 * the PIN, which fills them.
 */
export function enterPath(values: RegistrationValues): FieldPath[] {
  const birth: FieldPath[] =
    values.birthMode === 'dob' ? ['dateOfBirth'] : showsAgeMonths(values) ? ['ageYears', 'ageMonths'] : ['ageYears'];
  return [
    'name',
    'gender',
    ...birth,
    'phone',
    'guardianRelation',
    'guardianName',
    'address.line',
    'address.pincode',
    'address.district',
    'address.state',
  ];
}

const VALUE_OF_PATH = Object.fromEntries(
  (Object.entries(PATH_OF_VALUE) as [keyof RegistrationValues, FieldPath | null][])
    .filter(([, path]) => path !== null)
    .map(([key, path]) => [path, key]),
) as Record<FieldPath, keyof RegistrationValues>;

/** Where Enter in `from` goes: the next empty field on the path, or null to register. */
export function nextOnEnter(values: RegistrationValues, from: FieldPath): FieldPath | null {
  const path = enterPath(values);
  const at = path.indexOf(from);
  if (at < 0) return null; // an optional field (ABHA, ID proof …): Enter registers, as before
  return path.slice(at + 1).find((p) => String(values[VALUE_OF_PATH[p]]).trim() === '') ?? null;
}

/** One key picks a choice: M/F/O for gender, S/D/W/C for the guardian relation. */
export const ONE_KEY: { gender: Record<string, GenderValue>; guardianRelation: Record<string, RelationValue> } = {
  gender: { m: 'male', f: 'female', o: 'other' },
  guardianRelation: { s: 'S/o', d: 'D/o', w: 'W/o', c: 'C/o' },
};

/** The errors left once the clerk has edited these values. */
export function clearErrorsFor(errors: FieldErrors, patch: Partial<RegistrationValues>): FieldErrors {
  const left = { ...errors };
  for (const key of Object.keys(PATH_OF_VALUE) as (keyof RegistrationValues)[]) {
    const path = PATH_OF_VALUE[key];
    if (path && key in patch) delete left[path];
  }
  return left;
}
