// Reads the current local state of a record for sending: the outbox only
// names the record, so the HIMS always gets its latest state (docs/decisions.md).
import type { Database } from 'better-sqlite3';
import type { LocalVisit } from '../fhir/encounter-mapping';
import type { LocalPatient } from '../fhir/patient-mapping';
import { currentCardId } from '../cards/card-store';
import { patientById } from '../patients/patient-store';
import { tokenById } from '../tokens/token-store';
import { sql } from '../db/statements';
import { utcOffset } from '../core/zoned-time';
import { mergedIntoThis } from '../patients/merge-store';
import { patientByPk } from '../patients/patient-store';
import { photoOf, photosGoToHims } from '../patients/photo-store';
import { movesOf } from '../queue/queue-store';

export interface PatientForSync extends LocalPatient {
  pk: number;
  version: number;
  /** Client ids of the merge's other side; the planner turns them into Patient.link references. */
  mergedIntoId: string | null;
  replacesIds: string[];
  /** A newborn's mother, sent as a RelatedPerson (main/fhir/mother-mapping.ts). */
  mother: { id: string; uhid: string; name: string; phone: string | null } | null;
}

function timeZoneOf(db: Database): string {
  return sql<[], { value: string }>(db, "SELECT value FROM settings WHERE key = 'timeZone'").get()?.value ?? 'Asia/Kolkata';
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
    unidentified: row.unidentified === 1,
    birthTime: row.birth_time,
    ...(row.birth_time ? { birthTimeOffset: utcOffset(row.date_of_birth, row.birth_time, timeZoneOf(db)) } : {}),
    idProof: row.id_proof_type && row.id_proof_number ? { type: row.id_proof_type, number: row.id_proof_number } : null,
    photoJpeg: photosGoToHims(db) ? (photoOf(db, row.pk)?.jpeg.toString('base64') ?? null) : null,
    mergedIntoId: row.merged_into_pk !== null ? (patientByPk(db, row.merged_into_pk)?.id ?? null) : null,
    replacesIds: mergedIntoThis(db, row.pk),
    mother: motherOf(db, row.mother_pk),
  };
}

function motherOf(db: Database, pk: number | null): PatientForSync['mother'] {
  const mother = pk !== null ? patientByPk(db, pk) : undefined;
  return mother ? { id: mother.id, uhid: mother.uhid, name: mother.name, phone: mother.phone } : null;
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
    mlc: token.mlc,
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
