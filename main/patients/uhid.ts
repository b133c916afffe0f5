// The hospital's patient id (UHID), readable over the phone and unique across
// all counters without coordination: hospital code, counter letter, year,
// the counter's own sequence for that year, and a Verhoeff check digit.
//   GH-B26-000173-4  (stored compact as GHB260001734)
import { sql } from '../db/statements';
import type { Database } from 'better-sqlite3';
import { verhoeffDigit, verhoeffValid } from './verhoeff';

const COMPACT = /^([A-Z]{2,6})([A-Z])(\d{2})(\d{6,})(\d)$/;

/** Letters count as two digits (A=10 … Z=35) so the check digit guards them too. */
function asDigits(text: string): string {
  return [...text].map((ch) => (/\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55))).join('');
}

export function makeUhid(hospitalCode: string, counterLetter: string, year: number, sequence: number): string {
  const body = `${hospitalCode}${counterLetter}${String(year % 100).padStart(2, '0')}${String(sequence).padStart(6, '0')}`;
  return `${body}${verhoeffDigit(asDigits(body))}`;
}

/** Compact form of anything a clerk might type or a scanner might send, or null. */
export function normalizeUhid(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const match = COMPACT.exec(compact);
  if (!match) return null;
  return verhoeffValid(asDigits(compact)) ? compact : null;
}

export function formatUhid(compact: string): string {
  const match = COMPACT.exec(compact);
  if (!match) return compact;
  const [, hospital, letter, yy, seq, check] = match;
  return `${hospital}-${letter}${yy}-${seq}-${check}`;
}

/** Next UHID for this counter and year; call inside the registering transaction. */
export function nextUhid(db: Database, hospitalCode: string, counterLetter: string, year: number): string {
  const name = `uhid:${counterLetter}:${year}`;
  const row = sql<[string], { last_value: number }>(
    db,
    `INSERT INTO sequences (name, last_value) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value`,
  ).get(name);
  return makeUhid(hospitalCode, counterLetter, year, row!.last_value);
}
