// ID proof shown at registration. An Aadhaar number is checked (12 digits,
// not starting 0 or 1, Verhoeff check digit) and masked *here*, at the
// boundary: the core only ever receives XXXX-XXXX-1234, so the full number
// cannot reach the database, a log, the outbox or the HIMS (docs/decisions.md,
// "ID proof"). Messages never repeat what was typed.
import { z } from 'zod';
import { verhoeffValid } from './verhoeff';

export const ID_PROOF_TYPES = ['aadhaar', 'voter_id', 'ration_card', 'pan', 'driving_licence', 'passport', 'other'] as const;
export const IdProofType = z.enum(ID_PROOF_TYPES);
export type IdProofType = z.infer<typeof IdProofType>;

export const MASKED_AADHAAR = /^XXXX-XXXX-\d{4}$/;

/** Digits of an Aadhaar number as people write it (spaces or hyphens between groups), or null. */
export function aadhaarDigits(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  return /^[2-9]\d{11}$/.test(digits) && verhoeffValid(digits) ? digits : null;
}

export function maskAadhaar(digits: string): string {
  return `XXXX-XXXX-${digits.slice(-4)}`;
}

/** Other documents: the formats their issuers print (PAN and passport exactly; the rest leniently). */
const FORMATS: Record<Exclude<IdProofType, 'aadhaar'>, { pattern: RegExp; message: string }> = {
  pan: { pattern: /^[A-Z]{5}\d{4}[A-Z]$/, message: 'must be a PAN like ABCDE1234F' },
  passport: { pattern: /^[A-Z]\d{7}$/, message: 'must be a passport number like A1234567' },
  voter_id: { pattern: /^[A-Z0-9/]{6,20}$/, message: 'must be an EPIC number like ABC1234567' },
  driving_licence: { pattern: /^[A-Z0-9-]{8,20}$/, message: 'must be a driving licence number like DL-0420110012345' },
  ration_card: { pattern: /^[A-Z0-9/-]{4,30}$/, message: 'must be letters and digits' },
  other: { pattern: /^[A-Z0-9/ -]{3,40}$/, message: 'must be letters and digits' },
};

export const IdProofInput = z
  .object({ type: IdProofType, number: z.string().max(40, { message: 'is too long for an ID number' }) })
  .strict()
  .transform((value, ctx) => {
    if (value.type === 'aadhaar') {
      const digits = aadhaarDigits(value.number);
      if (!digits) {
        ctx.addIssue({
          code: 'custom',
          path: ['number'],
          message: 'must be a 12-digit Aadhaar number (its last digit is a check digit; one digit is wrong or two are swapped)',
        });
        return z.NEVER;
      }
      return { type: value.type, number: maskAadhaar(digits) };
    }
    const number = value.number
      .toUpperCase()
      .replace(/\s+/g, value.type === 'other' ? ' ' : '')
      .trim();
    const format = FORMATS[value.type];
    if (!format.pattern.test(number)) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: format.message });
      return z.NEVER;
    }
    return { type: value.type, number };
  });
export type IdProofInput = z.output<typeof IdProofInput>;

/** As stored and returned: an Aadhaar number only ever masked. */
export const IdProof = z
  .object({ type: IdProofType, number: z.string() })
  .refine((p) => p.type !== 'aadhaar' || MASKED_AADHAAR.test(p.number), {
    message: 'an Aadhaar number leaves the core masked only',
  });
export type IdProof = z.infer<typeof IdProof>;
