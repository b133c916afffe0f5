// Applies a validated set of changes to a patient row (inside the caller's
// transaction) and says which fields changed, for the audit log.
import type { Database } from 'better-sqlite3';
import type { PatientChanges } from '../../preload/contract/methods';
import { sql } from '../db/statements';
import { CHANGEABLE_COLUMNS, type PatientRow } from './patient-rows';
import { IDENTIFIER_SYSTEMS, setIdentifier } from './patient-store';
import { resolveBirth } from './birth';
import { isNewbornTemporaryName } from '../../preload/contract/temporary-names';

const UPDATE_SQL = `UPDATE patients SET ${CHANGEABLE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')},
  version = version + 1, updated_at = @at WHERE pk = @pk`;

export function updatePatientRow(
  db: Database,
  current: PatientRow,
  changes: PatientChanges,
  today: string,
  at: string,
): string[] {
  const next = { ...current };
  const changed: string[] = [];
  const set = <K extends keyof PatientRow>(column: K, value: PatientRow[K], field: string) => {
    if (next[column] !== value) {
      next[column] = value;
      changed.push(field);
    }
  };
  if (changes.name !== undefined) set('name', changes.name, 'name');
  if (changes.nameOtherScript !== undefined) set('name_other_script', changes.nameOtherScript, 'nameOtherScript');
  // A temporary name's other script ("अज्ञात पुरुष …", "… का शिशु") goes with it: a real name given
  // without its other script leaves none rather than the stale one.
  const temporaryOther =
    current.unidentified === 1 || (current.mother_pk !== null && isNewbornTemporaryName(current.name_other_script ?? ''));
  if (changes.name !== undefined && changes.name !== current.name && changes.nameOtherScript === undefined && temporaryOther) {
    set('name_other_script', null, 'nameOtherScript');
  }
  if (changes.gender !== undefined) set('gender', changes.gender, 'gender');
  if (changes.dateOfBirth !== undefined || changes.ageYears !== undefined || changes.ageMonths !== undefined) {
    const birth = resolveBirth(changes, today);
    set('date_of_birth', birth.dateOfBirth, 'dateOfBirth');
    set('dob_estimated', birth.estimated ? 1 : 0, 'dateOfBirthEstimated');
  }
  // Absent means "leave as is"; null or "" means "clear" (the schema maps "" to null).
  if (changes.phone !== undefined) set('phone', changes.phone, 'phone');
  if (changes.guardianName !== undefined) set('guardian_name', changes.guardianName, 'guardianName');
  if (changes.guardianRelation !== undefined) set('guardian_relation', changes.guardianRelation, 'guardianRelation');
  if (changes.address) {
    const a = changes.address;
    if (a.line !== undefined) set('address_line', a.line, 'address.line');
    if (a.district !== undefined) set('district', a.district, 'address.district');
    if (a.state !== undefined) set('state', a.state, 'address.state');
    if (a.pincode !== undefined) set('pincode', a.pincode, 'address.pincode');
  }
  if (changes.idProof !== undefined) {
    set('id_proof_type', changes.idProof?.type ?? null, 'idProof');
    set('id_proof_number', changes.idProof?.number ?? null, 'idProof');
  }
  // An unidentified emergency patient given a name is identified; the name they
  // had stays in temporary_name, and the audit entry and version keep the history.
  if (current.unidentified === 1 && changes.name !== undefined && changes.name !== current.name) {
    set('unidentified', 0, 'unidentified');
  }
  if (changes.abhaNumber !== undefined) {
    set('abha_number', changes.abhaNumber, 'abhaNumber');
    setIdentifier(db, current.pk, IDENTIFIER_SYSTEMS.abhaNumber, next.abha_number);
  }
  if (changes.abhaAddress !== undefined) {
    set('abha_address', changes.abhaAddress, 'abhaAddress');
    setIdentifier(db, current.pk, IDENTIFIER_SYSTEMS.abhaAddress, next.abha_address);
  }
  sql(db, UPDATE_SQL).run({ ...Object.fromEntries(CHANGEABLE_COLUMNS.map((c) => [c, next[c]])), pk: current.pk, at });
  return [...new Set(changed)];
}
