// Append-only record of who did what (the table refuses UPDATE and DELETE).
// Details name fields and reasons, never patient demographics.
import { sql } from '../db/statements';
import type { Database } from 'better-sqlite3';

export type AuditAction =
  | 'patient.register'
  | 'patient.view'
  | 'patient.update'
  | 'token.issue'
  | 'token.cancel'
  | 'token.transfer'
  | 'department.update'
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
  | 'clerk.create'
  | 'clerk.update'
  | 'counter.configure'
  | 'counter.update'
  // Money (issue 12)
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
  | 'peer.networkKey';

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
    | 'peer';
  entityId: string;
  detail?: Record<string, unknown>;
}

export function appendAudit(db: Database, entry: AuditEntry): void {
  sql(db, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.detail ? JSON.stringify(entry.detail) : null,
  );
}
