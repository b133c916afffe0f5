// Reads the current local state of a record for sending: the outbox only
// names the record, so the HIMS always gets its latest state (docs/decisions.md).
import type { Database } from 'better-sqlite3';
import type { LocalVisit } from '../fhir/encounter-mapping';
import type { LocalPatient } from '../fhir/patient-mapping';
import { currentCardId } from '../cards/card-store';
import { patientById } from '../patients/patient-store';
import { tokenById } from '../tokens/token-store';
import { movesOf } from '../queue/queue-store';

export interface PatientForSync extends LocalPatient {
  pk: number;
  version: number;
}

export interface VisitForSync extends LocalVisit {
  patientId: string;
  version: number;
}

export function patientForSync(db: Database, id: string): PatientForSync | undefined {
  const row = patientById(db, id);
  if (!row) return undefined;
  return {
    pk: row.pk,
    version: row.version,
    id: row.id,
    uhid: row.uhid,
    name: row.name,
    nameOtherScript: row.name_other_script,
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

export function visitForSync(db: Database, id: string): VisitForSync | undefined {
  const token = tokenById(db, id);
  if (!token) return undefined;
  return {
    id: token.id,
    label: token.label,
    departmentCode: token.departmentCode,
    departmentName: token.departmentNameEn,
    visitDate: token.visitDate,
    priority: token.priority,
    visitType: token.visitType,
    feeCategory: token.feeCategory,
    status: token.status,
    issuedAt: token.issuedAt,
    cancelledAt: token.cancelledAt,
    transferredFromId: token.transferredFromId,
    patientId: token.patientId,
    version: token.version,
    room: token.callRoom,
    // Issued, then every recorded move: the HIMS gets the whole story, not just the last status.
    history: [
      { status: 'issued', at: token.issuedAt, room: null },
      ...movesOf(db, id).map((m) => ({ status: m.to_status, at: m.at, room: m.room })),
    ],
  };
}
