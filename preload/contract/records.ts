// The shapes the core returns: what a patient, a token and a department look
// like on the wire. Outputs are validated too, so a drifted row is caught at the
// boundary instead of rendering as "undefined" at the counter.
import { z } from 'zod';
import { FeeCategory, Gender, GuardianRelation, Priority, TokenStatus, VisitType } from './fields';
import { TokenFee } from './methods/fee-schemas';
import { IdProof } from './id-proof';
import { QueueRule } from './queue-rule';

const nullableString = z.string().nullable();

export const Address = z.object({
  line: nullableString,
  district: nullableString,
  state: nullableString,
  pincode: nullableString,
});

/** Another patient a record points to: a newborn's mother, the record a duplicate was merged into. */
export const PatientLink = z.object({ id: z.string(), uhid: z.string(), name: z.string() });
export type PatientLink = z.infer<typeof PatientLink>;

export const Patient = z.object({
  id: z.string(),
  uhid: z.string(),
  name: z.string(),
  /** The name in the other script, if given. */
  nameOtherScript: nullableString,
  gender: Gender,
  dateOfBirth: z.string(),
  dateOfBirthEstimated: z.boolean(),
  ageYears: z.number().int(),
  /** Completed months beyond ageYears (0–11). */
  ageMonths: z.number().int().min(0).max(11),
  phone: nullableString,
  guardianName: nullableString,
  guardianRelation: GuardianRelation.nullable(),
  address: Address,
  abhaNumber: nullableString,
  abhaAddress: nullableString,
  /** Registered in an emergency without a name (patients.registerEmergency) and not yet identified. */
  unidentified: z.boolean(),
  /** The name given while unidentified ("Unknown Male 35 — …"); kept after identification. */
  temporaryName: nullableString,
  broughtBy: nullableString,
  /** A newborn's time of birth, HH:MM in the hospital's time zone. */
  birthTime: nullableString,
  mother: PatientLink.nullable(),
  /** An Aadhaar number only ever masked: XXXX-XXXX-1234. */
  idProof: IdProof.nullable(),
  hasPhoto: z.boolean(),
  /** Set on a duplicate merged into another record: that record is the patient now. */
  mergedInto: PatientLink.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Patient = z.infer<typeof Patient>;

export const PatientSummary = Patient.pick({
  id: true,
  uhid: true,
  name: true,
  nameOtherScript: true,
  gender: true,
  dateOfBirth: true,
  ageYears: true,
  ageMonths: true,
  phone: true,
  guardianName: true,
  guardianRelation: true,
  abhaNumber: true,
  unidentified: true,
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const DuplicateCandidate = z.object({
  patient: PatientSummary,
  reasons: z.array(z.enum(['same_phone_similar_name', 'same_name_same_birth_year', 'same_abha'])),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/** `details` of a DUPLICATE_SUSPECTED error. */
export const DuplicateDetails = z.object({ candidates: z.array(DuplicateCandidate) });
export type DuplicateDetails = z.infer<typeof DuplicateDetails>;

export const Department = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameHi: z.string(),
  room: z.string(),
  /** The room in Devanagari for Hindi screens; null: shown as written. */
  roomHi: z.string().nullable(),
  shortcut: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  /** The consultation rooms whose screens call this department's tokens (at least one). */
  rooms: z.array(z.string()),
  /** How "call next" picks (main/queue/queue-order.ts). */
  queueRule: QueueRule,
});
export type Department = z.infer<typeof Department>;

/** A medico-legal case recorded on a visit: what the police register asks for. */
export const Mlc = z.object({
  number: z.string(),
  policeStation: z.string(),
  broughtBy: z.string(),
  /** When the case was recorded (ISO instant). */
  at: z.string(),
});
export type Mlc = z.infer<typeof Mlc>;

export const Token = z.object({
  id: z.string(),
  label: z.string(),
  number: z.number().int(),
  counterLetter: z.string(),
  departmentCode: z.string(),
  /** The department as it is now, so a slip or a queue row needs no second lookup. */
  departmentNameEn: z.string(),
  departmentNameHi: z.string(),
  room: z.string(),
  visitDate: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  patientUhid: z.string(),
  priority: Priority,
  visitType: VisitType,
  feeCategory: FeeCategory,
  status: TokenStatus,
  issuedAt: z.string(),
  cancelledAt: nullableString,
  cancelReason: nullableString,
  transferredFromId: nullableString,
  transferredToId: nullableString,
  /** tokens.issue's answer carries the visit's fee record: amount, exemption, receipt, valid until. */
  fee: TokenFee.optional(),
  mlc: Mlc.nullable(),
  /** Goes up with every change (a queue move, a cancel): queue.move sends the version it saw. */
  version: z.number().int(),
  /** Its place in the queue: the issue time, or when it was put back at the end. */
  queueAt: z.string(),
  /** Per-room queues: the room it waits for (null: any room of the department). */
  assignedRoom: nullableString,
  /** The room that last called it, when, and how many calls (recalls included) so far. */
  callRoom: nullableString,
  calledAt: nullableString,
  firstCalledAt: nullableString,
  callCount: z.number().int(),
});
export type Token = z.infer<typeof Token>;

export { CounterInfo } from './methods/counter-schemas';
