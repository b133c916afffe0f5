// Receipts and refunds as the counter shows, prints and sends them.
import type { Database } from 'better-sqlite3';
import type { ReceiptView, RefundView } from '../../preload/contract/methods/fee-schemas';
import { sql } from '../db/statements';

interface ReceiptRow {
  id: string;
  number: string;
  amount_paise: number;
  method: 'cash' | 'upi';
  upi_ref: string | null;
  clerk: string;
  issued_at: string;
  refunded: number;
  cancelled: number;
}

export function receiptView(db: Database, id: string): ReceiptView | undefined {
  const row = sql<[string], ReceiptRow>(
    db,
    `SELECT r.id, r.number, r.amount_paise, r.method, r.upi_ref, r.clerk, r.issued_at,
       coalesce((SELECT sum(amount_paise) FROM refunds WHERE receipt_id = r.id), 0) AS refunded,
       EXISTS (SELECT 1 FROM refunds WHERE receipt_id = r.id AND kind = 'cancellation') AS cancelled
     FROM receipts r WHERE r.id = ?`,
  ).get(id);
  if (!row) return undefined;
  return {
    id: row.id,
    number: row.number,
    amountPaise: row.amount_paise,
    method: row.method,
    upiRef: row.upi_ref,
    clerk: row.clerk,
    issuedAt: row.issued_at,
    refundedPaise: row.refunded,
    cancelled: row.cancelled === 1,
  };
}

/** What a receipt's slip and the sync need beyond the view: the token, its charge, shift and counter. */
export interface ReceiptRecord extends ReceiptView {
  chargeId: string;
  tokenId: string;
  counterLetter: string;
  businessDate: string;
  shiftId: string;
}

export function receiptRecord(db: Database, id: string): ReceiptRecord | undefined {
  const view = receiptView(db, id);
  if (!view) return undefined;
  const row = sql<
    [string],
    { charge_id: string; token_id: string; counter_letter: string; business_date: string; shift_id: string }
  >(db, 'SELECT charge_id, token_id, counter_letter, business_date, shift_id FROM receipts WHERE id = ?').get(id)!;
  return {
    ...view,
    chargeId: row.charge_id,
    tokenId: row.token_id,
    counterLetter: row.counter_letter,
    businessDate: row.business_date,
    shiftId: row.shift_id,
  };
}

interface RefundRow {
  id: string;
  number: string;
  receipt_id: string;
  receipt_number: string;
  kind: 'refund' | 'cancellation';
  amount_paise: number;
  method: 'cash' | 'upi';
  reason: string;
  approved_by: string;
  created_at: string;
}

const REFUND_SELECT = `SELECT f.id, f.number, f.receipt_id, r.number AS receipt_number, f.kind, f.amount_paise, f.method, f.reason,
    f.approved_by, f.created_at FROM refunds f JOIN receipts r ON r.id = f.receipt_id`;

const toRefund = (r: RefundRow): RefundView => ({
  id: r.id,
  number: r.number,
  receiptId: r.receipt_id,
  receiptNumber: r.receipt_number,
  kind: r.kind,
  amountPaise: r.amount_paise,
  method: r.method,
  reason: r.reason,
  approvedBy: r.approved_by,
  createdAt: r.created_at,
});

export function refundById(db: Database, id: string): RefundView | undefined {
  const row = sql<[string], RefundRow>(db, `${REFUND_SELECT} WHERE f.id = ?`).get(id);
  return row ? toRefund(row) : undefined;
}

export function refundsOfToken(db: Database, tokenId: string): RefundView[] {
  return sql<[string], RefundRow>(db, `${REFUND_SELECT} WHERE r.token_id = ? ORDER BY f.pk`).all(tokenId).map(toRefund);
}
