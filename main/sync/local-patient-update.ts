// Writes the HIMS's version of a patient over the local record: used by the
// pull (a change made elsewhere) and by a review resolved as "keep theirs",
// so both copy exactly the same fields. Never writes an outbox row: the
// record came from the HIMS. The FTS name index follows by trigger.
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';
import type { LocalPatient } from '../fhir/patient-mapping';
import { IDENTIFIER_SYSTEMS, patientByIdentifier, setIdentifier } from '../patients/patient-store';

/** Returns the local record's new version. */
export function updateLocalPatient(db: Database, pk: number, p: LocalPatient, at: string): number {
  sql(
    db,
    `UPDATE patients SET name = @name, name_other_script = @nameOtherScript, gender = @gender, date_of_birth = @dateOfBirth, dob_estimated = @dob, phone = @phone,
      guardian_name = @guardianName, guardian_relation = @guardianRelation, address_line = @addressLine, district = @district,
      state = @state, pincode = @pincode, unidentified = @unidentified, version = version + 1, updated_at = @at WHERE pk = @pk`,
  ).run({
    ...p,
    dob: p.dobEstimated ? 1 : 0,
    guardianRelation: normalRelation(p.guardianRelation),
    // Identified at another counter (or at the HIMS): the temporary name stays here as it was.
    unidentified: p.unidentified ? 1 : 0,
    at,
    pk,
  });
  for (const [system, value] of [
    [IDENTIFIER_SYSTEMS.abhaNumber, p.abhaNumber],
    [IDENTIFIER_SYSTEMS.abhaAddress, p.abhaAddress],
  ] as const) {
    // An identifier another local patient holds stays with that patient; a review decides.
    const holder = value ? patientByIdentifier(db, system, value) : undefined;
    if (!holder || holder.pk === pk) setIdentifier(db, pk, system, value);
  }
  return sql<[number], { version: number }>(db, 'SELECT version FROM patients WHERE pk = ?').get(pk)!.version;
}

function normalRelation(r: string | null): string | null {
  return r === 'S/o' || r === 'D/o' || r === 'W/o' || r === 'C/o' ? r : null;
}
