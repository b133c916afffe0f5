// Why the core refused a value, as a stable word that the screens put into
// the clerk's language (renderer/src/i18n/reasons-*.json). The English
// message stays on the error for logs and for whoever is called to help; the
// clerk never reads it. Every reason here has a sentence in both catalogues
// (reasons-catalogue.test.ts), so a refusal is never shown in developer English.
import type { CallError, FieldIssue } from './errors';

export const REASONS = [
  // Any field
  'required',
  'letters',
  'too_long',
  'too_short',
  'too_large',
  'too_small',
  'control_chars',
  'whole_number',
  'not_negative',
  'more_than_zero',
  'bad_format',
  'not_a_choice',
  'invalid',
  // Dates and times
  'date_format',
  'date_not_real',
  'date_future',
  'date_too_old',
  'time_format',
  'birth_required',
  'birth_both',
  // A patient's details
  'mobile_format',
  'pin_format',
  'pin_unknown',
  'abha_number_format',
  'abha_address_format',
  'guardian_relation_required',
  'guardian_name_required',
  'aadhaar_format',
  'id_number_format',
  'photo_consent',
  // Queue, money, setup
  'room_required',
  'error_reason_required',
  'setup_required',
  'amount_format',
  'utr_format',
  'upi_address_format',
  'cash_short_note',
  'cash_over_note',
  'exemption_unknown',
  'proof_required',
  'username_format',
  'printer_address_format',
] as const;
export type Reason = (typeof REASONS)[number];

/** Words a reason's sentence fills in, e.g. { max: 100 } for too_long. */
export type ReasonParams = Record<string, string | number>;

/**
 * The contract's own messages and the reason each stands for. A message not
 * listed still gets a reason from its zod code (too_big → too_long …) below.
 */
const REASON_OF_MESSAGE: Record<string, Reason> = {
  'is required': 'required',
  'must contain letters': 'letters',
  'must not contain control characters': 'control_chars',
  'must be a date as YYYY-MM-DD': 'date_format',
  'is not a real calendar date': 'date_not_real',
  'is in the future': 'date_future',
  'is more than 130 years ago': 'date_too_old',
  'date of birth or age is required': 'birth_required',
  'give either date of birth or age, not both': 'birth_both',
  'is not a mobile number': 'mobile_format',
  'must be a 10-digit Indian mobile number starting 6-9': 'mobile_format',
  'must be a 6-digit PIN code': 'pin_format',
  'is not a PIN code in the India Post directory': 'pin_unknown',
  'is not an ABHA number': 'abha_number_format',
  'must be 14 digits (XX-XXXX-XXXX-XXXX)': 'abha_number_format',
  'is not an ABHA address': 'abha_address_format',
  'must look like name@abdm': 'abha_address_format',
  'choose S/o, D/o, W/o or C/o': 'guardian_relation_required',
  "the guardian's name is required": 'guardian_name_required',
  'must be a 12-digit Aadhaar number (its last digit is a check digit; one digit is wrong or two are swapped)': 'aadhaar_format',
  'must be the 12-digit Aadhaar number (its last digit is a check digit) or the last 4 digits of a masked card': 'aadhaar_format',
  'must be a PAN like ABCDE1234F': 'id_number_format',
  'must be a passport number like A1234567': 'id_number_format',
  'must be an EPIC number like ABC1234567': 'id_number_format',
  'must be a driving licence number like DL-0420110012345': 'id_number_format',
  'is too long for an ID number': 'id_number_format',
  'must be the document number: 1-40 letters, digits, spaces and - . / # ( )': 'id_number_format',
  'the patient must agree to the photo': 'photo_consent',
  'must be a time like 14:05': 'time_format',
  'is required to call a patient': 'room_required',
  'is required to mark a token entered in error': 'error_reason_required',
  'is required to set up this counter': 'setup_required',
  'must be an amount in paise (a whole number)': 'amount_format',
  'must be a whole number of paise (₹10 is 1000)': 'amount_format',
  'must be an amount in paise': 'amount_format',
  'must be a whole number of paise': 'amount_format',
  'must be a number of notes or coins': 'whole_number',
  'must be a whole number': 'whole_number',
  'must not be negative': 'not_negative',
  'must be more than zero': 'more_than_zero',
  'must be the 12-digit UPI reference (UTR) from the payer’s app': 'utr_format',
  'must be a UPI address like hospital@sbi': 'upi_address_format',
  'use 3–32 letters, digits, dot, dash or underscore, starting with a letter': 'username_format',
  'must be tcp://host:port, a /dev/… device file, or os:<printer name>': 'printer_address_format',
};

/** What a zod issue says beyond its message: enough to find its reason and the numbers it names. */
export interface IssueFacts {
  message: string;
  code?: string | undefined;
  origin?: string | undefined;
  maximum?: number | bigint | undefined;
  minimum?: number | bigint | undefined;
}

const asNumber = (n: number | bigint | undefined): number => Number(n ?? 0);

/** The reason (and its numbers) for one refused value. */
export function reasonOf(issue: IssueFacts): { reason: Reason; params?: ReasonParams } {
  const known = REASON_OF_MESSAGE[issue.message];
  if (known) return { reason: known };
  const text = issue.origin === 'string';
  switch (issue.code) {
    case 'too_big':
      return text
        ? { reason: 'too_long', params: { max: asNumber(issue.maximum) } }
        : { reason: 'too_large', params: { max: asNumber(issue.maximum) } };
    case 'too_small':
      if (text && asNumber(issue.minimum) <= 1) return { reason: 'required' };
      return text
        ? { reason: 'too_short', params: { min: asNumber(issue.minimum) } }
        : { reason: 'too_small', params: { min: asNumber(issue.minimum) } };
    case 'invalid_format':
      return { reason: 'bad_format' };
    case 'invalid_value':
      return { reason: 'not_a_choice' };
    case 'invalid_type':
      return { reason: 'required' };
    default:
      return { reason: 'invalid' };
  }
}

export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && (REASONS as readonly string[]).includes(value);
}

/**
 * Gives every issue of a refusal its reason (kept where the thrower chose one)
 * and the refusal itself the reason of its first issue, so a screen can word
 * any refusal the core sends, however it was thrown.
 */
export function withReasons(error: CallError): CallError {
  const issues = error.issues?.map((issue): FieldIssue => (isReason(issue.reason) ? issue : { ...issue, ...reasonOf(issue) }));
  const first = issues?.[0];
  if (isReason(error.reason)) return issues ? { ...error, issues } : error;
  if (first) return { ...error, issues: issues ?? [], reason: first.reason, ...(first.params ? { params: first.params } : {}) };
  if (error.code !== 'VALIDATION_FAILED') return error;
  // A refusal thrown as "field: message": the message after the field names the reason.
  const message =
    error.field && error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
  return { ...error, ...reasonOf({ message }) };
}
