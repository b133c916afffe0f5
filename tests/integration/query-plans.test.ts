// Every lookup the counter makes must be answered by an index, not a scan:
// at 1,000,000 cached patients a scan is the difference between 1 ms and 1 s.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestCore } from '../support/temp-core';
import { PATIENT_COLUMNS } from '../../main/patients/patient-rows';
import { RECENT_CALLS_SQL, WAITING_HEAD_SQL } from '../../main/queue/queue-store';

const t = startTestCore();
afterAll(() => t.dispose());

function plan(sql: string, ...params: unknown[]): string {
  const rows = t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('query plans', () => {
  it('UHID lookup uses the unique index', () => {
    expect(plan(`SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.uhid = ?`, 'X')).toMatch(
      /SEARCH p USING INDEX sqlite_autoindex_patients_2 \(uhid=\?\)/,
    );
  });

  it('phone lookup uses patients_by_phone', () => {
    expect(plan(`SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.phone = ? ORDER BY p.pk DESC LIMIT 20`, '9876543210')).toMatch(
      /USING INDEX patients_by_phone \(phone=\?\)/,
    );
  });

  it('ABHA lookup uses the identifier primary key', () => {
    const detail = plan(
      `SELECT ${PATIENT_COLUMNS} FROM patient_identifiers i JOIN patients p ON p.pk = i.patient_pk WHERE i.system = ? AND i.value = ?`,
      'abha-number',
      'x',
    );
    expect(detail).toMatch(/SEARCH i USING PRIMARY KEY \(system=\? AND value=\?\)/);
    expect(detail).not.toMatch(/SCAN/);
  });

  it('name search goes through the FTS index', () => {
    const detail = plan(
      `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.pk IN (SELECT rowid FROM patients_fts WHERE patients_fts MATCH ? ORDER BY rowid DESC LIMIT 20)`,
      '"ram"*',
    );
    expect(detail).toMatch(/VIRTUAL TABLE INDEX/);
    expect(detail).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
  });

  it("today's queue uses tokens_queue", () => {
    expect(
      plan('SELECT * FROM tokens t WHERE t.visit_date = ? AND t.department_code = ? ORDER BY t.issued_at', 'd', 'MED'),
    ).toMatch(/USING INDEX tokens_queue/);
  });

  it('issue 13: the MLC register, recent registrations, merge pointers and a merged card each use their index', () => {
    expect(plan('SELECT t.id FROM tokens t WHERE t.visit_date BETWEEN ? AND ? AND t.mlc_number IS NOT NULL', 'a', 'b')).toMatch(
      /USING INDEX tokens_mlc/,
    );
    expect(
      plan(
        `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.created_at >= ? AND p.merged_into_pk IS NULL AND p.unidentified = 0 ORDER BY p.created_at DESC LIMIT 2000`,
        'x',
      ),
    ).toMatch(/USING INDEX patients_by_created/);
    expect(plan('SELECT id FROM patients WHERE merged_into_pk = ?', 1)).toMatch(/USING INDEX patients_merged_into/);
    // Every patient read folds in the mother, the survivor and the photo by primary key, never by a scan.
    expect(plan(`SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.pk = ?`, 1)).not.toMatch(/SCAN/);
  });

  it('"call next" takes the head of a priority class with one seek in tokens_waiting, no sort', () => {
    const detail = plan(WAITING_HEAD_SQL, { visitDate: 'd', departmentCode: 'MED', room: null, class: 1 });
    expect(detail).toMatch(/SEARCH tokens USING INDEX tokens_waiting \(visit_date=\? AND department_code=\? AND <expr>=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('the one-in-N rule reads the latest calls from token_moves_by_day, newest first without a sort', () => {
    const detail = plan(RECENT_CALLS_SQL, { visitDate: 'd', departmentCode: 'MED', room: null, limit: 3 });
    expect(detail).toMatch(/SEARCH m USING INDEX token_moves_by_day/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
