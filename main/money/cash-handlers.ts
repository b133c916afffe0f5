// cash.* — a clerk's shift at the drawer: open (with a float), close with the
// count by denomination (expected against counted, printed), a supervisor's
// sign-off, and the day book. A closed shift is never closed again.
import { countedPaise } from '../../preload/contract/methods/cash-schemas';
import type { DayBook } from '../../preload/contract/methods/cash-schemas';
import { appendAudit } from '../audit/audit-log';
import { AppError, conflict, notFound } from '../core/app-error';
import { inr } from '../../preload/contract/money';
import { nowIso, today, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { issuingIdentity } from '../config/counter-identity';
import { insertJob, publicJob } from '../printing/print-queue';
import { requireSlipPrinter } from '../printing/extra-jobs';
import { readPrinterSettings } from '../printing/printer-settings';
import { closeShiftRow, insertShift, openShiftOf, shiftById, shiftsOn, signOffRow } from './cash-store';

interface BookRow {
  kind: 'receipt' | 'refund' | 'cancellation';
  number: string;
  at: string;
  clerk: string;
  token_label: string;
  department_code: string;
  category: string;
  method: 'cash' | 'upi';
  amount_paise: number;
  shift_id: string | null;
  receipt_id: string;
}

export function cashHandlers(ctx: CoreContext): HandlerMap {
  const { db } = ctx;

  function requireShift(id: string) {
    const shift = shiftById(db, id);
    if (!shift) throw notFound('cash shift', 'shiftId');
    return shift;
  }

  function queueClosing(shiftId: string, actor: string, at: string, duplicate: boolean) {
    return insertJob(db, { kind: 'cash', tokenId: null, duplicate, actor, at, payload: { kind: 'cash', shiftId } });
  }

  return {
    'cash.current': (_input, call) => openShiftOf(db, call.actor) ?? null,

    'cash.openShift': ({ floatPaise }, call) =>
      writeTransaction(db, () => {
        const open = openShiftOf(db, call.actor);
        if (open)
          throw conflict(`you already have a shift open since ${open.openedAt}; close it first`, 'floatPaise', { shift: open });
        const at = nowIso(ctx);
        const id = insertShift(db, {
          clerk: call.actor,
          counterLetter: issuingIdentity(ctx.identity).counterLetter,
          businessDate: today(ctx),
          at,
          floatPaise,
        });
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'cash.open',
          entity: 'cash_shift',
          entityId: id,
          detail: { float: floatPaise },
        });
        return shiftById(db, id)!;
      }),

    'cash.closeShift': ({ shiftId, counts, note }, call) =>
      writeTransaction(db, () => {
        const shift = requireShift(shiftId);
        if (shift.status !== 'open') throw conflict(`shiftId: this shift was closed at ${shift.closedAt}`, 'shiftId');
        if (shift.clerk !== call.actor)
          throw conflict(`shiftId: this is ${shift.clerk}'s shift; each clerk closes their own`, 'shiftId');
        const at = nowIso(ctx);
        const counted = countedPaise(counts);
        // Money over or short is the supervisor's question the next morning: the clerk says why now.
        if (counted !== shift.expectedPaise && !note) throw differenceNeedsNote(counted - shift.expectedPaise);
        closeShiftRow(db, shiftId, { at, counts, countedPaise: counted, expectedPaise: shift.expectedPaise, note: note ?? null });
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'cash.close',
          entity: 'cash_shift',
          entityId: shiftId,
          detail: { expected: shift.expectedPaise, counted, difference: counted - shift.expectedPaise },
        });
        if (readPrinterSettings(db).interface !== null) queueClosing(shiftId, call.actor, at, false);
        return shiftById(db, shiftId)!;
      }),

    'cash.signOff': ({ shiftId, note }, call) =>
      writeTransaction(db, () => {
        const shift = requireShift(shiftId);
        if (shift.status === 'open') throw conflict('shiftId: the clerk has not closed this shift yet', 'shiftId');
        if (shift.status === 'signed_off')
          throw conflict(`shiftId: ${shift.signedOffBy} signed this shift off already`, 'shiftId');
        const at = nowIso(ctx);
        signOffRow(db, shiftId, { by: call.actor, at, note: note ?? null });
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'cash.signOff',
          entity: 'cash_shift',
          entityId: shiftId,
          detail: { clerk: shift.clerk, difference: shift.differencePaise },
        });
        return shiftById(db, shiftId)!;
      }),

    'cash.shifts': ({ date }) => shiftsOn(db, date ?? today(ctx)),

    'cash.dayBook': ({ date, clerk }) => {
      const day = date ?? today(ctx);
      const rows = sql<{ day: string; clerk: string | null }, BookRow>(
        db,
        `SELECT 'receipt' AS kind, r.number, r.issued_at AS at, r.clerk, t.label AS token_label, c.department_code, c.category,
            r.method, r.amount_paise, r.shift_id, r.id AS receipt_id
         FROM receipts r JOIN tokens t ON t.id = r.token_id JOIN token_charges c ON c.id = r.charge_id
         WHERE r.business_date = @day AND (@clerk IS NULL OR r.clerk = @clerk)
         UNION ALL
         SELECT f.kind, f.number, f.created_at, f.clerk, t.label, c.department_code, c.category, f.method, -f.amount_paise, f.shift_id, r.id
         FROM refunds f JOIN receipts r ON r.id = f.receipt_id JOIN tokens t ON t.id = r.token_id
           JOIN token_charges c ON c.id = r.charge_id
         WHERE f.business_date = @day AND (@clerk IS NULL OR f.clerk = @clerk)
         ORDER BY 3, 2`,
      ).all({ day, clerk: clerk ?? null });
      const totals = new Map<string, DayBook['totals'][number]>();
      for (const row of rows) {
        const key = `${row.clerk}|${row.method}`;
        const t = totals.get(key) ?? { clerk: row.clerk, method: row.method, inPaise: 0, outPaise: 0, netPaise: 0 };
        if (row.amount_paise >= 0) t.inPaise += row.amount_paise;
        else t.outPaise -= row.amount_paise;
        t.netPaise += row.amount_paise;
        totals.set(key, t);
      }
      return {
        date: day,
        counterLetter: ctx.identity.counterLetter ?? '',
        lines: rows.map((r) => ({
          kind: r.kind,
          number: r.number,
          at: r.at,
          clerk: r.clerk,
          tokenLabel: r.token_label,
          departmentCode: r.department_code,
          category: r.category,
          method: r.method,
          amountPaise: r.amount_paise,
          shiftId: r.shift_id,
          receiptId: r.receipt_id,
        })),
        totals: [...totals.values()].sort((a, b) => a.clerk.localeCompare(b.clerk) || a.method.localeCompare(b.method)),
      };
    },

    'cash.reprintClosing': ({ shiftId }, call) => {
      requireSlipPrinter(db);
      return writeTransaction(db, () => {
        const shift = requireShift(shiftId);
        if (shift.status === 'open') throw conflict('shiftId: an open shift has no closing to print', 'shiftId');
        const at = nowIso(ctx);
        const job = queueClosing(shiftId, call.actor, at, true);
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'cash.reprint',
          entity: 'cash_shift',
          entityId: shiftId,
          detail: { job: job.id },
        });
        return publicJob(job);
      });
    },
  };
}

function differenceNeedsNote(differencePaise: number): AppError {
  const message = `a count ${differencePaise < 0 ? 'short' : 'over'} by ${inr(Math.abs(differencePaise))} needs a note`;
  const params = { amount: inr(Math.abs(differencePaise)) };
  const reason = differencePaise < 0 ? 'cash_short_note' : 'cash_over_note';
  return new AppError('VALIDATION_FAILED', `note: ${message}`, {
    field: 'note',
    reason,
    params,
    issues: [{ field: 'note', message, reason, params }],
  });
}
