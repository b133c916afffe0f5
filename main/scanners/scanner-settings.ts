// Scanner settings in the counter's settings table (one key each).
import type { Database } from 'better-sqlite3';
import { ScannerSettings } from '../../preload/contract/methods/card-schemas';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';

export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = {
  serialPort: null,
  serialBaudRate: 9600,
  wedgePrefix: '',
  wedgeSuffix: '',
};
const KEY = 'scanners';

export function readScannerSettings(db: Database): ScannerSettings {
  const row = sql<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(KEY);
  if (!row) return DEFAULT_SCANNER_SETTINGS;
  // A value written by a newer or broken version falls back field by field.
  const parsed = ScannerSettings.partial().safeParse(JSON.parse(row.value));
  return parsed.success ? { ...DEFAULT_SCANNER_SETTINGS, ...parsed.data } : DEFAULT_SCANNER_SETTINGS;
}

export function writeScannerSettings(db: Database, settings: ScannerSettings): void {
  writeTransaction(db, () =>
    sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      KEY,
      JSON.stringify(settings),
    ),
  );
}
