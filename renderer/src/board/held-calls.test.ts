// Calls wait for the board to show them before they are said, in order, and
// never longer than HOLD_MS.
import { describe, expect, it } from 'vitest';
import { dueCount, HOLD_MS, shownTokens, type Held } from './held-calls';

const held = (token: string, at = 0): Held => ({
  call: { key: `${token}:1`, label: token, room: '101', departmentCode: 'MED' },
  at,
});

describe('calls held until shown', () => {
  it('are let go in order once the board shows them, or after HOLD_MS', () => {
    const waiting = [held('t1'), held('t2'), held('t3')];
    expect(dueCount(waiting, new Set(), 10)).toBe(0);
    // The second is shown but the first not yet: nothing goes before the first.
    expect(dueCount(waiting, new Set(['t2']), 10)).toBe(0);
    expect(dueCount(waiting, new Set(['t1', 't2']), 10)).toBe(2);
    expect(dueCount(waiting, new Set(), HOLD_MS)).toBe(3);
  });

  it('know what a view shows, called now or before', () => {
    const call = (tokenId: string) => ({
      tokenId,
      label: '',
      room: '',
      status: 'called' as const,
      calledAt: '',
      callCount: 1,
      firstName: null,
    });
    const view = {
      date: '',
      serverTime: '',
      notShown: [],
      departments: [{ code: 'MED', nameEn: '', nameHi: '', nowCalling: [call('a')], recent: [call('b')], waiting: 0 }],
    };
    expect([...shownTokens(view)]).toEqual(['a', 'b']);
    expect(shownTokens(null).size).toBe(0);
  });
});
