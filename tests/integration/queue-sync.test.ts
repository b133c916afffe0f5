// Queue moves reach the HIMS (the development FHIR server on loopback) as
// Encounter.status and Encounter.statusHistory, each entry with the counter's
// finer status and the room; sent offline and later, once, whatever the
// number of moves in between; a retried move sends nothing more.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXTENSIONS, SYSTEMS } from '../../main/fhir/systems';
import { allOf, connect, drain, type Encounter, syncSceneEachTest } from '../support/sync-fixture';
import { RAM } from '../support/temp-core';

const scene = syncSceneEachTest();

const fine = (e: { extension?: { url: string; valueCoding?: { code?: string }; valueString?: string }[] }) =>
  e.extension?.find((x) => x.url === EXTENSIONS.queueStatus)?.valueCoding?.code;
const roomOf = (e: { extension?: { url: string; valueString?: string }[] }) =>
  e.extension?.find((x) => x.url === EXTENSIONS.room)?.valueString;

describe('queue moves at the HIMS', () => {
  it('a visit called, seen and finished is a finished Encounter with its whole status history', async () => {
    const hims = await scene.hims();
    const a = scene.counter('B');
    const ram = await a.call('patients.register', { ...RAM });
    const token = await a.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    await connect(a, hims.baseUrl);
    await drain(a);
    expect((await allOf<Encounter>(hims, 'Encounter'))[0]).toMatchObject({ status: 'arrived' });

    // Offline in between (sync not run): three moves, then one send of the current state.
    a.clock.advance(20 * 60_000);
    const called = (await a.call('queue.callNext', { moveId: randomUUID(), departmentCode: 'MED', room: '101' })).token!;
    a.clock.advance(60_000);
    const startId = randomUUID();
    const inRoom = (await a.call('queue.move', { moveId: startId, tokenId: called.id, version: called.version, move: 'start' }))
      .token!;
    // A retried move is answered from the record: no second change, no second outbox row.
    const outbox = a.count('outbox');
    await a.call('queue.move', { moveId: startId, tokenId: called.id, version: called.version, move: 'start' });
    expect(a.count('outbox')).toBe(outbox);
    a.clock.advance(7 * 60_000);
    await a.call('queue.move', {
      moveId: randomUUID(),
      tokenId: inRoom.id,
      version: inRoom.version,
      move: 'finish',
      room: '101',
    });
    await drain(a);

    const encounters = await allOf<Encounter>(hims, 'Encounter');
    expect(encounters).toHaveLength(1);
    const e = encounters[0]!;
    expect(e.identifier?.find((i) => i.system === SYSTEMS.opdToken)?.value).toBe(`2026-11-25/MED/${token.label}`);
    expect(e.status).toBe('finished');
    expect(fine(e)).toBe('done');
    expect(e.period).toEqual({ start: '2026-11-25T04:30:00.000Z', end: '2026-11-25T04:58:00.000Z' });
    expect(e.location?.[0]).toMatchObject({ location: { display: 'Room 101' }, status: 'completed' });
    expect(e.statusHistory?.map((h) => [h.status, fine(h), roomOf(h) ?? null, h.period.start, h.period.end ?? null])).toEqual([
      ['arrived', 'issued', null, '2026-11-25T04:30:00.000Z', '2026-11-25T04:50:00.000Z'],
      ['arrived', 'called', '101', '2026-11-25T04:50:00.000Z', '2026-11-25T04:51:00.000Z'],
      ['in-progress', 'in_consultation', null, '2026-11-25T04:51:00.000Z', '2026-11-25T04:58:00.000Z'],
      ['finished', 'done', '101', '2026-11-25T04:58:00.000Z', null],
    ]);
  });

  it('no-show, entered in error and a cancel after a call each reach the HIMS as their FHIR status', async () => {
    const hims = await scene.hims();
    const a = scene.counter('C');
    await connect(a, hims.baseUrl);
    const issue = async (name: string) => {
      const p = await a.call('patients.register', { ...RAM, name, phone: undefined, confirmNotDuplicate: true });
      return a.call('tokens.issue', { patientId: p.id, departmentCode: 'EYE' });
    };
    const move = async (id: string, version: number, m: 'call' | 'no_show' | 'entered_in_error', extra = {}) =>
      (await a.call('queue.move', { moveId: randomUUID(), tokenId: id, version, move: m, room: '205', ...extra })).token!;
    const x = await issue('Asha Rani');
    const y = await issue('Bina Rani');
    const z = await issue('Chanda Rani');
    const xc = await move(x.id, x.version, 'call');
    await move(xc.id, xc.version, 'no_show');
    await move(y.id, y.version, 'entered_in_error', { reason: 'wrong patient' });
    const zc = await move(z.id, z.version, 'call');
    await a.call('tokens.cancel', { tokenId: zc.id, reason: 'went home' });
    await drain(a);

    const byLabel = new Map(
      (await allOf<Encounter>(hims, 'Encounter')).map((e) => [
        e.identifier?.find((i) => i.system === SYSTEMS.opdToken)?.value,
        e,
      ]),
    );
    const at = (label: string) => byLabel.get(`2026-11-25/EYE/${label}`)!;
    expect([at(x.label).status, fine(at(x.label))]).toEqual(['cancelled', 'no_show']);
    expect([at(y.label).status, fine(at(y.label))]).toEqual(['entered-in-error', 'entered_in_error']);
    expect([at(z.label).status, fine(at(z.label))]).toEqual(['cancelled', 'cancelled']);
    expect(at(z.label).statusHistory?.map((h) => fine(h))).toEqual(['issued', 'called', 'cancelled']);
    expect(a.core.sync.engine.status()).toMatchObject({ pending: 0, lastError: null });
  });
});
