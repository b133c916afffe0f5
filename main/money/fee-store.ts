// SQL of the fee configuration a supervisor keeps (migration 0130): how
// receipts print, the UPI address, the schedule per department and the
// exemption list.
import type { Database } from 'better-sqlite3';
import type { Exemption, FeeSettings, ScheduleRow } from '../../preload/contract/methods/fee-schemas';
import { sql } from '../db/statements';

interface ScheduleDbRow {
  department_code: string;
  new_paise: number;
  revisit_paise: number;
  follow_up_paise: number;
  validity_days: number;
}

interface ExemptionDbRow {
  code: string;
  name_en: string;
  name_hi: string;
  proof_required: number;
  active: number;
  sort_order: number;
}

const toSchedule = (r: ScheduleDbRow): ScheduleRow => ({
  departmentCode: r.department_code,
  newPaise: r.new_paise,
  revisitPaise: r.revisit_paise,
  followUpPaise: r.follow_up_paise,
  validityDays: r.validity_days,
});

const toExemption = (r: ExemptionDbRow): Exemption => ({
  code: r.code,
  nameEn: r.name_en,
  nameHi: r.name_hi,
  proofRequired: r.proof_required === 1,
  active: r.active === 1,
  sortOrder: r.sort_order,
});

const SCHEDULE_COLUMNS = 'department_code, new_paise, revisit_paise, follow_up_paise, validity_days';

export function readFeeSettings(db: Database): FeeSettings {
  const s = sql<[], { receipt_slips: 'one' | 'two'; upi_vpa: string | null; upi_payee_name: string | null }>(
    db,
    'SELECT receipt_slips, upi_vpa, upi_payee_name FROM fee_settings WHERE id = 1',
  ).get()!;
  return {
    receiptSlips: s.receipt_slips,
    upiVpa: s.upi_vpa,
    upiPayeeName: s.upi_payee_name,
    schedule: sql<[], ScheduleDbRow>(
      db,
      `SELECT ${SCHEDULE_COLUMNS} FROM fee_schedule ORDER BY department_code <> '*', department_code`,
    )
      .all()
      .map(toSchedule),
    exemptions: sql<[], ExemptionDbRow>(
      db,
      'SELECT code, name_en, name_hi, proof_required, active, sort_order FROM fee_exemptions ORDER BY sort_order, code',
    )
      .all()
      .map(toExemption),
  };
}

export function writeFeeSettings(
  db: Database,
  s: { receiptSlips: 'one' | 'two'; upiVpa: string | null; upiPayeeName: string | null },
  at: string,
): void {
  sql(db, 'UPDATE fee_settings SET receipt_slips = ?, upi_vpa = ?, upi_payee_name = ?, updated_at = ? WHERE id = 1').run(
    s.receiptSlips,
    s.upiVpa,
    s.upiPayeeName,
    at,
  );
}

/** The schedule that applies to a department: its own row, else '*'. */
export function scheduleFor(db: Database, departmentCode: string): ScheduleRow {
  const row = sql<[string], ScheduleDbRow>(
    db,
    `SELECT ${SCHEDULE_COLUMNS} FROM fee_schedule WHERE department_code IN (?, '*') ORDER BY department_code = '*' LIMIT 1`,
  ).get(departmentCode)!;
  return toSchedule(row);
}

export function writeSchedule(db: Database, row: ScheduleRow, at: string): void {
  sql(
    db,
    `INSERT INTO fee_schedule (${SCHEDULE_COLUMNS}, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (department_code) DO UPDATE SET new_paise = excluded.new_paise, revisit_paise = excluded.revisit_paise,
       follow_up_paise = excluded.follow_up_paise, validity_days = excluded.validity_days, updated_at = excluded.updated_at`,
  ).run(row.departmentCode, row.newPaise, row.revisitPaise, row.followUpPaise, row.validityDays, at);
}

/** A department goes back to the '*' row (configuration, not a money record: it may go). */
export function removeSchedule(db: Database, departmentCode: string): void {
  sql(db, "DELETE FROM fee_schedule WHERE department_code = ? AND department_code <> '*'").run(departmentCode);
}

export function exemptionByCode(db: Database, code: string): Exemption | undefined {
  const row = sql<[string], ExemptionDbRow>(
    db,
    'SELECT code, name_en, name_hi, proof_required, active, sort_order FROM fee_exemptions WHERE code = ?',
  ).get(code);
  return row ? toExemption(row) : undefined;
}

export function writeExemption(db: Database, e: Exemption, at: string): void {
  sql(
    db,
    `INSERT INTO fee_exemptions (code, name_en, name_hi, proof_required, active, sort_order, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_hi = excluded.name_hi,
       proof_required = excluded.proof_required, active = excluded.active, sort_order = excluded.sort_order,
       updated_at = excluded.updated_at`,
  ).run(e.code, e.nameEn, e.nameHi, e.proofRequired ? 1 : 0, e.active ? 1 : 0, e.sortOrder, at);
}

/** The name a fee category is shown and printed by: the exemption's, or General. */
export function categoryNames(db: Database, code: string): { en: string; hi: string } {
  if (code === 'general') return { en: 'General', hi: 'सामान्य' };
  const e = exemptionByCode(db, code);
  return e ? { en: e.nameEn, hi: e.nameHi } : { en: code, hi: code };
}
