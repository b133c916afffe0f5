// The typed error every failed call returns, over IPC and over HTTP alike.
import { z } from 'zod';

export const ErrorCode = z.enum([
  'VALIDATION_FAILED', // input did not match the method's schema
  'MALFORMED_REQUEST', // not JSON, or not an object
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'LOCKED', // the counter is locked (idle or by the clerk): the password opens it
  'TOO_MANY_ATTEMPTS', // sign-in refused for a while after repeated wrong passwords
  'NOT_FOUND',
  'CONFLICT', // e.g. an ABHA number already registered
  'DUPLICATE_SUSPECTED', // a likely duplicate patient; details.candidates
  'VERSION_CONFLICT', // someone changed the record since it was read
  'NOT_SET_UP', // this counter has no letter or hospital code yet: nothing can be issued
  'PAYMENT_REQUIRED', // a fee is due for this token: details.duePaise says how much
  'MOVE_NOT_ALLOWED', // a queue move the token's status does not allow (finishing a waiting token); details.token
  'INTERNAL',
  'CLOCK_BEHIND', // this computer's clock is earlier than what the counter already dated (details: ClockBehindDetails)
  'UNAVAILABLE', // the core could not be reached (made by the client's transport, never by the core)
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Why a value was refused, for the screens to word (./reasons.ts), and the numbers its sentence names. */
const Reasoned = {
  reason: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
};

/**
 * One problem with one field; `code` is zod's issue code (too_big, invalid_format …), `reason` the word
 * the screens translate; `message` is English, for logs.
 */
export const FieldIssue = z.object({ field: z.string(), message: z.string(), code: z.string().optional(), ...Reasoned });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const CallError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Dotted path of the first offending field, e.g. "address.pincode". */
  field: z.string().optional(),
  issues: z.array(FieldIssue).optional(),
  /** The reason of the refusal (of its first issue when it has several); absent: the code says it all. */
  ...Reasoned,
  details: z.unknown().optional(),
});
export type CallError = z.infer<typeof CallError>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** HTTP status for each code, used by the browser shell. */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNKNOWN_METHOD: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_SUSPECTED: 409,
  VERSION_CONFLICT: 409,
  NOT_SET_UP: 409,
  PAYMENT_REQUIRED: 402,
  MOVE_NOT_ALLOWED: 409,
  INTERNAL: 500,
  CLOCK_BEHIND: 409,
  UNAVAILABLE: 503,
};
