// Append-only record of who did what (the table refuses UPDATE and DELETE).
// Details name fields and reasons, never patient demographics. Each row is
// chained to the one before by its hash (audit-chain.ts).
import { sql } from '../db/statements';
import type { Database } from 'better-sqlite3';
import { writeTransaction } from '../db/transaction';
import { auditRowHash, GENESIS_HASH } from './audit-chain';

export type AuditAction =
  | 'patient.register'
  | 'patient.view'
  | 'patient.update'
  | 'token.issue'
  | 'token.cancel'
  | 'token.transfer'
  | 'token.move'
  | 'department.update'
  | 'department.copy'
  | 'token.print'
  | 'token.reprint'
  | 'printer.settings'
  | 'card.issue'
  | 'card.print'
  | 'sync.resolve'
  | 'auth.setup'
  | 'auth.signIn'
  | 'auth.signInFailed'
  | 'auth.signOut'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.startKiosk'
  | 'auth.startBoard'
  | 'board.end'
  | 'clerk.create'
  | 'clerk.update'
  | 'counter.configure'
  | 'counter.update'
  // Money
  | 'fee.settings'
  | 'fee.schedule'
  | 'fee.exemption'
  | 'fee.collect'
  | 'fee.refund'
  | 'fee.cancel'
  | 'receipt.reprint'
  | 'cash.open'
  | 'cash.close'
  | 'cash.signOff'
  | 'cash.reprint'
  | 'report.export'
  | 'patient.bringOver'
  | 'peer.pair'
  | 'peer.remove'
  | 'peer.networkKey'
  | 'backup.settings'
  | 'backup.recoveryCode'
  | 'backup.restore'
  | 'clock.accept'
  | 'update.settings'
  | 'support.bundle'
  | 'audit.export'
  // Patients at the door: emergencies, newborns, MLCs, merges, photos
  | 'patient.registerEmergency'
  | 'patient.identify'
  | 'patient.registerNewborn'
  | 'patient.merge'
  | 'patient.unmerge'
  | 'patient.photo'
  | 'patient.photoRemoved'
  | 'token.mlc'
  | 'photos.settings';

export interface AuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  entity:
    | 'patient'
    | 'token'
    | 'department'
    | 'printer'
    | 'clerk'
    | 'counter'
    | 'fees'
    | 'charge'
    | 'receipt'
    | 'refund'
    | 'cash_shift'
    | 'report'
    | 'peer'
    | 'settings'
    | 'board';
  entityId: string;
  detail?: Record<string, unknown>;
}

export function appendAudit(db: Database, entry: AuditEntry): void {
  // Reading the last hash and writing the next row must be one transaction,
  // or two processes on one file would both chain onto the same row.
  if (!db.inTransaction) {
    writeTransaction(db, () => appendAudit(db, entry));
    return;
  }
  const last = sql<[], { seq: number; hash: string }>(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  };
  const hash = auditRowHash(last ? last.hash : GENESIS_HASH, row);
  sql(db, 'INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.entity,
    row.entityId,
    row.detail,
    hash,
  );
}
