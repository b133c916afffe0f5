// Field-level schemas shared by the contract's methods. Pure zod: this file is
// imported by the core (Node), the preload and the renderer (DOM) alike.
import { z } from 'zod';

/** Every free-text field has a ceiling, so a 10 MB string is a 4xx, never a write. */
export const MAX_TEXT = 200;

// Control characters are refused; everything printable is kept verbatim:
// O'Brien, <script> and SQL fragments are stored and shown as plain text.
const CONTROL_CHARS = /\p{Cc}/u;

export function text(max = MAX_TEXT) {
  return z
    .string()
    .max(max * 4, { message: `must be at most ${max} characters` })
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .max(max, { message: `must be at most ${max} characters` })
        .refine((s) => !CONTROL_CHARS.test(s), { message: 'must not contain control characters' }),
    );
}

export function requiredText(max = MAX_TEXT) {
  return text(max).pipe(z.string().min(1, { message: 'is required' }));
}

/** Optional text: absent stays absent; empty (after trimming) and null mean "none". */
export function optionalText(max = MAX_TEXT) {
  return z
    .union([z.null(), text(max)])
    .optional()
    .transform((s) => (s === undefined ? undefined : s ? s : null));
}

/** Absent stays absent ("leave as is" in an update); "" and null mean "none". */
export const nullable = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(''), z.null(), schema])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === '' || v === null ? null : (v as z.output<T>)));

export const Uuid = z.uuid();

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    },
    { message: 'is not a real calendar date' },
  );

export const Gender = z.enum(['male', 'female', 'other']);

/** Guardian relations as written on Indian registration forms. */
export const GuardianRelation = z.enum(['S/o', 'D/o', 'W/o', 'C/o']);

/**
 * Indian mobile number: 10 digits starting 6-9. Accepts the ways clerks and
 * patients write it (+91, 0 prefix, spaces, hyphens) and stores the 10 digits.
 */
export const IndianMobile = z
  .string()
  .max(20, { message: 'is not a mobile number' })
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^(\+91|0091|91(?=\d{10}$)|0(?=\d{10}$))/, ''))
  .pipe(z.string().regex(/^[6-9]\d{9}$/, { message: 'must be a 10-digit Indian mobile number starting 6-9' }));

export const Pincode = z.string().regex(/^[1-9]\d{5}$/, { message: 'must be a 6-digit PIN code' });

/** ABHA number: 14 digits, written XX-XXXX-XXXX-XXXX or plain; stored hyphenated. */
export const AbhaNumber = z
  .string()
  .max(24, { message: 'is not an ABHA number' })
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{14}$/, { message: 'must be 14 digits (XX-XXXX-XXXX-XXXX)' }))
  .transform((d) => `${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6, 10)}-${d.slice(10)}`);

/** ABHA address: user@abdm (production) or user@sbx (sandbox). */
export const AbhaAddress = z
  .string()
  .max(80, { message: 'is not an ABHA address' })
  .transform((s) => s.trim().toLowerCase())
  .pipe(
    z.string().regex(/^[a-z0-9][a-z0-9._]{2,49}@(abdm|sbx)$/, {
      message: 'must look like name@abdm',
    }),
  );

export const Priority = z.enum(['none', 'senior', 'divyang', 'pregnant', 'emergency', 'staff']);
export const VisitType = z.enum(['new', 'follow_up']);
/**
 * The fee category on a visit: 'general' (pays by the schedule) or the code of
 * an exemption the supervisor keeps (fees.settings; BPL, EWS, senior citizen …).
 */
export const FeeCategory = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, { message: 'must be general or an exemption code like bpl' });
/**
 * A token's life (docs/design.md §9): issued (waiting in the queue), called,
 * in consultation, done; set aside as no-show or skipped (both can be put
 * back); closed as cancelled, transferred or entered in error.
 */
export const TokenStatus = z.enum([
  'issued',
  'called',
  'in_consultation',
  'done',
  'no_show',
  'skipped',
  'cancelled',
  'transferred',
  'entered_in_error',
]);
export type TokenStatus = z.infer<typeof TokenStatus>;

/** A consultation room of a department as the room screen and the board name it ("101", "12A"). */
export const RoomCode = z
  .string()
  .max(64)
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z.string().regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N} ,./#()-]{0,23}$/u, {
      message: 'must be a room number or name of 1-24 letters, digits, spaces and - . / , # ( )',
    }),
  );

export const DepartmentCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/, {
  message: 'must be an uppercase department code like MED',
});
