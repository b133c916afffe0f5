// Real SQLite files: the migration runner, the refusal of a newer database,
// and the data-moving migrations: 0020 applied to a database at version 10,
// 0080 (the name index rebuilt) to one at version 70, 0090 (the old default
// identity kept) and 0100 (the queue) to ones at version 80, 0120 to one at
// version 110.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, latestVersion } from '../../main/db/migrate';
import { DatabaseOpenError, migrationsDir, openDatabase } from '../../main/db/open-database';
import { tempDir } from '../support/temp-core';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('migrations', () => {
  const migrations = loadMigrations(migrationsDir());

  it('are numbered in steps and bring a new file to the latest version with durable settings', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions.slice(0, 2)).toEqual([10, 20]);
    expect(versions.every((v, i) => v % 10 === 0 && (i === 0 || v > versions[i - 1]!))).toBe(true);
    const db = openDatabase(join(tempDir(), 'counter.sqlite'));
    opened.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('0020 seeds departments into a version-10 database and keeps what was there', () => {
    const file = join(tempDir(), 'counter.sqlite');
    const old = openDatabase(file, { targetVersion: 10 });
    expect(old.pragma('user_version', { simple: true })).toBe(10);
    expect(old.prepare('SELECT count(*) AS n FROM departments').get()).toEqual({ n: 0 });
    old.prepare("INSERT INTO settings (key, value) VALUES ('counterLetter', 'C')").run();
    old.close();

    const db = openDatabase(file);
    opened.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    const departments = db.prepare('SELECT code, name_hi, room, shortcut FROM departments ORDER BY sort_order').all() as {
      code: string;
      name_hi: string;
      shortcut: string;
    }[];
    expect(departments.length).toBeGreaterThanOrEqual(10);
    expect(departments[0]).toMatchObject({ code: 'MED', name_hi: 'सामान्य चिकित्सा' });
    expect(new Set(departments.map((d) => d.shortcut)).size).toBe(departments.length);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'counterLetter'").get()).toEqual({ value: 'C' });
  });

  it('0080 keeps every name findable: the search index is rebuilt with a column for the other script', () => {
    const file = join(tempDir(), 'counter.sqlite');
    const old = openDatabase(file, { targetVersion: 70 });
    const insert = old.prepare(
      `INSERT INTO patients (id, uhid, name, gender, date_of_birth, dob_estimated, origin_counter, created_at, updated_at)
       VALUES (?, ?, ?, 'female', '1960-01-01', 1, 'B', '2026-11-25T04:30:00Z', '2026-11-25T04:30:00Z')`,
    );
    insert.run('00000000-0000-4000-8000-000000000001', 'LNHB260000011', 'Sunita Devi');
    insert.run('00000000-0000-4000-8000-000000000002', 'LNHB260000020', 'सीता देवी');
    old.close();

    const db = openDatabase(file);
    opened.push(db);
    const find = (match: string) =>
      db.prepare('SELECT rowid FROM patients_fts WHERE patients_fts MATCH ? ORDER BY rowid').pluck().all(match);
    expect(find('sunit*')).toEqual([1]);
    expect(find('"सीता"')).toEqual([2]);
    // A name added in the other script is found too, and the old one still is.
    db.prepare("UPDATE patients SET name_other_script = 'सुनीता देवी' WHERE pk = 1").run();
    expect(find('"सुनीता"')).toEqual([1]);
    expect(find('sunit*')).toEqual([1]);
    expect(find('"देवी"')).toEqual([1, 2]);
    db.prepare('UPDATE patients SET name_other_script = NULL WHERE pk = 1').run();
    expect(find('"सुनीता"')).toEqual([]);
  });

  it('0090 writes down the old default identity of a counter that issued with it, and only of such a counter', () => {
    const identity = (db: { prepare(sql: string): { all(): unknown[] } }) =>
      db
        .prepare("SELECT key, value FROM settings WHERE key IN ('counterLetter', 'hospitalCode', 'hospitalName') ORDER BY key")
        .all();
    // Issued a UHID and a token as the default A / GH, never told its letter.
    const issued = join(tempDir(), 'counter.sqlite');
    const old = openDatabase(issued, { targetVersion: 80 });
    old.prepare("INSERT INTO sequences (name, last_value) VALUES ('uhid:A:2026', 12)").run();
    old
      .prepare(
        "INSERT INTO token_sequences (department_code, visit_date, counter_letter, last_number) VALUES ('MED', '2026-11-25', 'A', 3)",
      )
      .run();
    old.close();
    const upgraded = openDatabase(issued);
    opened.push(upgraded);
    expect(identity(upgraded)).toEqual([
      { key: 'counterLetter', value: 'A' },
      { key: 'hospitalCode', value: 'GH' },
      { key: 'hospitalName', value: 'Government Hospital' },
    ]);

    // Told its letter by --counter-letter (stored): kept as it was; the rest filled in.
    const told = join(tempDir(), 'counter.sqlite');
    const toldOld = openDatabase(told, { targetVersion: 80 });
    toldOld.prepare("INSERT INTO settings (key, value) VALUES ('counterLetter', 'K')").run();
    toldOld.prepare("INSERT INTO sequences (name, last_value) VALUES ('uhid:K:2026', 1)").run();
    toldOld.close();
    const toldNow = openDatabase(told);
    opened.push(toldNow);
    expect(identity(toldNow)).toEqual([
      { key: 'counterLetter', value: 'K' },
      { key: 'hospitalCode', value: 'GH' },
      { key: 'hospitalName', value: 'Government Hospital' },
    ]);

    // Never issued anything: asked like a new counter.
    const fresh = join(tempDir(), 'counter.sqlite');
    openDatabase(fresh, { targetVersion: 80 }).close();
    const freshNow = openDatabase(fresh);
    opened.push(freshNow);
    expect(identity(freshNow)).toEqual([]);
  });

  it('0120 adds Casualty without taking a shortcut key in use, and keeps every patient as an ordinary, unmerged one', () => {
    const file = join(tempDir(), 'counter.sqlite');
    // Whatever came just before 0120 (other areas' migrations may sit between 0080 and 0120).
    const old = openDatabase(file, { targetVersion: 110 });
    old.prepare("UPDATE departments SET shortcut = 'E' WHERE code = 'DERM'").run();
    old
      .prepare(
        `INSERT INTO patients (id, uhid, name, gender, date_of_birth, dob_estimated, origin_counter, created_at, updated_at)
         VALUES ('00000000-0000-4000-8000-000000000001', 'LNHB260000011', 'Sunita Devi', 'female', '1990-01-01', 1, 'B',
           '2026-11-25T04:30:00Z', '2026-11-25T04:30:00Z')`,
      )
      .run();
    old.close();

    const db = openDatabase(file);
    opened.push(db);
    expect(db.prepare("SELECT code, name_hi, shortcut FROM departments WHERE code = 'CAS'").get()).toEqual({
      code: 'CAS',
      name_hi: 'आपातकालीन (कैजुअल्टी)',
      shortcut: null,
    });
    expect(db.prepare("SELECT shortcut FROM departments WHERE code = 'DERM'").get()).toEqual({ shortcut: 'E' });
    expect(db.prepare('SELECT name, unidentified, merged_into_pk, id_proof_type, mother_pk FROM patients').all()).toEqual([
      { name: 'Sunita Devi', unidentified: 0, merged_into_pk: null, id_proof_type: null, mother_pk: null },
    ]);
    // The table refuses a full Aadhaar number and a merge of a record into itself.
    expect(() => db.prepare("UPDATE patients SET id_proof_type = 'aadhaar', id_proof_number = '234567890124'").run()).toThrow(
      /CHECK/,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO patient_merges (survivor_pk, merged_pk, merged_at, merged_by, moved_tokens, moved_cards) VALUES (1, 1, 'x', 'y', '[]', '[]')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('0100 puts every existing token in the queue at its issue time and gives each department its room', () => {
    const file = join(tempDir(), 'counter.sqlite');
    const old = openDatabase(file, { targetVersion: 80 });
    old
      .prepare(
        `INSERT INTO patients (id, uhid, name, gender, date_of_birth, dob_estimated, origin_counter, created_at, updated_at)
         VALUES ('00000000-0000-4000-8000-000000000001', 'LNHB260000011', 'Sunita Devi', 'female', '1960-01-01', 1, 'B', 'x', 'x')`,
      )
      .run();
    const token = old.prepare(
      `INSERT INTO tokens (id, patient_pk, department_code, visit_date, counter_letter, number, label, priority, visit_type,
         fee_category, status, issued_at, cancelled_at, version)
       VALUES (?, 1, 'MED', '2026-11-25', 'B', ?, ?, 'senior', 'new', 'general', ?, ?, ?, ?)`,
    );
    token.run('00000000-0000-4000-8000-0000000000a1', 1, 'B-001', 'issued', '2026-11-25T04:30:00.000Z', null, 1);
    token.run(
      '00000000-0000-4000-8000-0000000000a2',
      2,
      'B-002',
      'cancelled',
      '2026-11-25T04:31:00.000Z',
      '2026-11-25T05:00:00.000Z',
      2,
    );
    old.prepare("UPDATE departments SET room = 'Room 12, first floor, east wing' WHERE code = 'EYE'").run();
    old.close();

    const db = openDatabase(file);
    opened.push(db);
    expect(
      db.prepare('SELECT label, status, queue_status, queue_at, call_count, version FROM tokens ORDER BY number').all(),
    ).toEqual([
      {
        label: 'B-001',
        status: 'issued',
        queue_status: 'waiting',
        queue_at: '2026-11-25T04:30:00.000Z',
        call_count: 0,
        version: 1,
      },
      {
        label: 'B-002',
        status: 'cancelled',
        queue_status: 'waiting',
        queue_at: '2026-11-25T04:31:00.000Z',
        call_count: 0,
        version: 2,
      },
    ]);
    expect(db.prepare("SELECT room FROM department_rooms WHERE department_code = 'MED'").pluck().all()).toEqual(['101']);
    // A long room description is cut to a room name the screens can show (the slip keeps the whole text).
    expect(db.prepare("SELECT room FROM department_rooms WHERE department_code = 'EYE'").pluck().all()).toEqual([
      'Room 12, first floor, ea',
    ]);
    expect(db.prepare("SELECT queue_priority, queue_rooms, queue_return FROM departments WHERE code = 'MED'").get()).toEqual({
      queue_priority: 'ahead',
      queue_rooms: 'shared',
      queue_return: 'place',
    });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = join(tempDir(), 'counter.sqlite');
    openDatabase(file).close();
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 990');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer HIMS Counter \(schema 990/);
    const after = new BetterSqlite3(file);
    expect(after.pragma('user_version', { simple: true })).toBe(990);
    after.close();
  });

  it('gives a clear error for a file that is not a database', () => {
    const file = join(tempDir(), 'counter.sqlite');
    writeFileSync(file, 'this is a half-written file, not SQLite'.repeat(200));
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(/Cannot open the counter database/);
  });

  it('rolls back a failing migration whole', () => {
    const file = join(tempDir(), 'counter.sqlite');
    const broken = [
      ...migrations,
      {
        version: latestVersion(migrations) + 10,
        name: 'broken',
        sql: 'CREATE TABLE t (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);',
      },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();
    const db = new BetterSqlite3(file);
    opened.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 't'").get()).toEqual({ n: 0 });
  });
});

describe('processes opening a new database at once', () => {
  it('apply each migration exactly once', async () => {
    const { execFile } = await import('node:child_process');
    const { createRequire } = await import('node:module');
    const { existsSync, writeFileSync: write } = await import('node:fs');
    const tsx = createRequire(__filename).resolve('tsx/cli');
    const dir = tempDir();
    const file = join(dir, 'counter.sqlite');
    const go = join(dir, 'go');
    // Each process waits for the go file, so all of them open the new file together.
    const script = `import { existsSync, writeFileSync } from 'node:fs';
      import { openDatabase } from ${JSON.stringify(join(__dirname, '../../main/db/open-database'))};
      writeFileSync(process.env.READY_FILE!, 'ready');
      while (!existsSync(${JSON.stringify(go)})) {}
      const db = openDatabase(${JSON.stringify(file)}); console.log(db.pragma('user_version', { simple: true })); db.close();`;
    const ready = [0, 1, 2, 3].map((i) => join(dir, `ready-${i}`));
    const runs = ready.map(
      (readyFile) =>
        new Promise<string>((resolve, reject) =>
          execFile(
            process.execPath,
            [tsx, '--eval', script],
            { env: { ...process.env, READY_FILE: readyFile } },
            (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout.trim())),
          ),
        ),
    );
    const deadline = Date.now() + 30_000;
    while (!ready.every((f) => existsSync(f)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    write(go, 'go');
    const latest = String(latestVersion(loadMigrations(migrationsDir())));
    expect(await Promise.all(runs)).toEqual([latest, latest, latest, latest]);
  }, 60_000);
});
