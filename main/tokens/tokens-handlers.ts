// tokens.* — issue, cancel, transfer and list OPD tokens. A token is committed
// durably (synchronous=FULL) before the call returns, so what the clerk hands
// over survives a power cut.
import { randomUUID } from 'node:crypto';
import { CANCELLABLE_STATUSES } from '../../preload/contract/queue-rule';
import type { Token } from '../../preload/contract/records';
import { appendAudit } from '../audit/audit-log';
import { AppError, conflict, notFound } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import type { CoreEvents } from '../core/core-events';
import { enqueueOutbox } from '../core/outbox';
import { stampNow } from '../clock/clock-watermark';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { departmentByCode } from '../departments/department-store';
import { patientById } from '../patients/patient-store';
import { enqueueTokenSlip } from '../printing/print-queue';
import { activeTokenFor, closeToken, insertToken, listTokens, mlcTokens, nextTokenNumber, tokenById } from './token-store';
import { emitQueueChanged } from '../queue/queue-events';
import { insertMove, leastBusyRoom } from '../queue/queue-store';
import { recordMlc } from './mlc';
import { requireNotMerged } from '../patients/merge-store';
import { patientByPk } from '../patients/patient-store';
import { toSummary } from '../patients/patient-rows';
import { sql } from '../db/statements';
import { issuingIdentity } from '../config/counter-identity';
import type { MethodParsedInput } from '../../preload/contract/methods';
import type { CallContext } from '../core/registry';
import { checkCollection, feeForToken, priceVisit, recordCharge, recordTransferCharge, type Elsewhere } from '../money/charges';
import type { TicketsElsewhere } from '../money/tickets-elsewhere';
import { visitTypeFor } from './visit-type';

/** `elsewhere`: the hospital's other counters, asked for a ticket bought there (none: this counter alone). */
export function tokensHandlers(ctx: CoreContext, events: CoreEvents, elsewhere?: TicketsElsewhere): HandlerMap {
  const { db } = ctx;
  const letter = () => issuingIdentity(ctx.identity).counterLetter;

  function requireActiveDepartment(code: string) {
    const department = departmentByCode(db, code);
    if (!department) throw notFound(`department ${code}`, 'departmentCode');
    if (!department.active) throw conflict(`departmentCode: ${department.nameEn} is not taking patients`, 'departmentCode');
    return department;
  }

  /** Cancel and transfer: while the patient waits, is called or set aside; not once the doctor is seeing them. */
  function requireCancellable(tokenId: string) {
    const token = tokenById(db, tokenId);
    if (!token) throw notFound('token', 'tokenId');
    if (!CANCELLABLE_STATUSES.includes(token.status)) {
      const state = token.status.replace(/_/g, ' ');
      throw conflict(`token ${token.label} is ${token.status === 'in_consultation' ? '' : 'already '}${state}`, 'tokenId');
    }
    return token;
  }

  /** The cancel or transfer in the token's history (Encounter.statusHistory), beside the change itself. */
  function recordClose(token: Token, move: 'cancel' | 'transfer', actor: string, at: string) {
    insertMove(db, {
      id: randomUUID(),
      token,
      move,
      fromStatus: token.status,
      toStatus: move === 'cancel' ? 'cancelled' : 'transferred',
      room: null,
      actor,
      at,
      version: token.version + 1,
    });
  }

  function issue(
    fields: {
      id: string;
      patientPk: number;
      departmentCode: string;
      priority: string;
      visitType: string;
      feeCategory: string;
      transferredFromId: string | null;
    },
    visitDate: string,
    at: string,
  ): Token {
    const number = nextTokenNumber(db, fields.departmentCode, visitDate, letter());
    const department = departmentByCode(db, fields.departmentCode)!;
    // Per-room queues: the token waits for the room with the shortest queue, and its slip says so.
    const assignedRoom =
      department.queueRule.rooms === 'per_room' ? leastBusyRoom(db, visitDate, department.code, department.rooms) : null;
    insertToken(db, { ...fields, visitDate, counterLetter: letter(), number, issuedAt: at, assignedRoom });
    enqueueOutbox(db, { entity: 'token', entityId: fields.id, operation: 'create', version: 1, at });
    return tokenById(db, fields.id)!;
  }

  function issueToken(input: MethodParsedInput<'tokens.issue'>, call: CallContext, found: Elsewhere | undefined) {
    const visitDate = today(ctx);
    const id = input.id ?? randomUUID();
    const answer = writeTransaction(db, () => {
      const again = tokenById(db, id);
      if (again) {
        // A retried call gets the same token back; an id reused for another visit is a mistake (or a probe).
        if (again.patientId !== input.patientId || again.departmentCode !== input.departmentCode) {
          throw new AppError('CONFLICT', 'this id belongs to another token', { field: 'id' });
        }
        return { token: { ...again, fee: feeForToken(db, id) ?? undefined }, fresh: false };
      }
      const patient = patientById(db, input.patientId);
      if (!patient) throw notFound('patient', 'patientId');
      requireNotMerged(db, patient, 'patientId');
      requireActiveDepartment(input.departmentCode);
      const open = activeTokenFor(db, patient.pk, input.departmentCode, visitDate);
      if (open) {
        throw new AppError('CONFLICT', `this patient already has token ${open.label} in ${input.departmentCode} today`, {
          field: 'departmentCode',
          details: { token: open },
        });
      }
      // The fee is priced and checked before the token is written: a refused fee uses no number.
      const price = priceVisit(db, {
        ...input,
        patientPk: patient.pk,
        category: input.feeCategory,
        visitDate,
        elsewhere: found,
      });
      const collection = { proof: input.exemptionProof, payment: input.payment };
      checkCollection(db, price, collection);
      // Never dated before a token already issued: a clock set back is refused here (CLOCK_BEHIND).
      const at = stampNow(ctx, visitDate);
      const { mlc, ...fields } = input;
      let token = issue(
        { ...fields, visitType: price.visitType, id, patientPk: patient.pk, transferredFromId: null },
        visitDate,
        at,
      );
      appendAudit(db, {
        at,
        actor: call.actor,
        action: 'token.issue',
        entity: 'token',
        entityId: id,
        detail: { label: token.label, department: token.departmentCode },
      });
      if (mlc) {
        recordMlc(db, id, mlc, call.actor, ctx.clock.now());
        token = tokenById(db, id)!;
      }
      // The slip's print job commits with the token; the worker prints after the commit (never awaited here).
      enqueueTokenSlip(db, { tokenId: id, actor: call.actor, at });
      const fee = recordCharge(db, { token, patientPk: patient.pk, price, ...collection, actor: call.actor, at });
      return { token: { ...token, fee }, fresh: true };
    });
    if (answer.fresh) emitQueueChanged(events, answer.token, 'issue', answer.token.issuedAt);
    return answer.token;
  }

  return {
    'tokens.issue': (input, call) => {
      // The other counters are asked before the transaction (never inside it); alone, the token is issued at once.
      const asking = elsewhere?.ask(input.patientId, input.departmentCode, today(ctx));
      return asking ? asking.then((found) => issueToken(input, call, found)) : issueToken(input, call, undefined);
    },

    'tokens.cancel': ({ tokenId, reason }, call) => {
      const cancelled = writeTransaction(db, () => {
        const token = requireCancellable(tokenId);
        const at = nowIso(ctx);
        closeToken(db, tokenId, { status: 'cancelled', at, reason, transferredToId: null });
        recordClose(token, 'cancel', call.actor, at);
        enqueueOutbox(db, { entity: 'token', entityId: tokenId, operation: 'update', version: token.version + 1, at });
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'token.cancel',
          entity: 'token',
          entityId: tokenId,
          detail: { label: token.label, reason },
        });
        return tokenById(db, tokenId)!;
      });
      emitQueueChanged(events, cancelled, 'cancel', cancelled.cancelledAt ?? nowIso(ctx));
      return cancelled;
    },

    'tokens.transfer': ({ tokenId, departmentCode, reason }, call) => {
      const moved = writeTransaction(db, () => {
        const from = requireCancellable(tokenId);
        if (from.departmentCode === departmentCode)
          throw conflict(`departmentCode: the token is already in ${departmentCode}`, 'departmentCode');
        requireActiveDepartment(departmentCode);
        const patient = patientById(db, from.patientId)!;
        const at = stampNow(ctx, today(ctx));
        const id = randomUUID();
        // The new token is numbered in its new department on the day of the original visit,
        // and is a new visit there unless the patient was seen there before.
        const visitType = visitTypeFor(db, { patientPk: patient.pk, departmentCode, visitDate: from.visitDate });
        const to = issue(
          { ...from, id, departmentCode, visitType, patientPk: patient.pk, transferredFromId: tokenId },
          from.visitDate,
          at,
        );
        closeToken(db, tokenId, { status: 'transferred', at, reason: reason ?? null, transferredToId: id });
        recordTransferCharge(db, tokenId, to, patient.pk, call.actor, at);
        recordClose(from, 'transfer', call.actor, at);
        enqueueTokenSlip(db, { tokenId: id, actor: call.actor, at });
        enqueueOutbox(db, { entity: 'token', entityId: tokenId, operation: 'update', version: from.version + 1, at });
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'token.transfer',
          entity: 'token',
          entityId: tokenId,
          detail: { from: from.label, to: to.label, department: departmentCode, reason: reason ?? null },
        });
        return { from: tokenById(db, tokenId)!, to };
      });
      emitQueueChanged(events, moved.from, 'transfer', moved.to.issuedAt);
      emitQueueChanged(events, moved.to, 'issue', moved.to.issuedAt);
      return moved;
    },

    'tokens.list': ({ date, departmentCode, patientId }) =>
      listTokens(db, { date: date ?? today(ctx), departmentCode, patientId }),

    'tokens.setMlc': ({ tokenId, mlc }, call) =>
      writeTransaction(db, () => {
        if (!tokenById(db, tokenId)) throw notFound('token', 'tokenId');
        recordMlc(db, tokenId, mlc, call.actor, ctx.clock.now());
        return tokenById(db, tokenId)!;
      }),

    'tokens.mlcList': ({ from, to }) => {
      if (from > to) throw new AppError('VALIDATION_FAILED', 'to: is before from', { field: 'to' });
      const day = today(ctx);
      const patientPkOf = sql<[string], { patient_pk: number }>(db, 'SELECT patient_pk FROM tokens WHERE id = ?');
      return mlcTokens(db, from, to).map((token) => ({
        token,
        patient: toSummary(patientByPk(db, patientPkOf.get(token.id)!.patient_pk)!, day),
      }));
    },
  };
}
