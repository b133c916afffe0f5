// SQL for patients. Every lookup the counter makes is answered by an index
// (checked with EXPLAIN QUERY PLAN in tests/integration/query-plans.test.ts).
import { sql } from '../db/statements';
import type { Database } from 'better-sqlite3';
import { PATIENT_COLUMNS, type PatientRow } from './patient-rows';
import { nameWords } from './name-match';
import type { SearchQuery } from './search-query';

export const IDENTIFIER_SYSTEMS = { abhaNumber: 'abha-number', abhaAddress: 'abha-address' } as const;

export interface PatientWrite {
  id: string;
  uhid: string;
  name: string;
  nameOtherScript: string | null;
  gender: string;
  dateOfBirth: string;
  dobEstimated: boolean;
  phone: string | null;
  guardianName: string | null;
  guardianRelation: string | null;
  addressLine: string | null;
  district: string | null;
  state: string | null;
  pincode: string | null;
  originCounter: string;
  at: string;
  /** Patients at the door: set only by the paths that have them (emergency, newborn, ID proof). */
  unidentified?: boolean;
  temporaryName?: string | null;
  broughtBy?: string | null;
  birthTime?: string | null;
  motherPk?: number | null;
  idProofType?: string | null;
  idProofNumber?: string | null;
}

export function insertPatient(db: Database, p: PatientWrite): number {
  const result = sql(
    db,
    `INSERT INTO patients (id, uhid, name, name_other_script, gender, date_of_birth, dob_estimated, phone, guardian_name,
         guardian_relation, address_line, district, state, pincode, origin_counter, created_at, updated_at,
         unidentified, temporary_name, brought_by, birth_time, mother_pk, id_proof_type, id_proof_number)
       VALUES (@id, @uhid, @name, @nameOtherScript, @gender, @dateOfBirth, @dobEstimated, @phone, @guardianName,
         @guardianRelation, @addressLine, @district, @state, @pincode, @originCounter, @at, @at,
         @unidentified, @temporaryName, @broughtBy, @birthTime, @motherPk, @idProofType, @idProofNumber)`,
  ).run({
    ...p,
    dobEstimated: p.dobEstimated ? 1 : 0,
    unidentified: p.unidentified ? 1 : 0,
    temporaryName: p.temporaryName ?? null,
    broughtBy: p.broughtBy ?? null,
    birthTime: p.birthTime ?? null,
    motherPk: p.motherPk ?? null,
    idProofType: p.idProofType ?? null,
    idProofNumber: p.idProofNumber ?? null,
  });
  return Number(result.lastInsertRowid);
}

export function setIdentifier(db: Database, patientPk: number, system: string, value: string | null): void {
  sql(db, 'DELETE FROM patient_identifiers WHERE patient_pk = ? AND system = ?').run(patientPk, system);
  if (value)
    sql(db, 'INSERT INTO patient_identifiers (system, value, patient_pk) VALUES (?, ?, ?)').run(system, value, patientPk);
}

export function patientById(db: Database, id: string): PatientRow | undefined {
  return sql<[string], PatientRow>(db, `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.id = ?`).get(id);
}

export function patientByPk(db: Database, pk: number): PatientRow | undefined {
  return sql<[number], PatientRow>(db, `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.pk = ?`).get(pk);
}

export function patientByIdentifier(db: Database, system: string, value: string): PatientRow | undefined {
  return sql<[string, string], PatientRow>(
    db,
    `SELECT ${PATIENT_COLUMNS} FROM patient_identifiers i JOIN patients p ON p.pk = i.patient_pk
       WHERE i.system = ? AND i.value = ?`,
  ).get(system, value);
}

export function patientsByPhone(db: Database, phone: string, limit: number): PatientRow[] {
  return sql<[string, number], PatientRow>(
    db,
    // A merged duplicate is a pointer, not a patient to find or to warn about.
    `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.phone = ? AND p.merged_into_pk IS NULL ORDER BY p.pk DESC LIMIT ?`,
  ).all(phone, limit);
}

/** Patients whose name has every word of `name` as a whole word (duplicate check). */
export function patientsWithNameWords(db: Database, name: string, limit: number): PatientRow[] {
  const words = [...new Set(nameWords(name))];
  if (words.length === 0) return [];
  const match = words.map((w) => `"${w}"`).join(' AND ');
  return sql<[string, number], PatientRow>(
    db,
    `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.pk IN
         (SELECT rowid FROM patients_fts WHERE patients_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
         AND p.merged_into_pk IS NULL
       ORDER BY p.pk DESC`,
  ).all(match, limit);
}

export function searchPatients(db: Database, query: SearchQuery, limit: number): PatientRow[] {
  switch (query.kind) {
    case 'none':
      return [];
    case 'uhid': {
      const row = sql<[string], PatientRow>(db, `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.uhid = ?`).get(query.uhid);
      return row ? [row] : [];
    }
    case 'phone':
      return patientsByPhone(db, query.phone, limit);
    case 'abha_number':
    case 'abha_address': {
      const system = query.kind === 'abha_number' ? IDENTIFIER_SYSTEMS.abhaNumber : IDENTIFIER_SYSTEMS.abhaAddress;
      const row = patientByIdentifier(db, system, query.value);
      return row ? [row] : [];
    }
    case 'name': {
      // Newest first: a returning patient is most often a recent one. With
      // initials to check afterwards, read a few more rows from the index.
      const fetch = query.initials.length > 0 ? limit * 8 : limit;
      const rows = sql<[string, number], PatientRow>(
        db,
        `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.pk IN
             (SELECT rowid FROM patients_fts WHERE patients_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
             AND p.merged_into_pk IS NULL
           ORDER BY p.pk DESC`,
      ).all(query.match, fetch);
      const filtered = rows.filter((row) => {
        const words = [...nameWords(row.name), ...nameWords(row.name_other_script ?? '')];
        return query.initials.every((initial) => words.some((w) => w.startsWith(initial)));
      });
      return filtered.slice(0, limit);
    }
  }
}
