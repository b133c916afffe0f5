// SQL of cash shifts (migration 0130): one open shift per clerk, the money
// that went through it, and its closing. What the drawer should hold is read
// from the receipts and refunds themselves, never kept as a running total
// that could drift from them.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { CashShift, DenominationCounts } from '../../preload/contract/methods/cash-schemas';
import { sql } from '../db/statements';

interface ShiftRow {
  id: string;
  clerk: string;
  counter_letter: string;
  business_date: string;
  opened_at: string;
  float_paise: number;
  closed_at: string | null;
  counts: string | null;
  counted_paise: number | null;
  expected_paise: number | null;
  close_note: string | null;
  signed_off_by: string | null;
  signed_off_at: string | null;
  sign_off_note: string | null;
  cash_in: number;
  upi_in: number;
  cash_out: number;
  receipt_count: number;
  refund_count: number;
}

const SHIFT_SELECT = `SELECT s.id, s.clerk, s.counter_letter, s.business_date, s.opened_at, s.float_paise, s.closed_at, s.counts,
    s.counted_paise, s.expected_paise, s.close_note, s.signed_off_by, s.signed_off_at, s.sign_off_note,
    coalesce((SELECT sum(amount_paise) FROM receipts WHERE shift_id = s.id AND method = 'cash'), 0) AS cash_in,
    coalesce((SELECT sum(amount_paise) FROM receipts WHERE shift_id = s.id AND method = 'upi'), 0) AS upi_in,
    coalesce((SELECT sum(amount_paise) FROM refunds WHERE shift_id = s.id AND method = 'cash'), 0) AS cash_out,
    (SELECT count(*) FROM receipts WHERE shift_id = s.id) AS receipt_count,
    (SELECT count(*) FROM refunds WHERE shift_id = s.id) AS refund_count
  FROM cash_shifts s`;

function toShift(r: ShiftRow): CashShift {
  const expected = r.float_paise + r.cash_in - r.cash_out;
  return {
    id: r.id,
    clerk: r.clerk,
    counterLetter: r.counter_letter,
    businessDate: r.business_date,
    openedAt: r.opened_at,
    status: r.closed_at === null ? 'open' : r.signed_off_at === null ? 'closed' : 'signed_off',
    floatPaise: r.float_paise,
    cashReceiptsPaise: r.cash_in,
    upiReceiptsPaise: r.upi_in,
    cashRefundsPaise: r.cash_out,
    receiptCount: r.receipt_count,
    refundCount: r.refund_count,
    // A closed shift shows what was expected when it was counted (nothing moves after that).
    expectedPaise: r.expected_paise ?? expected,
    closedAt: r.closed_at,
    counts: r.counts ? (JSON.parse(r.counts) as Record<string, number>) : null,
    countedPaise: r.counted_paise,
    differencePaise: r.counted_paise === null || r.expected_paise === null ? null : r.counted_paise - r.expected_paise,
    closeNote: r.close_note,
    signedOffBy: r.signed_off_by,
    signedOffAt: r.signed_off_at,
    signOffNote: r.sign_off_note,
  };
}

export function shiftById(db: Database, id: string): CashShift | undefined {
  const row = sql<[string], ShiftRow>(db, `${SHIFT_SELECT} WHERE s.id = ?`).get(id);
  return row ? toShift(row) : undefined;
}

export function openShiftOf(db: Database, clerk: string): CashShift | undefined {
  const row = sql<[string], ShiftRow>(db, `${SHIFT_SELECT} WHERE s.clerk = ? AND s.closed_at IS NULL`).get(clerk);
  return row ? toShift(row) : undefined;
}

/** Just the id of a clerk's open shift (cash_shifts_open): what every fee taken needs, without its totals. */
export function openShiftId(db: Database, clerk: string): string | undefined {
  return sql<[string], { id: string }>(db, 'SELECT id FROM cash_shifts WHERE clerk = ? AND closed_at IS NULL').get(clerk)?.id;
}

export function shiftsOn(db: Database, businessDate: string): CashShift[] {
  return sql<[string, string], ShiftRow>(
    db,
    `${SHIFT_SELECT} WHERE s.business_date = ? OR (s.closed_at IS NULL AND s.business_date < ?) ORDER BY s.opened_at DESC`,
  )
    .all(businessDate, businessDate)
    .map(toShift);
}

export function insertShift(
  db: Database,
  s: { clerk: string; counterLetter: string; businessDate: string; at: string; floatPaise: number },
): string {
  const id = randomUUID();
  sql(
    db,
    `INSERT INTO cash_shifts (id, clerk, counter_letter, business_date, opened_at, float_paise)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, s.clerk, s.counterLetter, s.businessDate, s.at, s.floatPaise);
  return id;
}

export function closeShiftRow(
  db: Database,
  id: string,
  close: { at: string; counts: DenominationCounts; countedPaise: number; expectedPaise: number; note: string | null },
): void {
  sql(
    db,
    `UPDATE cash_shifts SET closed_at = ?, counts = ?, counted_paise = ?, expected_paise = ?, close_note = ?
     WHERE id = ? AND closed_at IS NULL`,
  ).run(close.at, JSON.stringify(close.counts), close.countedPaise, close.expectedPaise, close.note, id);
}

export function signOffRow(db: Database, id: string, s: { by: string; at: string; note: string | null }): void {
  sql(
    db,
    `UPDATE cash_shifts SET signed_off_by = ?, signed_off_at = ?, sign_off_note = ?
     WHERE id = ? AND closed_at IS NOT NULL AND signed_off_at IS NULL`,
  ).run(s.by, s.at, s.note, id);
}
