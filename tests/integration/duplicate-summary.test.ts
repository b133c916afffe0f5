// The supervisor's duplicate list reads pairs kept on write (migration 0170):
// a registration finds its own pairs in its own transaction, an edit finds
// them again, a patient added by any other path (a pull, a peer's copy) is
// found when the list opens, and the list itself is read by index. A database
// from before keeps its latest patients' pairs.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../main/core/create-core';
import { loadMigrations } from '../../main/db/migrate';
import { migrationsDir, openDatabase } from '../../main/db/open-database';
import { DUPLICATE_PAIRS_SQL } from '../../main/patients/duplicate-summary';
import { insertPatient } from '../../main/patients/patient-store';
import { startTestCore, tempDir, type TestCore } from '../support/temp-core';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

const pairsHeld = (core: TestCore) =>
  core.core.db.prepare('SELECT a_pk, b_pk, reasons FROM duplicate_candidates ORDER BY a_pk, b_pk').all() as {
    a_pk: number;
    b_pk: number;
    reasons: string;
  }[];

describe('the duplicate list as a summary', () => {
  it('is written by the registration itself, read by index, and follows edits, merges and undos', async () => {
    const core = startTestCore({ counterLetter: 'B' });
    t = core;
    const ram = await core.call('patients.register', { name: 'Ram Kumar', gender: 'male', ageYears: 45, phone: '9876500001' });
    const twin = await core.call('patients.register', {
      name: 'Ram Kumar Sharma',
      gender: 'male',
      ageYears: 46,
      phone: '9876500001',
      confirmNotDuplicate: true,
    });
    // Before anyone opens the list, the pair is already kept and nothing waits to be compared.
    expect(pairsHeld(core)).toEqual([{ a_pk: 1, b_pk: 2, reasons: '["same_phone_similar_name"]' }]);
    expect(core.count('duplicate_pending')).toBe(0);

    const plan = (
      core.core.db.prepare(`EXPLAIN QUERY PLAN ${DUPLICATE_PAIRS_SQL}`).all('2026-01-01', 100) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/duplicate_candidates_by_newest/);
    expect(plan.filter((d) => d.startsWith('SCAN'))).toEqual([]);

    const listed = await core.call('patients.duplicatePairs', {});
    expect(listed).toEqual([
      {
        a: expect.objectContaining({ id: ram.id }),
        b: expect.objectContaining({ id: twin.id }),
        reasons: ['same_phone_similar_name'],
      },
    ]);

    // A new phone ends the likeness: the pair goes at once.
    const edited = await core.call('patients.update', { id: twin.id, version: twin.version, changes: { phone: '9876500099' } });
    expect(pairsHeld(core)).toEqual([]);
    expect(await core.call('patients.duplicatePairs', {})).toEqual([]);
    // The same name and birth year makes it one again.
    await core.call('patients.update', {
      id: twin.id,
      version: edited.version,
      changes: { name: 'Ram Kumar', ageYears: 45 },
    });
    expect(await core.call('patients.duplicatePairs', {})).toEqual([
      expect.objectContaining({ reasons: ['same_name_same_birth_year'] }),
    ]);

    // Merged: nobody's pair; undone: the pair is back.
    const [s, m] = [await core.call('patients.get', { id: ram.id }), await core.call('patients.get', { id: twin.id })];
    const { merge } = await core.call('patients.merge', {
      survivorId: s.id,
      survivorVersion: s.version,
      mergedId: m.id,
      mergedVersion: m.version,
    });
    expect(await core.call('patients.duplicatePairs', {})).toEqual([]);
    await core.call('patients.unmerge', { mergeId: merge.id });
    expect(await core.call('patients.duplicatePairs', {})).toHaveLength(1);
  });

  it('finds a patient added without a registration here (a pull, a peer) when the list opens', async () => {
    const core = startTestCore({ counterLetter: 'B' });
    t = core;
    const sita = await core.call('patients.register', { name: 'Sita Devi', gender: 'female', ageYears: 30, phone: '9811100001' });
    insertPatient(core.core.db, {
      id: 'from-hims',
      uhid: 'HIMS0001',
      name: 'Sita Devi',
      nameOtherScript: null,
      gender: 'female',
      dateOfBirth: sita.dateOfBirth,
      dobEstimated: true,
      phone: '9811100001',
      guardianName: null,
      guardianRelation: null,
      addressLine: null,
      district: null,
      state: null,
      pincode: null,
      originCounter: 'HIMS',
      at: '2026-11-25T05:00:00.000Z',
    });
    expect(core.count('duplicate_pending')).toBe(1);
    const pairs = await core.call('patients.duplicatePairs', {});
    expect(pairs).toEqual([
      {
        a: expect.objectContaining({ id: sita.id }),
        b: expect.objectContaining({ id: 'from-hims' }),
        reasons: ['same_phone_similar_name', 'same_name_same_birth_year'],
      },
    ]);
    expect(core.count('duplicate_pending')).toBe(0);
  });

  it('gives a database from before its latest patients’ pairs on the first look', async () => {
    const dataDir = tempDir();
    const before = Math.max(
      ...loadMigrations(migrationsDir())
        .map((m) => m.version)
        .filter((v) => v < 170),
    );
    const old = openDatabase(join(dataDir, DATABASE_FILE), { targetVersion: before });
    old.exec(`INSERT INTO patients (id, uhid, name, gender, date_of_birth, dob_estimated, phone, origin_counter, created_at, updated_at) VALUES
        ('p1', 'U1', 'Asha Rani', 'female', '1990-06-01', 0, '9800000001', 'counter-1', '2026-11-20T05:00:00Z', '2026-11-20T05:00:00Z'),
        ('p2', 'U2', 'Asha Rani', 'female', '1990-02-01', 1, NULL, 'counter-1', '2026-11-24T05:00:00Z', '2026-11-24T05:00:00Z'),
        ('p3', 'U3', 'Ravi', 'male', '1950-01-01', 0, NULL, 'HIMS', '2026-11-24T05:00:00Z', '2026-11-24T05:00:00Z');`);
    old.close();
    const core = startTestCore({ counterLetter: 'B' }, dataDir);
    t = core;
    expect(await core.call('patients.duplicatePairs', {})).toEqual([
      {
        a: expect.objectContaining({ id: 'p1' }),
        b: expect.objectContaining({ id: 'p2' }),
        reasons: ['same_name_same_birth_year'],
      },
    ]);
  });
});
