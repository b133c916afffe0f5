// The slip printer's settings, kept as one JSON value in the `settings` table
// (key "printer.settings") and validated with the contract's schema on the
// way out, so a hand-edited row can never reach the encoder unchecked.
import type { Database } from 'better-sqlite3';
import { PrinterSettings } from '../../preload/contract/methods/printing-methods';
import { sql } from '../db/statements';

const KEY = 'printer.settings';

export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = {
  type: 'epson',
  paperWidth: 80,
  interface: null,
  fallbackInterface: null,
  characterSet: 'PC437_USA',
  statusQuery: 'gs_r',
  footer: null,
};

export function readPrinterSettings(db: Database): PrinterSettings {
  const row = sql<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(KEY);
  if (!row) return DEFAULT_PRINTER_SETTINGS;
  try {
    const parsed = PrinterSettings.safeParse({ ...DEFAULT_PRINTER_SETTINGS, ...(JSON.parse(row.value) as object) });
    return parsed.success ? parsed.data : DEFAULT_PRINTER_SETTINGS;
  } catch {
    return DEFAULT_PRINTER_SETTINGS;
  }
}

export function writePrinterSettings(db: Database, settings: PrinterSettings): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify(settings),
  );
}

/** Printer dots across and font-A columns for each paper width (docs/design.md §5). */
export function paperGeometry(paperWidth: 58 | 80): { dots: number; columns: number } {
  return paperWidth === 58 ? { dots: 384, columns: 32 } : { dots: 576, columns: 48 };
}
