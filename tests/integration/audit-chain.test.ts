// The audit log as a hash chain, on real SQLite files: rows written by the
// app verify; a row edited or removed in the file with the triggers dropped
// (as someone with the file and a SQLite tool could) is found, at that row;
// migration 0110 chains the rows written before it.
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../main/audit/audit-log';
import { auditRowHash, chainHead, GENESIS_HASH, verifyAuditChain } from '../../main/audit/audit-chain';
import { main as verifyCli } from '../../main/audit/audit-verify-cli';
import { loadMigrations } from '../../main/db/migrate';
import { migrationsDir, openDatabase } from '../../main/db/open-database';
import { RAM, startTestCore, tempDir, type TestCore } from '../support/temp-core';

const cores: TestCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.dispose()));

async function coreWithHistory(): Promise<TestCore> {
  const t = startTestCore();
  cores.push(t);
  for (let i = 0; i < 5; i++) {
    const p = await t.call('patients.register', {
      ...RAM,
      name: `Chain Person ${i}`,
      phone: `98765000${10 + i}`,
      confirmNotDuplicate: true,
    });
    await t.call('tokens.issue', { patientId: p.id, departmentCode: 'MED' });
    await t.call('patients.get', { id: p.id });
  }
  return t;
}

/** A raw connection as a tamperer would use: no app, triggers dropped. */
function tamper(file: string, sqlText: string): void {
  const raw = new BetterSqlite3(file);
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  raw.exec(sqlText);
  raw.close();
}

describe('audit hash chain', () => {
  it('chains every row the app writes, and the chain verifies', async () => {
    const t = await coreWithHistory();
    const verdict = verifyAuditChain(t.core.db);
    expect(verdict.entries).toBe(16); // 15 from the history, and the start-up identity (counter.configure)
    expect(verdict.intact).toBe(true);
    expect(verdict.breaks).toEqual([]);
    expect(verdict.head).toEqual(chainHead(t.core.db));
    // Each hash is the documented function of the previous one and the row.
    const rows = t.core.db.prepare('SELECT * FROM audit_log ORDER BY seq LIMIT 2').all() as {
      seq: number;
      at: string;
      actor: string;
      action: string;
      entity: string;
      entity_id: string;
      detail: string | null;
      hash: string;
    }[];
    expect(rows[0]!.hash).toBe(auditRowHash(GENESIS_HASH, { ...rows[0]!, entityId: rows[0]!.entity_id }));
    expect(rows[1]!.hash).toBe(auditRowHash(rows[0]!.hash, { ...rows[1]!, entityId: rows[1]!.entity_id }));
  });

  it('a row edited in the file is reported as exactly that row', async () => {
    const t = await coreWithHistory();
    const file = join(t.dataDir, 'counter.sqlite');
    tamper(file, `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 7`);
    const verdict = verifyAuditChain(t.core.db);
    expect(verdict.intact).toBe(false);
    expect(verdict.breaks).toEqual([expect.objectContaining({ seq: 7, reason: 'changed', actor: 'someone-else' })]);
  });

  it('a row edited with its hash recomputed breaks the link of the row after it', async () => {
    const t = await coreWithHistory();
    const file = join(t.dataDir, 'counter.sqlite');
    const row = t.core.db.prepare('SELECT * FROM audit_log WHERE seq = 4').get() as {
      at: string;
      action: string;
      entity: string;
      entity_id: string;
      detail: string | null;
    };
    const previous = (t.core.db.prepare('SELECT hash FROM audit_log WHERE seq = 3').get() as { hash: string }).hash;
    const forged = auditRowHash(previous, { ...row, seq: 4, actor: 'forger', entityId: row.entity_id });
    tamper(file, `UPDATE audit_log SET actor = 'forger', hash = '${forged}' WHERE seq = 4`);
    const verdict = verifyAuditChain(t.core.db);
    expect(verdict.breaks.map((b) => [b.seq, b.reason])).toEqual([[5, 'changed']]);
  });

  it('a deleted row is reported at the row after the hole', async () => {
    const t = await coreWithHistory();
    tamper(join(t.dataDir, 'counter.sqlite'), 'DELETE FROM audit_log WHERE seq = 9');
    expect(verifyAuditChain(t.core.db).breaks.map((b) => [b.seq, b.reason])).toEqual([[10, 'missing_before']]);
  });

  it('a cut tail alone (the rows left chain among themselves) is caught by a head kept elsewhere', async () => {
    const t = await coreWithHistory();
    const headBefore = chainHead(t.core.db)!;
    tamper(join(t.dataDir, 'counter.sqlite'), `DELETE FROM audit_log WHERE seq >= ${headBefore.seq - 1}`);
    expect(verifyAuditChain(t.core.db).breaks).toEqual([]);
    const cut = verifyAuditChain(t.core.db, { expect: headBefore });
    expect(cut.intact).toBe(false);
    expect(cut.expected).toEqual({ ...headBefore, matches: false, found: false });
  });

  it('npm run audit:verify says a cut tail is BROKEN and exits 3', async () => {
    const t = await coreWithHistory();
    const headBefore = chainHead(t.core.db)!;
    tamper(join(t.dataDir, 'counter.sqlite'), `DELETE FROM audit_log WHERE seq >= ${headBefore.seq - 1}`);
    const lines: string[] = [];
    const code = verifyCli(['--data-dir', t.dataDir, '--expect', `${headBefore.seq}:${headBefore.hash}`], (l) => lines.push(l));
    expect(lines.slice(1)).toEqual([
      `#${headBefore.seq} is missing: the newest entries were cut off after that head was taken`,
      'The audit chain is BROKEN.',
    ]);
    expect(code).toBe(3);
  });

  it('npm run audit:verify with the current head says intact and exits 0', async () => {
    const t = await coreWithHistory();
    const head = chainHead(t.core.db)!;
    const lines: string[] = [];
    expect(verifyCli(['--data-dir', t.dataDir, '--expect', `${head.seq}:${head.hash}`], (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toBe('The audit chain is intact.');
  });

  it('rows appended after a verify keep chaining, also from a second connection', async () => {
    const t = await coreWithHistory();
    const second = openDatabase(join(t.dataDir, 'counter.sqlite'));
    appendAudit(second, {
      at: '2026-11-25T05:00:00.000Z',
      actor: 'other-process',
      action: 'auth.signIn',
      entity: 'clerk',
      entityId: 'x',
    });
    second.close();
    await t.call('patients.register', { ...RAM, confirmNotDuplicate: true });
    const verdict = verifyAuditChain(t.core.db);
    expect(verdict).toMatchObject({ intact: true, entries: 18 });
  });

  it('refuses a row without its hash', async () => {
    const t = await coreWithHistory();
    expect(() =>
      t.core.db
        .prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES ('x', 'y', 'z', 'clerk', 'w')")
        .run(),
    ).toThrow(/chain hash/);
  });
});

describe('migration 0110', () => {
  it('chains the audit rows written before it, in order, as the app would have', () => {
    const before = Math.max(
      ...loadMigrations(migrationsDir())
        .map((m) => m.version)
        .filter((v) => v < 110),
    );
    const file = join(tempDir(), 'counter.sqlite');
    const old = openDatabase(file, { targetVersion: before });
    const insert = old.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run(
      '2026-11-24T04:30:00.000Z',
      'ramesh',
      'patient.register',
      'patient',
      'p-1',
      '{"duplicateWarningOverridden":false}',
    );
    insert.run('2026-11-24T04:31:00.000Z', 'ramesh', 'token.issue', 'token', 't-1', '{"label":"A-001","department":"MED"}');
    insert.run('2026-11-24T04:32:00.000Z', 'sunita', 'patient.view', 'patient', 'p-1', null);
    old.close();

    const db = openDatabase(file);
    const rows = db
      .prepare('SELECT seq, at, actor, action, entity, entity_id, detail, hash FROM audit_log ORDER BY seq')
      .all() as {
      seq: number;
      at: string;
      actor: string;
      action: string;
      entity: string;
      entity_id: string;
      detail: string | null;
      hash: string;
    }[];
    let previous = GENESIS_HASH;
    for (const row of rows) {
      expect(row.hash).toBe(auditRowHash(previous, { ...row, entityId: row.entity_id }));
      previous = row.hash;
    }
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, entries: 3, head: { seq: 3, hash: previous } });
    // Still append-only after the migration.
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    db.close();
  });
});
