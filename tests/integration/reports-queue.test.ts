// The census's no-shows and waiting times (from the queue's moves):
// counted by triggers as the rooms call and mark tokens, and agreeing with
// the queue's own waiting times worked out from its recorded moves (to the
// 5-minute bin). The expected figures come from the clock the test set.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Token } from '../../preload/contract/records';
import { waitStats } from '../../main/reports/queue-figures';
import { startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore;
afterEach(() => t?.dispose());

const MIN = 60_000;

async function issue(name: string): Promise<Token> {
  const patient = await t.call('patients.register', { name, gender: 'female', ageYears: 40, confirmNotDuplicate: true });
  return t.call('tokens.issue', { patientId: patient.id, departmentCode: 'MED' });
}

async function move(token: Token, m: 'call' | 'no_show' | 'return' | 'recall') {
  return (await t.call('queue.move', { moveId: randomUUID(), tokenId: token.id, version: token.version, move: m, room: '101' }))
    .token!;
}

describe('queue figures in the census', () => {
  it('count no-shows and the wait to the first call, as the queue itself does', async () => {
    t = startTestCore();
    const waitsMinutes: number[] = [];
    const tokens: Token[] = [];
    for (const name of ['Asha', 'Bina', 'Chanda', 'Deepa', 'Esha']) tokens.push(await issue(name));
    expect((await t.call('reports.census', { from: '2026-11-25', to: '2026-11-25' })).queue).toBeNull();
    // Calls after 3, 12, 12, 31 and 47 minutes (calling the next in the room ends the one before).
    let elapsed = 0;
    for (const [i, at] of [3, 12, 12, 31, 47].entries()) {
      t.clock.advance((at - elapsed) * MIN);
      elapsed = at;
      const token = await move(tokens[i]!, 'call');
      waitsMinutes.push(at);
      // A recall is not a second wait.
      if (i === 1) await move(token, 'recall');
      // Deepa does not come: no-show, put back, called again and no-show again (two marks).
      if (i === 3) {
        let deepa = await move(token, 'no_show');
        deepa = await move(deepa, 'return');
        deepa = await move(deepa, 'call');
        await move(deepa, 'no_show');
      }
    }

    const census = await t.call('reports.census', { from: '2026-11-25', to: '2026-11-25' });
    expect(census.queue).toMatchObject({ noShows: 2, waitCount: 5 });
    expect(census.queue!.waits).toEqual([
      { fromMinutes: 0, tokens: 1 },
      { fromMinutes: 10, tokens: 2 },
      { fromMinutes: 30, tokens: 1 },
      { fromMinutes: 45, tokens: 1 },
    ]);
    // Median 12 min → the 10-15 bin (12.5 min); 90th percentile 47 min → 45-50 (47.5 min).
    expect(census.queue).toMatchObject({ waitMedianSeconds: 750, waitP90Seconds: 2850 });
    // The queue's own figures from its moves: the same median to the bin.
    const own = await t.call('queue.waitingTimes', {});
    const med = own.rows.find((r) => r.departmentCode === 'MED' && r.room === null)!;
    expect(med.toFirstCall.count).toBe(5);
    expect(Math.floor(med.toFirstCall.medianSeconds! / 300)).toBe(Math.floor(census.queue!.waitMedianSeconds! / 300));
    expect(med.noShows).toBe(2);
    // The bins of two counters add up to the same percentiles as one list of their waits.
    expect(
      waitStats([
        { fromMinutes: 0, tokens: 9 },
        { fromMinutes: 60, tokens: 1 },
      ]),
    ).toEqual({
      waitMedianSeconds: 150,
      waitP90Seconds: 150,
      waitCount: 10,
    });
    expect(waitsMinutes).toHaveLength(5);
  });
});
