// A visit's type is derived from the patient's history, never left at a
// default: the first visit of a patient to a department is new; every later
// one is old (a revisit once the OPD ticket has run out, a follow-up while it
// is valid), and the HMIS report counts old visits as old cases.
// docs/decisions.md, "A visit's type".
import type { Database } from 'better-sqlite3';
import type { Token } from '../../preload/contract/records';
import { sql } from '../db/statements';

/**
 * Was the patient seen in this department before this day? A cancelled token
 * was no visit (its fee is refunded); a token moved to another department
 * still was one (the patient was registered there).
 */
export function seenInDepartmentBefore(db: Database, patientPk: number, departmentCode: string, day: string): boolean {
  return !!sql<[number, string, string], { x: number }>(
    db,
    `SELECT 1 AS x FROM tokens
      WHERE patient_pk = ? AND department_code = ? AND visit_date < ? AND status <> 'cancelled' LIMIT 1`,
  ).get(patientPk, departmentCode, day);
}

/**
 * The visit type of a token about to be written. `chosen` can only make a
 * visit old (the patient brings a paper ticket from before this counter's
 * records); a patient seen before is never new again.
 */
export function visitTypeFor(
  db: Database,
  visit: { patientPk: number; departmentCode: string; visitDate: string; chosen?: Token['visitType'] },
): Token['visitType'] {
  if (visit.chosen === 'follow_up') return 'follow_up';
  return seenInDepartmentBefore(db, visit.patientPk, visit.departmentCode, visit.visitDate) ? 'follow_up' : 'new';
}
