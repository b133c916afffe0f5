// The one contract between the UI (or a hospital IT script) and the core.
// Every method is `area.verb` with a zod schema for its input and its output;
// the core implements each exactly once (main/core/registry.ts) and every call
// is validated on the way in and on the way out.
import { z } from 'zod';
import {
  AbhaAddress,
  AbhaNumber,
  DepartmentCode,
  FeeCategory,
  Gender,
  GuardianRelation,
  IndianMobile,
  IsoDate,
  Pincode,
  Priority,
  Uuid,
  VisitType,
  optionalText,
  requiredText,
  text,
} from './fields';
import { CounterInfo, Department, DuplicateCandidate, Patient, PatientSummary, Token } from './records';

/** Absent stays absent ("leave as is" in an update); "" and null mean "none". */
const nullable = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(''), z.null(), schema])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === '' || v === null ? null : (v as z.output<T>)));

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

export const methods = {
  'counter.info': {
    summary: 'Who this counter is: letter, hospital, versions and the local date.',
    input: z.object({}).strict(),
    output: CounterInfo,
  },
  'departments.list': {
    summary: 'OPD departments with Hindi names, rooms and shortcut keys.',
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: z.array(Department),
  },
  'departments.update': {
    summary: 'Edit a department: names, room, shortcut key, active.',
    input: z
      .object({
        code: DepartmentCode,
        nameEn: requiredText(80).optional(),
        nameHi: requiredText(80).optional(),
        room: requiredText(40).optional(),
        shortcut: nullable(z.string().regex(/^[0-9A-Z]$/, { message: 'must be one digit or capital letter' })),
        active: z.boolean().optional(),
      })
      .strict(),
    output: Department,
  },
  'patients.register': {
    summary: 'Register a new patient; refuses likely duplicates unless confirmNotDuplicate.',
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
    output: z.object({ kind: SearchKind, patients: z.array(PatientSummary) }),
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
  'tokens.issue': {
    summary: 'Issue an OPD token for a patient in a department, today.',
    input: z
      .object({
        /** Client-made id: a retried issue with the same id returns the same token. */
        id: Uuid.optional(),
        patientId: Uuid,
        departmentCode: DepartmentCode,
        priority: Priority.default('none'),
        visitType: VisitType.default('new'),
        feeCategory: FeeCategory.default('general'),
      })
      .strict(),
    output: Token,
  },
  'tokens.cancel': {
    summary: 'Cancel a token with a reason; its number is never reused.',
    input: z.object({ tokenId: Uuid, reason: requiredText(200) }).strict(),
    output: Token,
  },
  'tokens.transfer': {
    summary: 'Move a visit to another department: a new token there, the old one marked transferred.',
    input: z.object({ tokenId: Uuid, departmentCode: DepartmentCode, reason: optionalText(200) }).strict(),
    output: z.object({ from: Token, to: Token }),
  },
  'tokens.list': {
    summary: "A day's tokens in queue order (issue time), optionally for one department.",
    input: z
      .object({
        date: IsoDate.optional(),
        departmentCode: DepartmentCode.optional(),
        patientId: Uuid.optional(),
      })
      .strict(),
    output: z.array(Token),
  },
} as const satisfies Record<string, MethodSpec>;

export interface MethodSpec {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
}

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
