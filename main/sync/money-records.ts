// The current local state of fee records for sending (docs/fhir-mapping.md
// "Fees"). A fee record is sent only when a fee was asked: a free visit adds
// nothing at the HIMS.
import type { Database } from 'better-sqlite3';
import type { LocalCharge, LocalPayment } from '../fhir/fee-mapping';
import { sql } from '../db/statements';
import { categoryNames } from '../money/fee-store';

export interface ChargeForSync extends LocalCharge {
  tokenId: string;
  patientId: string;
  /** 1, or 2 once the fee was cancelled (the ChargeItem's one change). */
  version: number;
}

export function chargeForSync(db: Database, id: string): ChargeForSync | undefined {
  const row = sql<
    [string],
    {
      id: string;
      token_id: string;
      patient_id: string;
      basis: LocalCharge['basis'];
      category: string;
      scheduled_paise: number;
      waived_paise: number;
      due_paise: number;
      proof_type: string | null;
      proof_number: string | null;
      valid_until: string | null;
      created_at: string;
      paid: number;
      cancelled: number;
    }
  >(
    db,
    `SELECT c.id, c.token_id, p.id AS patient_id, c.basis, c.category, c.scheduled_paise, c.waived_paise, c.due_paise,
       c.proof_type, c.proof_number, c.valid_until, c.created_at,
       EXISTS (SELECT 1 FROM receipts r WHERE r.charge_id = c.id) AS paid,
       EXISTS (SELECT 1 FROM receipts r JOIN refunds f ON f.receipt_id = r.id WHERE r.charge_id = c.id AND f.kind = 'cancellation') AS cancelled
     FROM token_charges c JOIN patients p ON p.pk = c.patient_pk WHERE c.id = ?`,
  ).get(id);
  if (!row) return undefined;
  return {
    id: row.id,
    tokenId: row.token_id,
    patientId: row.patient_id,
    basis: row.basis,
    category: row.category,
    categoryName: categoryNames(db, row.category).en,
    scheduledPaise: row.scheduled_paise,
    waivedPaise: row.waived_paise,
    duePaise: row.due_paise,
    proofType: row.proof_type,
    proofNumber: row.proof_number,
    validUntil: row.valid_until,
    createdAt: row.created_at,
    paid: row.paid === 1,
    cancelled: row.cancelled === 1,
    version: row.cancelled === 1 ? 2 : 1,
  };
}

export interface PaymentForSync extends LocalPayment {
  chargeId: string;
  version: 1;
}

export function paymentForSync(db: Database, entity: 'receipt' | 'refund', id: string): PaymentForSync | undefined {
  if (entity === 'receipt') {
    const r = sql<
      [string],
      {
        id: string;
        number: string;
        amount_paise: number;
        method: 'cash' | 'upi';
        upi_ref: string | null;
        business_date: string;
        issued_at: string;
        charge_id: string;
      }
    >(db, 'SELECT id, number, amount_paise, method, upi_ref, business_date, issued_at, charge_id FROM receipts WHERE id = ?').get(
      id,
    );
    if (!r) return undefined;
    return {
      id: r.id,
      number: r.number,
      kind: 'receipt',
      amountPaise: r.amount_paise,
      method: r.method,
      upiRef: r.upi_ref,
      businessDate: r.business_date,
      at: r.issued_at,
      receiptNumber: null,
      reason: null,
      chargeId: r.charge_id,
      version: 1,
    };
  }
  const f = sql<
    [string],
    {
      id: string;
      number: string;
      kind: 'refund' | 'cancellation';
      amount_paise: number;
      method: 'cash' | 'upi';
      business_date: string;
      created_at: string;
      reason: string;
      receipt_number: string;
      charge_id: string;
    }
  >(
    db,
    `SELECT f.id, f.number, f.kind, f.amount_paise, f.method, f.business_date, f.created_at, f.reason,
       r.number AS receipt_number, r.charge_id
     FROM refunds f JOIN receipts r ON r.id = f.receipt_id WHERE f.id = ?`,
  ).get(id);
  if (!f) return undefined;
  return {
    id: f.id,
    number: f.number,
    kind: f.kind,
    amountPaise: f.amount_paise,
    method: f.method,
    upiRef: null,
    businessDate: f.business_date,
    at: f.created_at,
    receiptNumber: f.receipt_number,
    reason: f.reason,
    chargeId: f.charge_id,
    version: 1,
  };
}

/** The local version of any synced record (the review list's "send this counter's version"). */
export function moneyVersion(db: Database, entity: 'charge' | 'receipt' | 'refund', id: string): number {
  return entity === 'charge' ? (chargeForSync(db, id)?.version ?? 1) : 1;
}
