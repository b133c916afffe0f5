// OPD tickets across the hospital's counters (docs/peers.md "Tickets"): a
// ticket bought at counter C makes a return visit at counter B a follow-up,
// read from C over the peers (the HIMS gives no ticket lookup, and it may be
// out of reach). Each counter answers from its own tickets only; the asking
// counter prices the visit with the best ticket among the answers and names
// the counters that did not answer.
import type { PeerTicket } from '../../preload/contract/methods/fee-schemas';
import type { CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import type { PeerService } from '../peers/peer-service';
import { listPeers } from '../peers/peer-store';
import { patientById } from '../patients/patient-store';
import { seenInDepartmentBefore } from '../tokens/visit-type';
import { validTicket, type Elsewhere, type Ticket } from './charges';
import { scheduleFor } from './fee-store';

/** The counter waits this long for the other counters' tickets before pricing without them (and naming them). */
export const TICKET_READ_TIMEOUT_MS = 800;

export interface TicketsElsewhere {
  /**
   * What the other counters know of the patient in the department on the
   * day, or null when there is nothing to ask: no paired counter, a patient
   * not here, or an answer here that settles the price already.
   */
  ask(patientId: string, departmentCode: string, day: string): Promise<Elsewhere> | null;
}

/** This counter's own answer to another counter pricing a visit. */
export function ownTicket(ctx: CoreContext, patientId: string, departmentCode: string, day: string): PeerTicket {
  const patient = patientById(ctx.db, patientId);
  if (!patient) return { ticket: null, seenBefore: false };
  return {
    ticket: validTicket(ctx.db, patient.pk, departmentCode, day),
    seenBefore: seenInDepartmentBefore(ctx.db, patient.pk, departmentCode, day),
  };
}

export function peerTicketHandlers(ctx: CoreContext): HandlerMap {
  return {
    'peer.ticket': ({ patientId, departmentCode, day }) => ownTicket(ctx, patientId, departmentCode, day),
  };
}

/** The ticket that lasts longest among the answers. */
function best(tickets: (Ticket | null)[]): Ticket | null {
  return tickets.reduce<Ticket | null>((a, t) => (t && (!a || t.validUntil > a.validUntil) ? t : a), null);
}

export function ticketsElsewhere(ctx: CoreContext, peers: PeerService): TicketsElsewhere {
  const { db } = ctx;

  /** Would another counter's answer change the price? Not when a ticket here covers the visit already. */
  function worthAsking(patientPk: number, departmentCode: string, day: string): boolean {
    const schedule = scheduleFor(db, departmentCode);
    if (schedule.validityDays > 0) return validTicket(db, patientPk, departmentCode, day) === null;
    return schedule.newPaise !== schedule.revisitPaise && !seenInDepartmentBefore(db, patientPk, departmentCode, day);
  }

  return {
    ask(patientId, departmentCode, day) {
      if (listPeers(db).length === 0) return null;
      const patient = patientById(db, patientId);
      if (!patient || !worthAsking(patient.pk, departmentCode, day)) return null;
      return peers.callAll('peer.ticket', { patientId, departmentCode, day }, TICKET_READ_TIMEOUT_MS).then((answers) => {
        const notSeen: string[] = [];
        const found: PeerTicket[] = [];
        for (const { peer, result } of answers) {
          if (result.ok) found.push(result.value);
          else notSeen.push(peer.counter_letter);
        }
        return { ticket: best(found.map((f) => f.ticket)), seenBefore: found.some((f) => f.seenBefore), notSeen };
      });
    },
  };
}
