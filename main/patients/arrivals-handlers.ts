// patients.registerEmergency and patients.registerNewborn
// (preload/contract/methods/arrival-methods.ts): the patients who cannot fill
// the registration form themselves.
import { randomUUID } from 'node:crypto';
import type { EmergencyInput, NewbornInput } from '../../preload/contract/methods/arrival-schemas';
import { appendAudit } from '../audit/audit-log';
import { AppError, conflict, notFound } from '../core/app-error';
import { estimateDateOfBirth } from '../core/clock';
import { today, type CoreContext } from '../core/core-context';
import { localDateTime, zonedInstant } from '../core/zoned-time';
import { enqueueOutbox } from '../core/outbox';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { departmentByCode } from '../departments/department-store';
import { enqueueTokenSlip } from '../printing/print-queue';
import { recordMlc } from '../tokens/mlc';
import { activeTokenFor, insertToken, nextTokenNumber, tokenById, tokenLabel } from '../tokens/token-store';
import { requireNotMerged } from './merge-store';
import { toPatient } from './patient-rows';
import { insertPatient, patientById } from './patient-store';
import { nextUhid } from './uhid';
import { issuingIdentity } from '../config/counter-identity';
import { stampNow } from '../clock/clock-watermark';
import type { CoreEvents } from '../core/core-events';
import { newbornNames, unknownPatientNames, type TemporaryGender } from '../../preload/contract/temporary-names';
import { emitQueueChanged } from '../queue/queue-events';
import { leastBusyRoom } from '../queue/queue-store';

/** The department an unknown patient's token is issued in (added by migration 0120). */
export const CASUALTY = 'CAS';

/** The unknown patient's names in both scripts, dated in the hospital's time zone. */
export function temporaryNames(gender: TemporaryGender, ageYears: number, at: Date, timeZone: string, label: string) {
  return unknownPatientNames(gender, ageYears, localDateTime(at, timeZone), label);
}

function fieldError(field: string, message: string, code = 'custom'): AppError {
  return new AppError('VALIDATION_FAILED', `${field}: ${message}`, { field, issues: [{ field, message, code }] });
}

export function arrivalsHandlers(ctx: CoreContext, events: CoreEvents): HandlerMap {
  const { db } = ctx;

  function registerEmergency(input: EmergencyInput, actor: string) {
    const id = input.id ?? randomUUID();
    const tokenId = input.tokenId ?? randomUUID();
    const day = today(ctx);
    return writeTransaction(db, () => {
      const again = patientById(db, id);
      if (again) {
        // A retried call (same id) gets the first registration and its Casualty token back.
        const token = tokenById(db, tokenId) ?? activeTokenFor(db, again.pk, CASUALTY, day);
        if (!token) throw conflict('id: this id belongs to another patient', 'id');
        return { patient: toPatient(again, day), token };
      }
      const casualty = departmentByCode(db, CASUALTY);
      if (!casualty?.active)
        throw conflict('departmentCode: this hospital has no Casualty department taking patients', 'departmentCode');
      const now = ctx.clock.now();
      // Never dated before what this counter already issued (a clock set back is refused: CLOCK_BEHIND).
      const at = stampNow(ctx, day);
      const { counterLetter: letter, hospitalCode } = issuingIdentity(ctx.identity);
      const number = nextTokenNumber(db, CASUALTY, day, letter);
      const { name, nameOtherScript } = temporaryNames(
        input.gender,
        input.ageYears,
        now,
        ctx.identity.timeZone,
        tokenLabel(letter, number),
      );
      const pk = insertPatient(db, {
        id,
        uhid: nextUhid(db, hospitalCode, letter, Number(day.slice(0, 4))),
        name,
        nameOtherScript,
        gender: input.gender,
        dateOfBirth: estimateDateOfBirth(day, input.ageYears),
        dobEstimated: true,
        phone: null,
        guardianName: null,
        guardianRelation: null,
        addressLine: null,
        district: null,
        state: null,
        pincode: null,
        originCounter: ctx.identity.counterId,
        at,
        unidentified: true,
        temporaryName: name,
        broughtBy: input.broughtBy ?? null,
      });
      insertToken(db, {
        id: tokenId,
        patientPk: pk,
        departmentCode: CASUALTY,
        visitDate: day,
        counterLetter: letter,
        number,
        priority: 'emergency',
        visitType: 'new',
        feeCategory: 'free',
        issuedAt: at,
        transferredFromId: null,
        // Per-room queues: the least busy Casualty room, as for any token (main/queue).
        assignedRoom: casualty.queueRule.rooms === 'per_room' ? leastBusyRoom(db, day, CASUALTY, casualty.rooms) : null,
      });
      enqueueOutbox(db, { entity: 'patient', entityId: id, operation: 'create', version: 1, at });
      enqueueOutbox(db, { entity: 'token', entityId: tokenId, operation: 'create', version: 1, at });
      appendAudit(db, {
        at,
        actor,
        action: 'patient.registerEmergency',
        entity: 'patient',
        entityId: id,
        detail: { token: tokenId },
      });
      appendAudit(db, {
        at,
        actor,
        action: 'token.issue',
        entity: 'token',
        entityId: tokenId,
        detail: { label: tokenLabel(letter, number), department: CASUALTY },
      });
      if (input.mlc) recordMlc(db, tokenId, input.mlc, actor, now);
      enqueueTokenSlip(db, { tokenId, actor, at });
      return { patient: toPatient(patientById(db, id)!, day), token: tokenById(db, tokenId)! };
    });
  }

  function registerNewborn(input: NewbornInput, actor: string) {
    const id = input.id ?? randomUUID();
    const day = today(ctx);
    const now = ctx.clock.now();
    const born = zonedInstant(input.dateOfBirth, input.birthTime, ctx.identity.timeZone);
    if (Number.isNaN(born.getTime()) || !new Date(`${input.dateOfBirth}T00:00:00Z`).toISOString().startsWith(input.dateOfBirth)) {
      throw fieldError('dateOfBirth', 'is not a real calendar date');
    }
    if (born.getTime() > now.getTime()) {
      throw fieldError(input.dateOfBirth > day ? 'dateOfBirth' : 'birthTime', 'is in the future', 'future');
    }
    return writeTransaction(db, () => {
      const again = patientById(db, id);
      if (again) return toPatient(again, day);
      const mother = patientById(db, input.motherId);
      if (!mother) throw notFound('mother', 'motherId');
      requireNotMerged(db, mother, 'motherId');
      const at = stampNow(ctx, day);
      const { counterLetter, hospitalCode } = issuingIdentity(ctx.identity);
      insertPatient(db, {
        id,
        uhid: nextUhid(db, hospitalCode, counterLetter, Number(day.slice(0, 4))),
        // Given a name, the baby has that one; else "Baby of …" in the scripts the mother's name is in.
        ...(input.name
          ? { name: input.name, nameOtherScript: null }
          : newbornNames({ name: mother.name, nameOtherScript: mother.name_other_script })),
        gender: input.gender,
        dateOfBirth: input.dateOfBirth,
        dobEstimated: false,
        // Where the baby lives and whom to call: the mother's.
        phone: mother.phone,
        guardianName: mother.name,
        guardianRelation: input.gender === 'male' ? 'S/o' : input.gender === 'female' ? 'D/o' : 'C/o',
        addressLine: mother.address_line,
        district: mother.district,
        state: mother.state,
        pincode: mother.pincode,
        originCounter: ctx.identity.counterId,
        at,
        birthTime: input.birthTime,
        motherPk: mother.pk,
      });
      enqueueOutbox(db, { entity: 'patient', entityId: id, operation: 'create', version: 1, at });
      appendAudit(db, {
        at,
        actor,
        action: 'patient.registerNewborn',
        entity: 'patient',
        entityId: id,
        detail: { mother: mother.id },
      });
      return toPatient(patientById(db, id)!, day);
    });
  }

  return {
    'patients.registerEmergency': (input, call) => {
      const answer = registerEmergency(input, call.actor);
      // Room screens and boards hear of the Casualty token like any other.
      emitQueueChanged(events, answer.token, 'issue', answer.token.issuedAt);
      return answer;
    },
    'patients.registerNewborn': (input, call) => registerNewborn(input, call.actor),
  };
}
