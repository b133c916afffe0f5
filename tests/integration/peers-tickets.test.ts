// OPD tickets across counters (docs/peers.md "Tickets"): a ticket bought at
// counter C makes the return visit at counter B a follow-up, read from C over
// the peers (real TLS on loopback, separate data folders); a counter that
// does not answer is named on the quote, and its ticket is not guessed.
import { describe, expect, it } from 'vitest';
import { RAM } from '../support/temp-core';
import { peerSceneEachTest, type PeerCounter } from '../support/peer-fixture';

const scene = peerSceneEachTest();

/** ₹10 new, ₹5 revisit, free follow-up within 15 days: at every counter alike. */
const SCHEDULE = { departmentCode: '*', newPaise: 1000, revisitPaise: 500, followUpPaise: 0, validityDays: 15 } as const;

function at(iso: string, ...counters: PeerCounter[]) {
  for (const c of counters) c.clock.current = new Date(iso);
}

/** Counters C and B paired, the same schedule at both; Ram registered at C with a paid MED ticket on 25 November. */
async function ticketAtC() {
  const c = await scene.counter('C');
  const b = await scene.counter('B');
  await scene.pair(b, c);
  for (const counter of [b, c]) await counter.call('fees.saveSchedule', SCHEDULE);
  at('2026-11-25T04:30:00.000Z', b, c);
  const ram = await c.call('patients.register', RAM);
  const bought = await c.call('tokens.issue', {
    patientId: ram.id,
    departmentCode: 'MED',
    payment: { method: 'cash', amountPaise: 1000 },
  });
  await b.call('patients.bringOver', { counterId: c.core.context.identity.counterId, patientId: ram.id });
  return { b, c, ram, bought };
}

describe('a ticket bought at one counter is honoured at another', () => {
  it('makes the return visit at counter B a free follow-up on counter C’s ticket', async () => {
    const { b, c, ram, bought } = await ticketAtC();
    expect(bought.fee).toMatchObject({ basis: 'new', validUntil: '2026-12-09' });

    at('2026-12-01T04:30:00.000Z', b, c);
    const quote = await b.call('fees.quote', { patientId: ram.id, departmentCode: 'MED' });
    expect(quote).toMatchObject({
      basis: 'follow_up',
      visitType: 'follow_up',
      duePaise: 0,
      validUntil: '2026-12-09',
      ticket: { label: bought.label, visitDate: '2026-11-25', validUntil: '2026-12-09' },
      ticketsNotSeen: [],
    });
    // Issued with no payment: the fee is the follow-up's, and the charge points to C's ticket.
    const token = await b.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    expect(token).toMatchObject({ counterLetter: 'B', visitType: 'follow_up', fee: { basis: 'follow_up', duePaise: 0 } });
    expect(b.core.db.prepare('SELECT ticket_id FROM token_charges WHERE token_id = ?').pluck().get(token.id)).toBe(
      c.core.db.prepare('SELECT id FROM token_charges WHERE token_id = ?').pluck().get(bought.id),
    );
  });

  it('charges the revisit fee after C’s ticket ran out, and the new fee in another department', async () => {
    const { b, c, ram } = await ticketAtC();
    at('2026-12-10T04:30:00.000Z', b, c);
    expect(await b.call('fees.quote', { patientId: ram.id, departmentCode: 'MED' })).toMatchObject({
      basis: 'revisit',
      duePaise: 500,
      ticket: null,
    });
    at('2026-12-01T04:30:00.000Z', b, c);
    expect(await b.call('fees.quote', { patientId: ram.id, departmentCode: 'ENT' })).toMatchObject({
      basis: 'new',
      duePaise: 1000,
      ticket: null,
    });
  });

  it('does not honour a ticket cancelled at C', async () => {
    const { b, c, ram, bought } = await ticketAtC();
    await c.call('fees.refund', {
      receiptId: bought.fee!.receipt!.id,
      kind: 'cancellation',
      method: 'cash',
      reason: 'patient left',
    });
    at('2026-12-01T04:30:00.000Z', b, c);
    expect(await b.call('fees.quote', { patientId: ram.id, departmentCode: 'MED' })).toMatchObject({
      basis: 'revisit',
      ticket: null,
    });
  });

  it('names counter C when it does not answer, and prices without its ticket (a payment is then due)', async () => {
    const { b, c, ram } = await ticketAtC();
    c.core.close();
    at('2026-12-01T04:30:00.000Z', b);
    expect(await b.call('fees.quote', { patientId: ram.id, departmentCode: 'MED' })).toMatchObject({
      basis: 'new',
      duePaise: 1000,
      ticket: null,
      ticketsNotSeen: ['C'],
    });
    expect(await b.fail('tokens.issue', { patientId: ram.id, departmentCode: 'MED' })).toMatchObject({
      code: 'PAYMENT_REQUIRED',
      field: 'payment',
    });
    expect(b.count('tokens')).toBe(0);
  });
});
