// patients.* — register, find, read and change patients.
import { z } from 'zod';
import {
  AbhaAddress,
  AbhaNumber,
  Gender,
  GuardianRelation,
  IndianMobile,
  IsoDate,
  Pincode,
  Uuid,
  nullable,
  optionalText,
  requiredText,
  text,
} from '../fields';
import { IdProofInput } from '../id-proof';
import { DuplicateCandidate, Patient, PatientLink, PatientSummary } from '../records';
import type { MethodSpec } from '../method-spec';

export const AddressInput = z
  .object({
    line: optionalText(200),
    district: optionalText(60),
    state: optionalText(60),
    pincode: nullable(Pincode),
  })
  .strict();

/** Demographics shared by register and update. */
const demographics = {
  name: requiredText(100).refine((s) => /\p{L}/u.test(s), { message: 'must contain letters' }),
  /** The name in the other script (Devanagari beside Latin, or Latin beside Devanagari), as the patient writes it. */
  nameOtherScript: optionalText(100).refine((s) => s == null || /\p{L}/u.test(s), { message: 'must contain letters' }),
  gender: Gender,
  dateOfBirth: IsoDate.optional(),
  ageYears: z.number().int().min(0).max(130).optional(),
  ageMonths: z.number().int().min(0).max(11).optional(),
  phone: nullable(IndianMobile),
  guardianName: optionalText(100),
  guardianRelation: nullable(GuardianRelation),
  address: AddressInput.optional(),
  abhaNumber: nullable(AbhaNumber),
  abhaAddress: nullable(AbhaAddress),
  /** Type and number; an Aadhaar number is checked and masked by the schema itself (../id-proof.ts). */
  idProof: IdProofInput.nullable().optional(),
};

type BirthFields = { dateOfBirth?: string | undefined; ageYears?: number | undefined; ageMonths?: number | undefined };

/** Date of birth or age, never both and never neither; a DOB can't be in the future. */
function checkBirth(value: BirthFields, ctx: z.RefinementCtx, required: boolean) {
  if (value.dateOfBirth !== undefined && (value.ageYears !== undefined || value.ageMonths !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['ageYears'], message: 'give either date of birth or age, not both' });
  } else if (required && value.dateOfBirth === undefined && value.ageYears === undefined && value.ageMonths === undefined) {
    ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'date of birth or age is required' });
  }
  if (value.dateOfBirth !== undefined) {
    const dob = new Date(`${value.dateOfBirth}T00:00:00Z`).getTime();
    if (dob > Date.now() + 14 * 3600_000) {
      ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'is in the future' });
    } else if (dob < Date.now() - 131 * 365.25 * 86400_000) {
      ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'is more than 130 years ago' });
    }
  }
}

export const RegisterPatientInput = z
  .object({
    /** Client-made id: a retried registration with the same id returns the first one. */
    id: Uuid.optional(),
    ...demographics,
    /** The clerk has seen the duplicate warning and registers anyway. */
    confirmNotDuplicate: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => checkBirth(v, ctx, true));
export type RegisterPatientInput = z.output<typeof RegisterPatientInput>;

const { name, gender, ...optionalDemographics } = demographics;
export const PatientChanges = z
  .object({ name: name.optional(), gender: gender.optional(), ...optionalDemographics })
  .strict()
  .superRefine((v, ctx) => checkBirth(v, ctx, false));
export type PatientChanges = z.output<typeof PatientChanges>;

const SearchKind = z.enum(['uhid', 'phone', 'abha_number', 'abha_address', 'name', 'none']);

export const patientMethods = {
  'patients.register': {
    summary:
      'Register a new patient; refuses likely duplicates unless confirmNotDuplicate. District and state left empty are filled from the PIN where it names one.',
    input: RegisterPatientInput,
    output: Patient,
  },
  'patients.findDuplicates': {
    summary: 'Patients who look like the one about to be registered.',
    input: RegisterPatientInput,
    output: z.array(DuplicateCandidate),
  },
  'patients.search': {
    summary: 'Find patients by UHID, ABHA number or address, phone (exact) or name (prefix words, any order).',
    input: z.object({ query: text(100), limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: z.object({
      kind: SearchKind,
      patients: z.array(PatientSummary),
      /** The UHID (or ABHA) searched belongs to a duplicate merged into the patient found: say so. */
      mergedFrom: PatientLink.nullable().optional(),
    }),
  },
  'patients.get': {
    summary: 'One patient by id.',
    input: z.object({ id: Uuid }).strict(),
    output: Patient,
  },
  'patients.update': {
    summary: 'Change a patient; the version must match the one the clerk saw.',
    input: z.object({ id: Uuid, version: z.number().int().min(1), changes: PatientChanges }).strict(),
    output: Patient,
  },
} as const satisfies Record<string, MethodSpec>;
