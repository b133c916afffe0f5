// Medico-legal cases on a visit: the MLC number, police station,
// who brought the patient and when the case was recorded; printed on the slip
// (main/printing/slip-layout.ts), listed for the police register, audited and
// sent to the HIMS as an Encounter extension (docs/fhir-mapping.md).
import type { Database } from 'better-sqlite3';
import type { MlcInput } from '../../preload/contract/methods/arrival-schemas';
import { appendAudit } from '../audit/audit-log';
import { AppError } from '../core/app-error';
import { enqueueOutbox } from '../core/outbox';
import { setTokenMlc, tokenById } from './token-store';

/** A few minutes of slack for a counter clock a little behind the clerk's watch. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** Call inside the writing transaction, after the token exists. */
export function recordMlc(db: Database, tokenId: string, mlc: MlcInput, actor: string, now: Date): void {
  const at = mlc.at ? new Date(mlc.at) : now;
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    throw new AppError('VALIDATION_FAILED', 'mlc.at: is in the future', {
      field: 'mlc.at',
      issues: [{ field: 'mlc.at', message: 'is in the future', code: 'future' }],
    });
  }
  const before = tokenById(db, tokenId)!;
  setTokenMlc(db, tokenId, {
    number: mlc.number,
    policeStation: mlc.policeStation,
    broughtBy: mlc.broughtBy,
    at: at.toISOString(),
  });
  const iso = now.toISOString();
  enqueueOutbox(db, { entity: 'token', entityId: tokenId, operation: 'update', version: before.version + 1, at: iso });
  // The MLC number names the case, not the patient: it may stand in the log.
  appendAudit(db, {
    at: iso,
    actor,
    action: 'token.mlc',
    entity: 'token',
    entityId: tokenId,
    detail: { label: before.label, mlcNumber: mlc.number, corrected: before.mlc !== null },
  });
}
