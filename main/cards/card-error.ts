// A refused scan: a VALIDATION_FAILED error on the `text` field whose details
// carry the reason, so the UI can say it in the clerk's language. Nothing is
// stored for a refused scan.
import type { CardRejection } from '../../preload/contract/methods/card-schemas';
import { AppError } from '../core/app-error';

export class CardRejected extends AppError {
  constructor(
    readonly reason: CardRejection,
    message: string,
  ) {
    super('VALIDATION_FAILED', message, {
      field: 'text',
      issues: [{ field: 'text', message, code: reason }],
      details: { reason },
    });
    this.name = 'CardRejected';
  }
}

export const reject = (reason: CardRejection, message: string) => new CardRejected(reason, message);
