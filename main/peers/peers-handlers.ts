// The contract's peer.* (answered to paired counters), peers.* (a supervisor
// pairs counters) and patients.searchElsewhere / bringOver (a clerk finds a
// patient registered at another counter). docs/peers.md
import type { Patient } from '../../preload/contract/records';
import { appendAudit } from '../audit/audit-log';
import { AppError } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { toPatient } from '../patients/patient-rows';
import { patientById } from '../patients/patient-store';
import { exactLookup, storeBroughtPatient } from './peer-patients';
import type { PeerService } from './peer-service';
import { peerById } from './peer-store';

/** A lookup goes to every counter at once and waits this long at most: a dead counter must not hold up the clerk. */
export const LOOKUP_TIMEOUT_MS = 300;

export function peersHandlers(ctx: CoreContext, peers: PeerService): HandlerMap {
  const { db } = ctx;
  return {
    'peer.hello': () => ({
      counterId: ctx.identity.counterId,
      counterLetter: ctx.identity.counterLetter ?? '',
      hospitalCode: ctx.identity.hospitalCode ?? '',
      hospitalName: ctx.identity.hospitalName,
      appVersion: ctx.appVersion,
      time: nowIso(ctx),
    }),
    'peer.lookup': ({ query }) => ({ patients: exactLookup(db, query, today(ctx)) }),
    'peer.patient': ({ id }, call) => {
      const row = patientById(db, id);
      if (!row) throw new AppError('NOT_FOUND', 'patient not found', { field: 'id' });
      writeTransaction(db, () =>
        appendAudit(db, { at: nowIso(ctx), actor: call.actor, action: 'patient.view', entity: 'patient', entityId: id }),
      );
      return toPatient(row, today(ctx));
    },

    'peers.status': () => peers.status(),
    'peers.setNetworkKey': (input, call) => peers.setNetworkKey(input, call.actor),
    'peers.add': ({ address }, call) => peers.add(address, call.actor),
    'peers.remove': ({ counterId }, call) => ({ removed: peers.remove(counterId, call.actor) }),
    'peers.check': () => peers.check(),
    'peers.discover': ({ waitMs }) => peers.discover(waitMs),

    'patients.searchElsewhere': async ({ query }) => {
      exactLookup(db, query, today(ctx)); // names are refused before anything is sent
      const answers = await peers.callAll('peer.lookup', { query }, LOOKUP_TIMEOUT_MS);
      const found = [];
      const notAsked = [];
      for (const { peer, result } of answers) {
        if (!result.ok) {
          if (result.problem !== 'refused') {
            notAsked.push({ counterId: peer.counter_id, counterLetter: peer.counter_letter, problem: result.problem });
          }
          continue;
        }
        for (const patient of result.value.patients) {
          found.push({
            counterId: peer.counter_id,
            counterLetter: peer.counter_letter,
            patient,
            broughtHere: patientById(db, patient.id) !== undefined,
          });
        }
      }
      return { found, notAsked };
    },
    'patients.bringOver': async ({ counterId, patientId }, call): Promise<Patient> => {
      const here = patientById(db, patientId);
      if (here) return toPatient(here, today(ctx));
      const peer = peerById(db, counterId);
      if (!peer) throw new AppError('NOT_FOUND', 'no paired counter with that id', { field: 'counterId' });
      const answer = await peers.call(counterId, 'peer.patient', { id: patientId });
      if (!answer.ok) {
        throw new AppError(
          answer.problem === 'refused' ? 'NOT_FOUND' : 'UNAVAILABLE',
          `counter ${peer.counter_letter}: ${answer.message}`,
          {
            field: 'counterId',
            details: { problem: answer.problem },
          },
        );
      }
      if (answer.value.id !== patientId) throw new AppError('UNAVAILABLE', `counter ${peer.counter_letter} sent another patient`);
      return storeBroughtPatient(
        db,
        answer.value,
        { counterId, counterLetter: peer.counter_letter },
        { at: nowIso(ctx), actor: call.actor },
        today(ctx),
      );
    },
  };
}
