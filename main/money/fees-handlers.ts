// fees.* — the schedule and exemptions a supervisor keeps, quotes for the
// counter, refunds and cancellations (a supervisor, with a reason, never more
// than was paid), reprints. The fee itself is taken in tokens.issue.
import { randomUUID } from 'node:crypto';
import type { MethodParsedInput } from '../../preload/contract/methods';
import type { FeeQuote } from '../../preload/contract/methods/fee-schemas';
import { inr } from '../../preload/contract/money';
import { appendAudit } from '../audit/audit-log';
import { AppError, conflict, notFound } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import { enqueueOutbox } from '../core/outbox';
import type { HandlerMap } from '../core/registry';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { departmentByCode } from '../departments/department-store';
import { patientById } from '../patients/patient-store';
import { formatUhid } from '../patients/uhid';
import { insertJob, publicJob } from '../printing/print-queue';
import { requireSlipPrinter } from '../printing/extra-jobs';
import { readPrinterSettings } from '../printing/printer-settings';
import { openShiftOf, shiftById } from './cash-store';
import { feeForToken, nextMoneyNumber, priceVisit, type Elsewhere } from './charges';
import { readFeeSettings, removeSchedule, writeExemption, writeFeeSettings, writeSchedule } from './fee-store';
import { refundNumber } from './fiscal-year';
import { receiptRecord, refundById, refundsOfToken } from './receipt-store';
import type { TicketsElsewhere } from './tickets-elsewhere';
import { qrSvg, upiUri } from './upi';

/** `elsewhere`: the hospital's other counters, asked for a ticket bought there (none: this counter alone). */
export function feesHandlers(ctx: CoreContext, elsewhere?: TicketsElsewhere): HandlerMap {
  const { db } = ctx;

  function quote(input: MethodParsedInput<'fees.quote'>, found?: Elsewhere): FeeQuote & { uhid: string } {
    const patient = patientById(db, input.patientId);
    if (!patient) throw notFound('patient', 'patientId');
    if (!departmentByCode(db, input.departmentCode)) throw notFound(`department ${input.departmentCode}`, 'departmentCode');
    const price = priceVisit(db, {
      patientPk: patient.pk,
      departmentCode: input.departmentCode,
      visitType: input.visitType,
      category: input.feeCategory,
      visitDate: today(ctx),
      elsewhere: found,
    });
    const settings = readFeeSettings(db);
    let upi: FeeQuote['upi'] = null;
    if (price.duePaise > 0 && settings.upiVpa) {
      const uri = upiUri({
        vpa: settings.upiVpa,
        payeeName: settings.upiPayeeName ?? ctx.identity.hospitalName,
        amountPaise: price.duePaise,
        note: `OPD fee ${input.departmentCode} ${formatUhid(patient.uhid)}`,
        ref: input.tokenId,
      });
      upi = { uri, qrSvg: qrSvg(uri) };
    }
    const ticket = price.ticket && {
      label: price.ticket.label,
      visitDate: price.ticket.visitDate,
      validUntil: price.ticket.validUntil,
    };
    return { ...price, ticket, upi, uhid: formatUhid(patient.uhid) };
  }

  /** The quote, once the other counters say what tickets they hold (at once when there is nobody to ask). */
  function priced<T>(input: MethodParsedInput<'fees.quote'>, then: (q: FeeQuote & { uhid: string }) => T): T | Promise<T> {
    const asking = elsewhere?.ask(input.patientId, input.departmentCode, today(ctx));
    return asking ? asking.then((found) => then(quote(input, found))) : then(quote(input));
  }

  function printUpiRequest(q: FeeQuote & { uhid: string }, departmentCode: string, actor: string) {
    if (q.duePaise === 0) throw conflict('nothing is due for this visit', 'departmentCode');
    if (!q.upi) throw conflict('upiVpa: the hospital’s UPI address is not set (Fees settings)', 'upiVpa');
    return writeTransaction(db, () =>
      publicJob(
        insertJob(db, {
          kind: 'upi',
          tokenId: null,
          duplicate: false,
          actor,
          at: nowIso(ctx),
          payload: {
            kind: 'upi',
            uri: q.upi!.uri,
            amountPaise: q.duePaise,
            departmentCode,
            uhid: q.uhid,
          },
        }),
      ),
    );
  }

  function audit(actor: string, action: 'fee.settings' | 'fee.schedule' | 'fee.exemption', id: string, detail: object) {
    appendAudit(db, { at: nowIso(ctx), actor, action, entity: 'fees', entityId: id, detail: { ...detail } });
  }

  return {
    'fees.settings': () => readFeeSettings(db),

    'fees.saveSettings': (input, call) =>
      writeTransaction(db, () => {
        writeFeeSettings(db, input, nowIso(ctx));
        audit(call.actor, 'fee.settings', 'settings', input);
        return readFeeSettings(db);
      }),

    'fees.saveSchedule': ({ useDefault, ...row }, call) =>
      writeTransaction(db, () => {
        if (row.departmentCode !== '*' && !departmentByCode(db, row.departmentCode))
          throw notFound(`department ${row.departmentCode}`, 'departmentCode');
        if (useDefault) {
          if (row.departmentCode === '*')
            throw conflict('departmentCode: the default row is every department’s default', 'departmentCode');
          removeSchedule(db, row.departmentCode);
        } else {
          writeSchedule(db, row, nowIso(ctx));
        }
        audit(call.actor, 'fee.schedule', row.departmentCode, { ...row, useDefault });
        return readFeeSettings(db);
      }),

    'fees.saveExemption': (input, call) =>
      writeTransaction(db, () => {
        const sortOrder =
          input.sortOrder ??
          sql<[string], { s: number }>(
            db,
            'SELECT coalesce((SELECT sort_order FROM fee_exemptions WHERE code = ?), (SELECT coalesce(max(sort_order), 0) + 10 FROM fee_exemptions)) AS s',
          ).get(input.code)!.s;
        writeExemption(db, { ...input, sortOrder }, nowIso(ctx));
        audit(call.actor, 'fee.exemption', input.code, { proofRequired: input.proofRequired, active: input.active });
        return readFeeSettings(db);
      }),

    'fees.quote': (input) => priced(input, ({ uhid: _uhid, ...answer }) => answer),

    'fees.forToken': ({ tokenId }) => {
      if (!sql<[string], { x: number }>(db, 'SELECT 1 AS x FROM tokens WHERE id = ?').get(tokenId))
        throw notFound('token', 'tokenId');
      return { fee: feeForToken(db, tokenId), refunds: refundsOfToken(db, tokenId) };
    },

    'fees.refund': (input, call) =>
      writeTransaction(db, () => {
        const again = input.id ? refundById(db, input.id) : undefined;
        if (again) {
          if (again.receiptId !== input.receiptId)
            throw new AppError('CONFLICT', 'this id belongs to another refund', { field: 'id' });
          return again;
        }
        const receipt = receiptRecord(db, input.receiptId);
        if (!receipt) throw notFound('receipt', 'receiptId');
        const left = receipt.amountPaise - receipt.refundedPaise;
        if (receipt.cancelled || left <= 0)
          throw conflict(`receiptId: everything paid on ${receipt.number} was given back already`, 'receiptId');
        let amount: number;
        if (input.kind === 'cancellation') {
          if (input.amountPaise !== undefined && input.amountPaise !== left)
            throw new AppError('VALIDATION_FAILED', `amountPaise: a cancellation gives back all that is left, ${inr(left)}`, {
              field: 'amountPaise',
            });
          amount = left;
        } else {
          if (input.amountPaise === undefined || input.amountPaise === 0)
            throw new AppError('VALIDATION_FAILED', 'amountPaise: a refund needs an amount', { field: 'amountPaise' });
          if (input.amountPaise > left)
            throw new AppError(
              'VALIDATION_FAILED',
              `amountPaise: a refund cannot exceed what was paid and not yet given back (${inr(left)} on ${receipt.number})`,
              { field: 'amountPaise', details: { leftPaise: left } },
            );
          amount = input.amountPaise;
        }
        const at = nowIso(ctx);
        const day = today(ctx);
        // Cash comes out of a drawer: the receipt's shift while it is open, else the supervisor's own; else none.
        const receiptShift = shiftById(db, receipt.shiftId);
        const shift =
          input.method === 'cash' ? (receiptShift?.status === 'open' ? receiptShift : openShiftOf(db, call.actor)) : undefined;
        const { year, seq } = nextMoneyNumber(db, 'refund', receipt.counterLetter, day);
        const id = input.id ?? randomUUID();
        const number = refundNumber(receipt.counterLetter, year, seq);
        sql(
          db,
          `INSERT INTO refunds (id, number, receipt_id, kind, amount_paise, method, reason, approved_by, shift_id, clerk,
             business_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          number,
          receipt.id,
          input.kind,
          amount,
          input.method,
          input.reason,
          call.actor,
          shift?.id ?? null,
          shift?.clerk ?? call.actor,
          day,
          at,
        );
        enqueueOutbox(db, { entity: 'refund', entityId: id, operation: 'create', version: 1, at });
        // A cancelled fee's ChargeItem is withdrawn at the HIMS (its status changes: version 2).
        if (input.kind === 'cancellation')
          enqueueOutbox(db, { entity: 'charge', entityId: receipt.chargeId, operation: 'update', version: 2, at });
        appendAudit(db, {
          at,
          actor: call.actor,
          action: input.kind === 'cancellation' ? 'fee.cancel' : 'fee.refund',
          entity: 'refund',
          entityId: id,
          detail: { number, receipt: receipt.number, amount, method: input.method, reason: input.reason },
        });
        if (readPrinterSettings(db).interface !== null) {
          insertJob(db, {
            kind: 'receipt',
            tokenId: null,
            duplicate: false,
            actor: call.actor,
            at,
            payload: { kind: 'refund', refundId: id },
          });
        }
        return refundById(db, id)!;
      }),

    'fees.reprintReceipt': ({ receiptId }, call) => {
      requireSlipPrinter(db);
      return writeTransaction(db, () => {
        const receipt = receiptRecord(db, receiptId);
        if (!receipt) throw notFound('receipt', 'receiptId');
        const at = nowIso(ctx);
        const job = insertJob(db, {
          kind: 'receipt',
          tokenId: null,
          duplicate: true,
          actor: call.actor,
          at,
          payload: { kind: 'receipt', receiptId },
        });
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'receipt.reprint',
          entity: 'receipt',
          entityId: receiptId,
          detail: { number: receipt.number, job: job.id },
        });
        return publicJob(job);
      });
    },

    'fees.printUpiRequest': (input, call) => {
      requireSlipPrinter(db);
      return priced(input, (q) => printUpiRequest(q, input.departmentCode, call.actor));
    },
  };
}
