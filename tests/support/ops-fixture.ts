// A counter with backups set up (a folder, a recovery code) and patients and
// tokens whose names, phones and ABHA numbers a test can look for in files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { startTestCore, tempDir, type TestCore } from './temp-core';
import type { TestCoreOptions } from './temp-core';
import type { CounterSettings } from '../../main/config/counter-identity';

export const SEEDED = [
  { name: 'Zubeida Khatoon', phone: '9811122233', abhaNumber: '91-2345-6789-0123' },
  { name: 'Bhagwati Prasad Tiwari', phone: '9822233344', abhaNumber: '91-2345-6789-0456' },
  { name: 'सरस्वती देवी', phone: '9833344455', abhaNumber: '91-2345-6789-0789' },
] as const;

export interface SeededCounter {
  t: TestCore;
  backupDir: string;
  recoveryCode: string;
  uhids: string[];
}

export async function seededCounter(
  settings: CounterSettings = { counterLetter: 'B', hospitalCode: 'LNH' },
  options: TestCoreOptions = {},
  dataDir = tempDir(),
): Promise<SeededCounter> {
  return seedInto(startTestCore(settings, dataDir, options));
}

/** Backups set up, the three seeded patients registered, two tokens each. */
export async function seedInto(t: TestCore): Promise<SeededCounter> {
  const backupDir = tempDir('hims-backups-');
  await t.call('backups.saveSettings', { folder: backupDir, everyMinutes: 30, keepRecent: 48, keepDailyDays: 30 });
  const { recoveryCode } = await t.call('backups.newRecoveryCode', {});
  const uhids: string[] = [];
  for (const person of SEEDED) {
    const p = await t.call('patients.register', {
      name: person.name,
      gender: 'female',
      ageYears: 52,
      phone: person.phone,
      abhaNumber: person.abhaNumber,
      confirmNotDuplicate: true,
    });
    uhids.push(p.uhid);
    await t.call('tokens.issue', { patientId: p.id, departmentCode: 'MED' });
    await t.call('tokens.issue', { patientId: p.id, departmentCode: 'ENT' });
  }
  return { t, backupDir, recoveryCode, uhids };
}

/** Every patient and token as rows, for comparing two databases. */
export function snapshot(file: string): { patients: unknown[]; tokens: unknown[]; identifiers: unknown[]; outbox: number } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      patients: db.prepare('SELECT * FROM patients ORDER BY pk').all(),
      tokens: db.prepare('SELECT * FROM tokens ORDER BY pk').all(),
      identifiers: db.prepare('SELECT * FROM patient_identifiers ORDER BY system, value').all(),
      outbox: (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

export function fileHolds(file: string, text: string): boolean {
  return readFileSync(file).includes(Buffer.from(text, 'utf8'));
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, 'counter.sqlite');
}
