// Waiting times come from the recorded moves: issue to first call and
// consultation time, per department and room, over the days asked for. The
// expected figures are worked out here from the clock the test set, not read
// back from the code.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Token } from '../../preload/contract/records';
import { startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore;
afterEach(() => t?.dispose());

const MIN = 60_000;

async function issue(name: string, departmentCode = 'MED'): Promise<Token> {
  const patient = await t.call('patients.register', { name, gender: 'other', ageYears: 40, confirmNotDuplicate: true });
  return t.call('tokens.issue', { patientId: patient.id, departmentCode });
}

async function move(token: Token, m: 'call' | 'start' | 'finish' | 'no_show' | 'recall' | 'entered_in_error', room = '101') {
  const extra = m === 'entered_in_error' ? { reason: 'wrong patient' } : {};
  return (
    await t.call('queue.move', { moveId: randomUUID(), tokenId: token.id, version: token.version, move: m, room, ...extra })
  ).token!;
}

describe('waiting times', () => {
  it('per department and room, from issue to first call and from "in" (or the last call) to done', async () => {
    t = startTestCore();
    await t.call('departments.update', { code: 'MED', rooms: ['101', '102'] });
    const a = await issue('Asha'); // 04:30
    const b = await issue('Bina');
    t.clock.advance(10 * MIN);
    const c = await issue('Chetan'); // 04:40
    const e = await issue('Error');

    t.clock.advance(5 * MIN); // 04:45: A waited 15 min, called in 101
    let ta = await move(a, 'call', '101');
    t.clock.advance(2 * MIN);
    ta = await move(ta, 'recall', '101'); // a recall is not a second wait
    t.clock.advance(1 * MIN);
    ta = await move(ta, 'start', '101'); // in at 04:48
    t.clock.advance(6 * MIN);
    await move(ta, 'finish', '101'); // 6 minutes in consultation

    const tb = await move(b, 'call', '102'); // 04:54: B waited 24 min, room 102
    t.clock.advance(4 * MIN);
    await move(tb, 'finish', '102'); // nobody pressed "in": 4 minutes from the call

    const tc = await move(c, 'call', '101'); // 04:58: C waited 18 min
    t.clock.advance(3 * MIN);
    await move(tc, 'no_show', '101');

    // A token entered in error never counts.
    const te = await move(e, 'call', '102');
    await move(te, 'entered_in_error', '102');

    const times = await t.call('queue.waitingTimes', {});
    expect(times).toMatchObject({ from: '2026-11-25', to: '2026-11-25' });
    const row = (room: string | null) => times.rows.find((r) => r.departmentCode === 'MED' && r.room === room)!;
    expect(row(null).toFirstCall).toEqual({
      count: 3,
      meanSeconds: ((15 + 24 + 18) * 60) / 3,
      medianSeconds: 18 * 60,
      p90Seconds: 24 * 60,
      maxSeconds: 24 * 60,
    });
    expect(row(null).consultation).toMatchObject({ count: 2, meanSeconds: 5 * 60, maxSeconds: 6 * 60 });
    expect(row(null).noShows).toBe(1);
    expect(row('101').toFirstCall).toMatchObject({ count: 2, meanSeconds: ((15 + 18) * 60) / 2 });
    expect(row('101').consultation).toMatchObject({ count: 1, meanSeconds: 6 * 60 });
    expect(row('102').toFirstCall).toMatchObject({ count: 1, meanSeconds: 24 * 60 });
    expect(row('102').consultation).toMatchObject({ count: 1, meanSeconds: 4 * 60 });
    expect(times.rows.map((r) => r.room)).toEqual([null, '101', '102']);

    // Another day has none of these; one department can be asked for alone.
    expect((await t.call('queue.waitingTimes', { from: '2026-11-24', to: '2026-11-24' })).rows).toEqual([]);
    expect((await t.call('queue.waitingTimes', { departmentCode: 'EYE' })).rows).toEqual([]);
  });

  it('refuses a range backwards or too long, and an unknown department', async () => {
    t = startTestCore();
    expect(await t.fail('queue.waitingTimes', { from: '2026-11-25', to: '2026-11-01' })).toMatchObject({ field: 'to' });
    expect(await t.fail('queue.waitingTimes', { from: '2026-01-01', to: '2026-11-25' })).toMatchObject({ field: 'to' });
    expect(await t.fail('queue.waitingTimes', { from: '2026-02-30' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await t.fail('queue.waitingTimes', { departmentCode: 'NOPE' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
