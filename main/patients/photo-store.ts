// A patient's photo (patient_photos, migration 0120) and the hospital's
// choice whether photos go to the HIMS (settings 'photos.sendToHims').
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';

export interface PhotoRow {
  jpeg: Buffer;
  width: number;
  height: number;
  taken_at: string;
}

export function photoOf(db: Database, patientPk: number): PhotoRow | undefined {
  return sql<[number], PhotoRow>(db, 'SELECT jpeg, width, height, taken_at FROM patient_photos WHERE patient_pk = ?').get(
    patientPk,
  );
}

export function savePhoto(
  db: Database,
  p: { patientPk: number; jpeg: Buffer; width: number; height: number; consentBy: string; at: string },
): void {
  sql(
    db,
    `INSERT INTO patient_photos (patient_pk, jpeg, width, height, consent_by, taken_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (patient_pk) DO UPDATE SET jpeg = excluded.jpeg, width = excluded.width, height = excluded.height,
       consent_by = excluded.consent_by, taken_at = excluded.taken_at`,
  ).run(p.patientPk, p.jpeg, p.width, p.height, p.consentBy, p.at);
}

export function deletePhoto(db: Database, patientPk: number): boolean {
  return sql(db, 'DELETE FROM patient_photos WHERE patient_pk = ?').run(patientPk).changes > 0;
}

const SEND_KEY = 'photos.sendToHims';

export function photosGoToHims(db: Database): boolean {
  return sql<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(SEND_KEY)?.value === '1';
}

export function setPhotosGoToHims(db: Database, on: boolean): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    SEND_KEY,
    on ? '1' : '0',
  );
}

/** A JPEG starts FF D8 FF and ends FF D9; anything else is not a photo. */
export function isJpeg(bytes: Buffer): boolean {
  return (
    bytes.length > 4 &&
    bytes[0] === 0xff &&
    bytes[1] === 0xd8 &&
    bytes[2] === 0xff &&
    bytes.at(-2) === 0xff &&
    bytes.at(-1) === 0xd9
  );
}
