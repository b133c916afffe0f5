// Mapping between the patients table and the contract's Patient.
import type { IdProof } from '../../preload/contract/id-proof';
import type { Patient, PatientLink, PatientSummary } from '../../preload/contract/records';
import { ageOn } from '../core/clock';
import { formatUhid } from './uhid';

export interface PatientRow {
  pk: number;
  id: string;
  uhid: string;
  name: string;
  name_other_script: string | null;
  gender: Patient['gender'];
  date_of_birth: string;
  dob_estimated: number;
  phone: string | null;
  guardian_name: string | null;
  guardian_relation: Patient['guardianRelation'];
  address_line: string | null;
  district: string | null;
  state: string | null;
  pincode: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  abha_number: string | null;
  abha_address: string | null;
  unidentified: number;
  temporary_name: string | null;
  brought_by: string | null;
  birth_time: string | null;
  mother_pk: number | null;
  id_proof_type: IdProof['type'] | null;
  id_proof_number: string | null;
  merged_into_pk: number | null;
  /** JSON [id, uhid, name] of the mother / of the record this one was merged into. */
  mother_json: string | null;
  merged_into_json: string | null;
  has_photo: number;
}

/** The columns a change of a patient's details writes (patients.update): the UPDATE is built from this list. */
export const CHANGEABLE_COLUMNS = [
  'name',
  'name_other_script',
  'gender',
  'date_of_birth',
  'dob_estimated',
  'phone',
  'guardian_name',
  'guardian_relation',
  'address_line',
  'district',
  'state',
  'pincode',
  'unidentified',
  'id_proof_type',
  'id_proof_number',
] as const satisfies readonly (keyof PatientRow)[];

/** Every patient read selects these, identifiers folded in. */
export const PATIENT_COLUMNS = `p.pk, p.id, p.uhid, p.name, p.name_other_script, p.gender, p.date_of_birth, p.dob_estimated, p.phone,
  p.guardian_name, p.guardian_relation, p.address_line, p.district, p.state, p.pincode,
  p.version, p.created_at, p.updated_at,
  (SELECT value FROM patient_identifiers WHERE patient_pk = p.pk AND system = 'abha-number') AS abha_number,
  (SELECT value FROM patient_identifiers WHERE patient_pk = p.pk AND system = 'abha-address') AS abha_address,
  p.unidentified, p.temporary_name, p.brought_by, p.birth_time, p.mother_pk, p.id_proof_type, p.id_proof_number, p.merged_into_pk,
  CASE WHEN p.mother_pk IS NOT NULL THEN (SELECT json_array(o.id, o.uhid, o.name) FROM patients o WHERE o.pk = p.mother_pk) END AS mother_json,
  CASE WHEN p.merged_into_pk IS NOT NULL THEN (SELECT json_array(o.id, o.uhid, o.name) FROM patients o WHERE o.pk = p.merged_into_pk) END AS merged_into_json,
  EXISTS (SELECT 1 FROM patient_photos ph WHERE ph.patient_pk = p.pk) AS has_photo`;

function link(json: string | null): PatientLink | null {
  if (!json) return null;
  const [id, uhid, name] = JSON.parse(json) as [string, string, string];
  return { id, uhid: formatUhid(uhid), name };
}

export function toPatient(row: PatientRow, today: string): Patient {
  const age = ageOn(row.date_of_birth, today);
  return {
    id: row.id,
    uhid: formatUhid(row.uhid),
    name: row.name,
    nameOtherScript: row.name_other_script,
    gender: row.gender,
    dateOfBirth: row.date_of_birth,
    dateOfBirthEstimated: row.dob_estimated === 1,
    ageYears: age.years,
    ageMonths: age.months,
    phone: row.phone,
    guardianName: row.guardian_name,
    guardianRelation: row.guardian_relation,
    address: { line: row.address_line, district: row.district, state: row.state, pincode: row.pincode },
    abhaNumber: row.abha_number,
    abhaAddress: row.abha_address,
    unidentified: row.unidentified === 1,
    temporaryName: row.temporary_name,
    broughtBy: row.brought_by,
    birthTime: row.birth_time,
    mother: link(row.mother_json),
    idProof: row.id_proof_type && row.id_proof_number ? { type: row.id_proof_type, number: row.id_proof_number } : null,
    hasPhoto: row.has_photo === 1,
    mergedInto: link(row.merged_into_json),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toSummary(row: PatientRow, today: string): PatientSummary {
  const p = toPatient(row, today);
  return {
    id: p.id,
    uhid: p.uhid,
    name: p.name,
    nameOtherScript: p.nameOtherScript,
    gender: p.gender,
    dateOfBirth: p.dateOfBirth,
    ageYears: p.ageYears,
    ageMonths: p.ageMonths,
    phone: p.phone,
    guardianName: p.guardianName,
    guardianRelation: p.guardianRelation,
    abhaNumber: p.abhaNumber,
    unidentified: p.unidentified,
  };
}
