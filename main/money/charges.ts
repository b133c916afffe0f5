// A token's fee (docs/design.md §11): priced by the schedule and the patient's
// OPD ticket, waived by an exemption with its proof, collected with a receipt
// numbered per counter and financial year — all in the token's own
// transaction (tokens.issue calls priceVisit before the token is written and
// recordCharge after, so a refused fee leaves no token and no number used).
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ExemptionProof, FeeBasis, PaymentMethod, TokenFee } from '../../preload/contract/methods/fee-schemas';
import { inr } from '../../preload/contract/money';
import type { Token } from '../../preload/contract/records';
import { appendAudit } from '../audit/audit-log';
import { AppError } from '../core/app-error';
import { enqueueOutbox } from '../core/outbox';
import { sql } from '../db/statements';
import { insertJob } from '../printing/print-queue';
import { readPrinterSettings } from '../printing/printer-settings';
import { visitTypeFor } from '../tokens/visit-type';
import { insertShift, openShiftId } from './cash-store';
import { categoryNames, exemptionByCode, readFeeSettings, scheduleFor } from './fee-store';
import { addDays, fiscalYear, receiptNumber } from './fiscal-year';
import { receiptView } from './receipt-store';

export interface PriceInput {
  patientPk: number;
  departmentCode: string;
  visitType: 'new' | 'follow_up';
  category: string;
  visitDate: string;
  /** What the hospital's other counters know of this patient here (tickets-elsewhere.ts), if they were asked. */
  elsewhere?: Elsewhere | undefined;
}

/** The other counters' answers: the best ticket among them, whether one saw the patient before, who did not answer. */
export interface Elsewhere {
  ticket: Ticket | null;
  seenBefore: boolean;
  notSeen: string[];
}

export interface Ticket {
  chargeId: string;
  label: string;
  visitDate: string;
  validUntil: string;
}

export interface Price {
  basis: FeeBasis;
  visitType: 'new' | 'follow_up';
  category: string;
  scheduledPaise: number;
  waivedPaise: number;
  duePaise: number;
  proofRequired: boolean;
  validUntil: string | null;
  ticket: Ticket | null;
  /** Paired counters that did not answer: their tickets were not seen. */
  ticketsNotSeen: string[];
}

/**
 * The OPD ticket that covers a visit: a new or revisit fee (or a transfer of
 * one) in this department whose validity has not run out, not cancelled.
 */
export function validTicket(db: Database, patientPk: number, departmentCode: string, day: string): Ticket | null {
  const row = sql<[number, string, string, string], { id: string; label: string; visit_date: string; valid_until: string }>(
    db,
    `SELECT c.id, t.label, c.visit_date, c.valid_until FROM token_charges c JOIN tokens t ON t.id = c.token_id
     WHERE c.patient_pk = ? AND c.department_code = ? AND c.basis IN ('new', 'revisit', 'transfer')
       AND c.valid_until IS NOT NULL AND c.valid_until >= ? AND c.visit_date <= ?
       AND NOT EXISTS (SELECT 1 FROM receipts r JOIN refunds f ON f.receipt_id = r.id
                       WHERE r.charge_id = c.id AND f.kind = 'cancellation')
     ORDER BY c.valid_until DESC LIMIT 1`,
  ).get(patientPk, departmentCode, day, day);
  return row ? { chargeId: row.id, label: row.label, visitDate: row.visit_date, validUntil: row.valid_until } : null;
}

/** What this visit costs and why. Throws VALIDATION_FAILED for an unknown or withdrawn exemption. */
export function priceVisit(db: Database, input: PriceInput): Price {
  const schedule = scheduleFor(db, input.departmentCode);
  const exemption = input.category === 'general' ? null : exemptionByCode(db, input.category);
  if (input.category !== 'general' && (!exemption || !exemption.active)) {
    throw new AppError('VALIDATION_FAILED', `feeCategory: ${input.category} is not an exemption this hospital offers`, {
      field: 'feeCategory',
      reason: 'exemption_unknown',
    });
  }
  // A ticket bought at another counter of the hospital is as good as one bought here.
  const ticket =
    schedule.validityDays > 0
      ? (validTicket(db, input.patientPk, input.departmentCode, input.visitDate) ?? input.elsewhere?.ticket ?? null)
      : null;
  let basis: FeeBasis;
  let scheduledPaise: number;
  let validUntil: string | null;
  if (ticket) {
    basis = 'follow_up';
    scheduledPaise = schedule.followUpPaise;
    validUntil = ticket.validUntil;
  } else {
    // Seen before in this department, here or (by the peers' answer) at another counter of the hospital.
    const again = visitTypeFor(db, { ...input, chosen: input.visitType }) === 'follow_up' || input.elsewhere?.seenBefore === true;
    basis = again ? 'revisit' : 'new';
    scheduledPaise = again ? schedule.revisitPaise : schedule.newPaise;
    // The day of issue is the first of the N days.
    validUntil = schedule.validityDays > 0 ? addDays(input.visitDate, schedule.validityDays - 1) : null;
  }
  const waivedPaise = exemption ? scheduledPaise : 0;
  return {
    basis,
    // Within a valid ticket or after it (a revisit) the visit is old whatever was chosen: only a first visit is new.
    visitType: basis === 'new' ? 'new' : 'follow_up',
    category: input.category,
    scheduledPaise,
    waivedPaise,
    duePaise: scheduledPaise - waivedPaise,
    proofRequired: !!exemption?.proofRequired && waivedPaise > 0,
    validUntil,
    ticket,
    ticketsNotSeen: input.elsewhere?.notSeen ?? [],
  };
}

export interface Collection {
  proof: ExemptionProof | undefined;
  payment: { method: PaymentMethod; amountPaise: number; upiRef?: string | undefined } | undefined;
}

/** Refuses a token whose fee is not settled as priced: nothing is written. */
export function checkCollection(db: Database, price: Price, c: Collection): void {
  if (c.proof && price.category === 'general') {
    throw new AppError('VALIDATION_FAILED', 'exemptionProof: a proof goes with an exemption, not with the general category', {
      field: 'exemptionProof',
    });
  }
  if (price.proofRequired && !c.proof) {
    const name = categoryNames(db, price.category).en;
    throw new AppError('VALIDATION_FAILED', `exemptionProof: ${name} waives the fee only with its proof's type and number`, {
      field: 'exemptionProof',
      reason: 'proof_required',
    });
  }
  if (price.duePaise > 0 && !c.payment) {
    throw new AppError('PAYMENT_REQUIRED', `a fee of ${inr(price.duePaise)} is due for this visit`, {
      field: 'payment',
      details: { duePaise: price.duePaise, basis: price.basis },
    });
  }
  if (price.duePaise === 0 && c.payment) {
    throw new AppError('CONFLICT', 'payment: nothing is due for this visit', { field: 'payment', details: { duePaise: 0 } });
  }
  if (c.payment && c.payment.amountPaise !== price.duePaise) {
    throw new AppError(
      'CONFLICT',
      `payment.amountPaise: the fee due is ${inr(price.duePaise)}, not ${inr(c.payment.amountPaise)}`,
      { field: 'payment.amountPaise', details: { duePaise: price.duePaise, basis: price.basis } },
    );
  }
}

/** The clerk's open shift; a fee taken with none open opens one (no float) rather than send the clerk to paper. */
export function shiftFor(db: Database, clerk: string, counterLetter: string, businessDate: string, at: string): string {
  const open = openShiftId(db, clerk);
  if (open) return open;
  const id = insertShift(db, { clerk, counterLetter, businessDate, at, floatPaise: 0 });
  appendAudit(db, {
    at,
    actor: clerk,
    action: 'cash.open',
    entity: 'cash_shift',
    entityId: id,
    detail: { float: 0, auto: true },
  });
  return id;
}

function nextSeq(db: Database, name: string): number {
  return sql<[string], { last_value: number }>(
    db,
    `INSERT INTO sequences (name, last_value) VALUES (?, 1)
     ON CONFLICT (name) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
  ).get(name)!.last_value;
}

/** A number from the counter's sequence for its financial year: receipts and refunds each have their own. */
export function nextMoneyNumber(db: Database, kind: 'receipt' | 'refund', letter: string, businessDate: string) {
  const year = fiscalYear(businessDate);
  const seq = nextSeq(db, `${kind}:${letter}:${year}`);
  return { year, seq };
}

interface ChargeInsert {
  token: Token;
  patientPk: number;
  price: Price;
  proof: ExemptionProof | undefined;
  basis?: FeeBasis;
  actor: string;
  at: string;
}

function insertCharge(db: Database, c: ChargeInsert): string {
  const id = randomUUID();
  sql(
    db,
    `INSERT INTO token_charges (id, token_id, patient_pk, department_code, visit_date, counter_letter, basis, category,
       scheduled_paise, waived_paise, due_paise, proof_type, proof_number, valid_until, ticket_id, clerk, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    c.token.id,
    c.patientPk,
    c.token.departmentCode,
    c.token.visitDate,
    c.token.counterLetter,
    c.basis ?? c.price.basis,
    c.price.category,
    c.price.scheduledPaise,
    c.price.waivedPaise,
    c.price.duePaise,
    c.proof?.type ?? null,
    c.proof?.number ?? null,
    c.price.validUntil,
    c.price.ticket?.chargeId ?? null,
    c.actor,
    c.at,
  );
  // A fee that was asked (collected or waived) goes to the HIMS; a free visit adds nothing there.
  if (c.price.scheduledPaise > 0)
    enqueueOutbox(db, { entity: 'charge', entityId: id, operation: 'create', version: 1, at: c.at });
  return id;
}

/**
 * The fee record of a just-issued token, its receipt and the receipt's slip.
 * Call inside the token's transaction, after priceVisit and checkCollection.
 */
export function recordCharge(db: Database, c: ChargeInsert & Collection): TokenFee {
  const chargeId = insertCharge(db, c);
  if (c.payment) {
    const letter = c.token.counterLetter;
    const { year, seq } = nextMoneyNumber(db, 'receipt', letter, c.token.visitDate);
    const id = randomUUID();
    const number = receiptNumber(letter, year, seq);
    sql(
      db,
      `INSERT INTO receipts (id, number, counter_letter, fiscal_year, seq, charge_id, token_id, amount_paise, method, upi_ref,
         shift_id, clerk, business_date, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      number,
      letter,
      year,
      seq,
      chargeId,
      c.token.id,
      c.payment.amountPaise,
      c.payment.method,
      c.payment.upiRef ?? null,
      shiftFor(db, c.actor, letter, c.token.visitDate, c.at),
      c.actor,
      c.token.visitDate,
      c.at,
    );
    enqueueOutbox(db, { entity: 'receipt', entityId: id, operation: 'create', version: 1, at: c.at });
    appendAudit(db, {
      at: c.at,
      actor: c.actor,
      action: 'fee.collect',
      entity: 'receipt',
      entityId: id,
      detail: { number, token: c.token.label, amount: c.payment.amountPaise, method: c.payment.method },
    });
    // Two slips: the receipt follows the token's slip (one slip: it is printed on the token's slip).
    if (readFeeSettings(db).receiptSlips === 'two' && readPrinterSettings(db).interface !== null) {
      insertJob(db, {
        kind: 'receipt',
        tokenId: null,
        duplicate: false,
        actor: c.actor,
        at: c.at,
        payload: { kind: 'receipt', receiptId: id },
      });
    }
  }
  return feeForToken(db, c.token.id)!;
}

/**
 * A transfer keeps the visit's fee: the new token's record says so (nothing
 * due) and carries the ticket's validity into the new department.
 */
export function recordTransferCharge(db: Database, fromTokenId: string, to: Token, patientPk: number, actor: string, at: string) {
  const from = sql<[string], { category: string; valid_until: string | null; id: string }>(
    db,
    'SELECT id, category, valid_until FROM token_charges WHERE token_id = ?',
  ).get(fromTokenId);
  if (!from) return;
  const price: Price = {
    basis: 'transfer',
    visitType: to.visitType,
    category: from.category,
    scheduledPaise: 0,
    waivedPaise: 0,
    duePaise: 0,
    proofRequired: false,
    validUntil: from.valid_until,
    ticket: { chargeId: from.id, label: '', visitDate: to.visitDate, validUntil: from.valid_until ?? '' },
    ticketsNotSeen: [],
  };
  insertCharge(db, { token: to, patientPk, price, proof: undefined, actor, at });
}

interface ChargeRow {
  id: string;
  basis: FeeBasis;
  category: string;
  scheduled_paise: number;
  waived_paise: number;
  due_paise: number;
  proof_type: TokenFee['proofType'];
  proof_number: string | null;
  valid_until: string | null;
  receipt_id: string | null;
}

export function feeForToken(db: Database, tokenId: string): TokenFee | null {
  const row = sql<[string], ChargeRow>(
    db,
    `SELECT c.id, c.basis, c.category, c.scheduled_paise, c.waived_paise, c.due_paise, c.proof_type, c.proof_number,
       c.valid_until, r.id AS receipt_id
     FROM token_charges c LEFT JOIN receipts r ON r.charge_id = c.id WHERE c.token_id = ?`,
  ).get(tokenId);
  if (!row) return null;
  const names = categoryNames(db, row.category);
  return {
    chargeId: row.id,
    basis: row.basis,
    category: row.category,
    categoryNameEn: names.en,
    categoryNameHi: names.hi,
    scheduledPaise: row.scheduled_paise,
    waivedPaise: row.waived_paise,
    duePaise: row.due_paise,
    proofType: row.proof_type,
    proofNumber: row.proof_number,
    validUntil: row.valid_until,
    receipt: row.receipt_id ? receiptView(db, row.receipt_id)! : null,
  };
}
