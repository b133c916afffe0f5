// Patients across the hospital's counters (docs/peers.md): what a peer may ask
// of this counter (exact lookups, one record to bring over), and copying a
// patient registered at another counter into this one with its own id and
// UHID, so the HIMS still ends with one Patient (the push's conditional create
// on the client UUID finds the copy the first counter sent).
import type { Database } from 'better-sqlite3';
import type { Patient } from '../../preload/contract/records';
import { appendAudit } from '../audit/audit-log';
import { AppError, conflict } from '../core/app-error';
import { enqueueOutbox } from '../core/outbox';
import { writeTransaction } from '../db/transaction';
import { toPatient, toSummary } from '../patients/patient-rows';
import {
  IDENTIFIER_SYSTEMS,
  insertPatient,
  patientById,
  patientByIdentifier,
  searchPatients,
  setIdentifier,
} from '../patients/patient-store';
import { classifyQuery } from '../patients/search-query';
import { formatUhid, normalizeUhid } from '../patients/uhid';

/** Names are too broad to send around the hospital: only what identifies one person. */
export function exactLookup(db: Database, query: string, today: string) {
  const classified = classifyQuery(query);
  if (classified.kind === 'name' || classified.kind === 'none') {
    throw new AppError('VALIDATION_FAILED', 'query: other counters are asked by UHID, mobile, ABHA number or ABHA address only', {
      field: 'query',
    });
  }
  return searchPatients(db, classified, 10).map((row) => toSummary(row, today));
}

/**
 * The patient as the other counter holds it, stored here under the same id
 * and UHID (origin: that counter). Already here: returned as it is.
 */
export function storeBroughtPatient(
  db: Database,
  patient: Patient,
  from: { counterId: string; counterLetter: string },
  audit: { at: string; actor: string },
  today: string,
): Patient {
  const uhid = normalizeUhid(patient.uhid);
  if (!uhid) throw new AppError('VALIDATION_FAILED', `the other counter sent a UHID that does not check: ${patient.uhid}`);
  if (patient.mergedInto) {
    throw conflict(
      `this record was merged into ${patient.mergedInto.uhid} at counter ${from.counterLetter}: bring that one`,
      'patientId',
      {
        patientId: patient.mergedInto.id,
      },
    );
  }
  return writeTransaction(db, () => {
    const here = patientById(db, patient.id);
    if (here) return toPatient(here, today);
    for (const [system, value] of [
      [IDENTIFIER_SYSTEMS.abhaNumber, patient.abhaNumber],
      [IDENTIFIER_SYSTEMS.abhaAddress, patient.abhaAddress],
    ] as const) {
      const holder = value ? patientByIdentifier(db, system, value) : undefined;
      if (holder) {
        throw conflict(
          `a patient here (${formatUhid(holder.uhid)}) already has this ABHA ${system === IDENTIFIER_SYSTEMS.abhaNumber ? 'number' : 'address'}: open that record`,
          'patientId',
          {
            patientId: holder.id,
          },
        );
      }
    }
    const pk = insertPatient(db, {
      id: patient.id,
      uhid,
      name: patient.name,
      nameOtherScript: patient.nameOtherScript,
      gender: patient.gender,
      dateOfBirth: patient.dateOfBirth,
      dobEstimated: patient.dateOfBirthEstimated,
      phone: patient.phone,
      guardianName: patient.guardianName,
      guardianRelation: patient.guardianRelation,
      addressLine: patient.address.line,
      district: patient.address.district,
      state: patient.address.state,
      pincode: patient.address.pincode,
      originCounter: from.counterId,
      at: audit.at,
      // What the owner knows of an emergency patient or a newborn, and the ID proof (an Aadhaar number masked there already).
      unidentified: patient.unidentified,
      temporaryName: patient.temporaryName,
      broughtBy: patient.broughtBy,
      birthTime: patient.birthTime,
      motherPk: patient.mother ? (patientById(db, patient.mother.id)?.pk ?? null) : null,
      idProofType: patient.idProof?.type ?? null,
      idProofNumber: patient.idProof?.number ?? null,
    });
    setIdentifier(db, pk, IDENTIFIER_SYSTEMS.abhaNumber, patient.abhaNumber);
    setIdentifier(db, pk, IDENTIFIER_SYSTEMS.abhaAddress, patient.abhaAddress);
    // Sent like a registration: a conditional create on the same client UUID, so one Patient at the HIMS.
    enqueueOutbox(db, { entity: 'patient', entityId: patient.id, operation: 'create', version: 1, at: audit.at });
    appendAudit(db, {
      ...audit,
      action: 'patient.bringOver',
      entity: 'patient',
      entityId: patient.id,
      detail: { fromCounter: from.counterLetter },
    });
    return toPatient(patientById(db, patient.id)!, today);
  });
}
