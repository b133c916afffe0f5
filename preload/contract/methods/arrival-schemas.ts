// Inputs for the patients who do not walk up to the counter with a card: the
// unknown patient brought in by the police, the medico-legal case, the
// newborn from the labour room.
import { z } from 'zod';
import { IsoDate, requiredText, optionalText, Uuid } from '../fields';

/** An ISO instant with its offset, as a browser's toISOString() writes it. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be a date and time like 2026-11-30T14:05:00+05:30' });

/** The police register's columns for a medico-legal case. */
export const MlcInput = z
  .object({
    number: requiredText(40),
    policeStation: requiredText(100),
    broughtBy: requiredText(100),
    /** When the case was recorded; now when absent. Never in the future. */
    at: Instant.optional(),
  })
  .strict();
export type MlcInput = z.output<typeof MlcInput>;

/** HH:MM on a 24-hour clock. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time like 14:05' });

export const EmergencyInput = z
  .object({
    /** Client-made id of the patient: a retry returns the first registration. */
    id: Uuid.optional(),
    /** Client-made id of the Casualty token. */
    tokenId: Uuid.optional(),
    gender: z.enum(['male', 'female', 'other']),
    /** As estimated at a glance. */
    ageYears: z.number().int().min(0).max(130),
    broughtBy: optionalText(100),
    mlc: MlcInput.optional(),
  })
  .strict();
export type EmergencyInput = z.output<typeof EmergencyInput>;

export const NewbornInput = z
  .object({
    id: Uuid.optional(),
    motherId: Uuid,
    /** "Baby of <mother>" when absent; edited later with patients.update, the link stays. */
    name: optionalText(100),
    gender: z.enum(['male', 'female', 'other']),
    dateOfBirth: IsoDate,
    birthTime: ClockTime,
  })
  .strict();
export type NewbornInput = z.output<typeof NewbornInput>;
