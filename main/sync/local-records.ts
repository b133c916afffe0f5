// Reads the current local state of a record for sending: the outbox only
// names the record, so the HIMS always gets its latest state (docs/decisions.md).
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import type { LocalVisit } from '../fhir/encounter-mapping';
import type { LocalPatient } from '../fhir/patient-mapping';
import { PATIENT_COLUMNS, type PatientRow } from '../patients/patient-rows';

export interface PatientForSync extends LocalPatient {
  pk: number;
  version: number;
}

export interface VisitForSync extends LocalVisit {
  patientId: string;
  version: number;
}

let cardsTable: WeakMap<Database, boolean> | undefined;

/** The patient's current e-health card id, when the cards feature (0040) is installed. */
function currentCardId(db: Database, patientPk: number): string | null {
  cardsTable ??= new WeakMap();
  let has = cardsTable.get(db);
  if (has === undefined) {
    has = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'issued_cards'").get();
    cardsTable.set(db, has);
  }
  if (!has) return null;
  return (
    sql<[number], { id: string }>(db, 'SELECT id FROM issued_cards WHERE patient_pk = ? AND superseded_at IS NULL').get(patientPk)
      ?.id ?? null
  );
}

export function patientForSync(db: Database, id: string): PatientForSync | undefined {
  const row = sql<[string], PatientRow>(db, `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.id = ?`).get(id);
  if (!row) return undefined;
  return {
    pk: row.pk,
    version: row.version,
    id: row.id,
    uhid: row.uhid,
    name: row.name,
    gender: row.gender,
    dateOfBirth: row.date_of_birth,
    dobEstimated: row.dob_estimated === 1,
    phone: row.phone,
    guardianName: row.guardian_name,
    guardianRelation: row.guardian_relation,
    addressLine: row.address_line,
    district: row.district,
    state: row.state,
    pincode: row.pincode,
    abhaNumber: row.abha_number,
    abhaAddress: row.abha_address,
    cardId: currentCardId(db, row.pk),
  };
}

interface VisitRow {
  id: string;
  label: string;
  department_code: string;
  department_name: string;
  visit_date: string;
  priority: LocalVisit['priority'];
  visit_type: LocalVisit['visitType'];
  fee_category: string;
  status: LocalVisit['status'];
  issued_at: string;
  cancelled_at: string | null;
  transferred_from_id: string | null;
  patient_id: string;
  version: number;
}

export function visitForSync(db: Database, id: string): VisitForSync | undefined {
  const row = sql<[string], VisitRow>(
    db,
    `SELECT t.id, t.label, t.department_code, d.name_en AS department_name, t.visit_date,
      t.priority, t.visit_type, t.fee_category, t.status, t.issued_at, t.cancelled_at, t.transferred_from_id,
      p.id AS patient_id, t.version
    FROM tokens t JOIN patients p ON p.pk = t.patient_pk JOIN departments d ON d.code = t.department_code WHERE t.id = ?`,
  ).get(id);
  if (!row) return undefined;
  return {
    id: row.id,
    label: row.label,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    visitDate: row.visit_date,
    priority: row.priority,
    visitType: row.visit_type,
    feeCategory: row.fee_category,
    status: row.status,
    issuedAt: row.issued_at,
    cancelledAt: row.cancelled_at,
    transferredFromId: row.transferred_from_id,
    patientId: row.patient_id,
    version: row.version,
  };
}
