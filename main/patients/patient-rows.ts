// Mapping between the patients table and the contract's Patient.
import type { Patient, PatientSummary } from '../../preload/contract/records';
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
}

/** Every patient read selects these, identifiers folded in. */
export const PATIENT_COLUMNS = `p.pk, p.id, p.uhid, p.name, p.name_other_script, p.gender, p.date_of_birth, p.dob_estimated, p.phone,
  p.guardian_name, p.guardian_relation, p.address_line, p.district, p.state, p.pincode,
  p.version, p.created_at, p.updated_at,
  (SELECT value FROM patient_identifiers WHERE patient_pk = p.pk AND system = 'abha-number') AS abha_number,
  (SELECT value FROM patient_identifiers WHERE patient_pk = p.pk AND system = 'abha-address') AS abha_address`;

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
  };
}
