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
  | 'token.move'
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
  | 'auth.startBoard'
  | 'board.end'
  | 'clerk.create'
  | 'clerk.update';

export interface AuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  entity: 'patient' | 'token' | 'department' | 'printer' | 'clerk' | 'board';
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
