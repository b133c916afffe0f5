// The outbox: one row per change the central HIMS must learn about, always
// written inside the same transaction as the change (see docs/design.md §2), so a
// crash can never leave a change the sync engine does not know of.
import { sql } from '../db/statements';
import type { Database } from 'better-sqlite3';

export interface OutboxEntry {
  entity: 'patient' | 'token' | 'department' | 'charge' | 'receipt' | 'refund';
  entityId: string;
  operation: 'create' | 'update';
  version: number;
  at: string;
}

export function enqueueOutbox(db: Database, entry: OutboxEntry): void {
  if (!db.inTransaction) throw new Error('outbox rows must be written inside the change’s transaction');
  sql(db, 'INSERT INTO outbox (entity, entity_id, operation, version, created_at) VALUES (?, ?, ?, ?, ?)').run(
    entry.entity,
    entry.entityId,
    entry.operation,
    entry.version,
    entry.at,
  );
}
