// Errors the core throws on purpose. The registry turns them into the
// contract's typed CallError; anything else becomes INTERNAL (and is logged
// without patient data).
import type { CallError, ErrorCode, FieldIssue } from '../../preload/contract/errors';
import type { Reason, ReasonParams } from '../../preload/contract/reasons';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** `reason` words the refusal on screen (preload/contract/reasons.ts); without one it is found from the message. */
    readonly extra: { field?: string; issues?: FieldIssue[]; details?: unknown; reason?: Reason; params?: ReasonParams } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toCallError(): CallError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export const notFound = (what: string, field?: string) => new AppError('NOT_FOUND', `${what} not found`, field ? { field } : {});

export const conflict = (message: string, field?: string, details?: unknown) =>
  new AppError('CONFLICT', message, { ...(field ? { field } : {}), ...(details ? { details } : {}) });
