// Who this counter is (docs/decisions.md "Identity and numbering"): the
// hospital, its UHID prefix and this counter's letter. The letter is what
// keeps UHIDs and token labels unique across counters that never talk to each
// other, so it is chosen once, at first run or by the IT officer's start-up
// configuration, and cannot change once anything was issued with it.
import { z } from 'zod';
import { requiredText, text } from '../fields';

export const CounterLetter = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]$/, { message: 'must be one letter A-Z' });

/** The prefix of every UHID the hospital issues, e.g. LNH. */
export const HospitalCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,6}$/, { message: 'must be 2-6 letters A-Z' });

export const HospitalName = requiredText(80);

/** The hospital's name in Devanagari, for Hindi screens and the board ('' when none is given: the name is shown). */
export const HospitalNameHi = text(80);

/** An IANA time zone the runtime knows, e.g. Asia/Kolkata: it decides what "today" is for tokens. */
export const TimeZone = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(64)
  .refine(isKnownTimeZone, { message: 'is not a time zone this computer knows (e.g. Asia/Kolkata)' });

export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The four things that say who a counter is, every one required, and the hospital's Hindi name if it has one. */
export const CounterIdentityInput = z
  .object({
    hospitalName: HospitalName,
    hospitalNameHi: HospitalNameHi.optional(),
    hospitalCode: HospitalCode,
    counterLetter: CounterLetter,
    timeZone: TimeZone,
  })
  .strict();
export type CounterIdentityInput = z.infer<typeof CounterIdentityInput>;

export const IdentityField = z.enum(['hospitalName', 'hospitalNameHi', 'hospitalCode', 'counterLetter', 'timeZone']);
export type IdentityField = z.infer<typeof IdentityField>;

/** Another counter of this hospital that the HIMS knows under the same letter. */
export const OtherCounter = z.object({
  counterId: z.string(),
  name: z.string().nullable(),
  /** When its record at the HIMS last changed (it is refreshed when the counter's details change). */
  updatedAt: z.string().nullable(),
});

/**
 * Whether another counter of this hospital uses this counter's letter, as the
 * HIMS knows them (one FHIR Device per counter, docs/fhir-mapping.md).
 * unchecked: the HIMS is not set up, not reachable yet, or this counter has no letter yet.
 */
export const LetterCheck = z.object({
  state: z.enum(['unique', 'duplicate', 'unchecked']),
  /** Why it is unchecked. */
  reason: z.enum(['not_set_up', 'hims_not_configured', 'hims_not_reached', 'hims_refused']).nullable(),
  /** When the HIMS last answered the check for this letter. */
  checkedAt: z.string().nullable(),
  otherCounters: z.array(OtherCounter),
});
export type LetterCheck = z.infer<typeof LetterCheck>;

export const CounterInfo = z.object({
  counterId: z.string(),
  /** null until first run (or the start-up configuration) sets it. */
  counterLetter: z.string().nullable(),
  hospitalCode: z.string().nullable(),
  hospitalName: z.string(),
  /** '' when the hospital has no Hindi name set. */
  hospitalNameHi: z.string(),
  timeZone: z.string(),
  /** Letter, hospital code and name are set: the counter may issue UHIDs and tokens. */
  configured: z.boolean(),
  /** Set by the start-up configuration (counter.json or the command line): change them there. */
  pinned: z.array(IdentityField),
  /** Something was issued with this letter and hospital code, so they can no longer change. */
  identityLocked: z.boolean(),
  letterCheck: LetterCheck,
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  today: z.string(),
  shell: z.enum(['electron', 'browser']),
});
export type CounterInfo = z.infer<typeof CounterInfo>;
