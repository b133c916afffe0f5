// The duplicate warning shown before a registration is saved: the same phone
// with a similar name, the same name with the same birth year, or the same
// ABHA number/address (which is refused outright at save time).
import type { Database } from 'better-sqlite3';
import type { DuplicateCandidate } from '../../preload/contract/records';
import { namesSimilar, normalizedName } from './name-match';
import { toSummary, type PatientRow } from './patient-rows';
import { IDENTIFIER_SYSTEMS, patientByIdentifier, patientsByPhone, patientsWithNameWords } from './patient-store';

export interface DuplicateProbe {
  name: string;
  dateOfBirth: string;
  dobEstimated: boolean;
  phone?: string | null | undefined;
  abhaNumber?: string | null | undefined;
  abhaAddress?: string | null | undefined;
  /** The patient being edited, never its own duplicate. */
  excludeId?: string;
}

/**
 * Unidentified emergency patients ("Unknown Male 35 …") look alike by design
 * and merged records are pointers: neither is anyone's duplicate.
 */
function comparable(row: PatientRow): boolean {
  return row.unidentified === 0 && row.merged_into_pk === null;
}

type Reason = DuplicateCandidate['reasons'][number];

export function findDuplicates(db: Database, probe: DuplicateProbe, today: string): DuplicateCandidate[] {
  const found = new Map<string, { row: PatientRow; reasons: Set<Reason> }>();
  const add = (row: PatientRow | undefined, reason: Reason) => {
    if (!row || row.id === probe.excludeId || !comparable(row)) return;
    const entry = found.get(row.id) ?? { row, reasons: new Set<Reason>() };
    entry.reasons.add(reason);
    found.set(row.id, entry);
  };

  if (probe.abhaNumber) add(patientByIdentifier(db, IDENTIFIER_SYSTEMS.abhaNumber, probe.abhaNumber), 'same_abha');
  if (probe.abhaAddress) add(patientByIdentifier(db, IDENTIFIER_SYSTEMS.abhaAddress, probe.abhaAddress), 'same_abha');
  if (probe.phone) {
    // A family often shares one phone; only a similar name makes it a likely duplicate.
    for (const row of patientsByPhone(db, probe.phone, 50)) {
      if (namesSimilar(row.name, probe.name)) add(row, 'same_phone_similar_name');
    }
  }
  // An age given at the counter puts the birth year within one year either way.
  const birthYear = Number(probe.dateOfBirth.slice(0, 4));
  const wanted = normalizedName(probe.name);
  for (const row of patientsWithNameWords(db, probe.name, 200)) {
    const slack = probe.dobEstimated || row.dob_estimated === 1 ? 1 : 0;
    const yearGap = Math.abs(Number(row.date_of_birth.slice(0, 4)) - birthYear);
    if (normalizedName(row.name) === wanted && yearGap <= slack) {
      add(row, 'same_name_same_birth_year');
    }
  }
  return [...found.values()].map(({ row, reasons }) => ({ patient: toSummary(row, today), reasons: [...reasons] }));
}
