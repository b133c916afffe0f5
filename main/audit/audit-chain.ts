// The audit log as a hash chain: each row's hash is SHA-256 over the previous
// row's hash and the row's own content, so editing or removing a row in the
// database file breaks the chain at that row. What a chain cannot show by
// itself (the newest rows cut off, or the whole tail rewritten) is caught by
// comparing with a head kept elsewhere: every backup's header, and the
// AuditEvent sent to the HIMS (docs/fhir-mapping.md "Audit checkpoint").
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** The "previous hash" of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  /** The stored JSON text, exactly as in the table. */
  detail: string | null;
}

/** hash = SHA-256(previous hash, "\n", JSON of the row's columns in a fixed order). */
export function auditRowHash(previous: string, row: ChainedRow): string {
  const canonical = JSON.stringify([row.seq, row.at, row.actor, row.action, row.entity, row.entityId, row.detail]);
  return createHash('sha256').update(previous).update('\n').update(canonical).digest('hex');
}

/**
 * Makes hims_audit_hash() available to SQL on this connection: migration 0110
 * chains the rows written before it with the very function the app uses.
 */
export function registerAuditFunctions(db: Database): void {
  // SQLite hands TEXT columns over as strings (NULL as null) and INTEGER as numbers.
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  db.function('hims_audit_hash', { deterministic: true, varargs: true }, (...args: unknown[]) => {
    const [previous, seq, at, actor, action, entity, entityId, detail] = args;
    return auditRowHash(text(previous), {
      seq: Number(seq),
      at: text(at),
      actor: text(actor),
      action: text(action),
      entity: text(entity),
      entityId: text(entityId),
      detail: detail === null ? null : text(detail),
    });
  });
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export function chainHead(db: Database): ChainHead | null {
  const row = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string | null } | undefined;
  return row && row.hash ? { seq: row.seq, hash: row.hash } : null;
}

export type BreakReason =
  /** The row's content or its hash is not what was written (edited in the file). */
  | 'changed'
  /** Rows before this one are missing (deleted in the file). */
  | 'missing_before'
  /** The row has no hash at all (written around the app). */
  | 'unchained';

export interface ChainBreak {
  seq: number;
  at: string;
  actor: string;
  action: string;
  reason: BreakReason;
}

export interface ChainVerdict {
  intact: boolean;
  entries: number;
  head: ChainHead | null;
  /** The first breaks found, oldest first (at most `maxBreaks`). */
  breaks: ChainBreak[];
  /**
   * Whether the chain still has `expect.hash` at `expect.seq` (a head from a
   * backup or the HIMS); `found` is false when row `expect.seq` is gone, which
   * is how a cut tail shows.
   */
  expected?: { seq: number; hash: string; matches: boolean; found: boolean };
}

type StoredRow = [
  seq: number,
  at: string,
  actor: string,
  action: string,
  entity: string,
  entityId: string,
  detail: string | null,
  hash: string | null,
];

/** Rows per page: a page takes a few milliseconds, so the async walk never holds the counter up. */
const PAGE = 2000;

/**
 * Walks the whole chain, a page at a time. After a break it goes on from the
 * stored hash, so one edited row is reported as exactly that row, not as
 * everything after it.
 */
function* verifyPages(db: Database, options: { maxBreaks?: number; expect?: ChainHead }): Generator<void, ChainVerdict> {
  const maxBreaks = options.maxBreaks ?? 100;
  const breaks: ChainBreak[] = [];
  let previousHash = GENESIS_HASH;
  let previousSeq = 0;
  let entries = 0;
  let head: ChainHead | null = null;
  let expectedMatches: boolean | null = null;
  const page = db
    .prepare('SELECT seq, at, actor, action, entity, entity_id, detail, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?')
    .raw();
  for (;;) {
    const rows = page.all(previousSeq, PAGE) as StoredRow[];
    if (rows.length === 0) break;
    for (const [seq, at, actor, action, entity, entityId, detail, hash] of rows) {
      entries++;
      const note = (reason: BreakReason) => {
        if (breaks.length < maxBreaks) breaks.push({ seq, at, actor, action, reason });
      };
      const gap = seq !== previousSeq + 1;
      if (gap) note('missing_before');
      if (hash === null) {
        if (!gap) note('unchained');
      } else {
        if (!gap && auditRowHash(previousHash, { seq, at, actor, action, entity, entityId, detail }) !== hash) note('changed');
        previousHash = hash;
        head = { seq, hash };
      }
      if (options.expect && seq === options.expect.seq) expectedMatches = hash === options.expect.hash;
      previousSeq = seq;
    }
    yield;
  }
  // A head kept elsewhere that the log no longer reaches is a break too: the
  // newest rows were cut off, and the rows left still chain among themselves.
  return {
    intact: breaks.length === 0 && (!options.expect || expectedMatches === true),
    entries,
    head,
    breaks,
    ...(options.expect
      ? { expected: { ...options.expect, matches: expectedMatches === true, found: expectedMatches !== null } }
      : {}),
  };
}

/** The whole walk at once (the verify command, tests). */
export function verifyAuditChain(db: Database, options: { maxBreaks?: number; expect?: ChainHead } = {}): ChainVerdict {
  const walk = verifyPages(db, options);
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
  }
}

/** The same walk, letting the counter serve calls between pages (the supervisor's "Check the chain"). */
export async function verifyAuditChainAsync(
  db: Database,
  options: { maxBreaks?: number; expect?: ChainHead } = {},
): Promise<ChainVerdict> {
  const walk = verifyPages(db, options);
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
    await new Promise((r) => setImmediate(r));
  }
}
