// One queue per department across counters (docs/peers.md): the room screen
// and the board of any counter see every reachable counter's tokens in the
// rule's order; "call next" asks a token's own counter to call it, so two
// rooms on two counters racing never call the same token; a counter that
// is down is named; queue changes are pushed from counter to counter.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../preload/contract/events';
import { peerSceneEachTest, type PeerCounter } from '../support/peer-fixture';

const scene = peerSceneEachTest();

async function withRooms(...counters: PeerCounter[]) {
  for (const c of counters) await c.call('departments.update', { code: 'MED', rooms: ['101', '102'] });
}

/** `n` patients with a MED token each at counter `c`, a minute apart in issue time, starting at `startMinute`. */
async function issue(c: PeerCounter, n: number, startMinute = 0, priority: 'none' | 'senior' = 'none') {
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    c.clock.current = new Date(Date.parse('2026-11-25T04:30:00.000Z') + (startMinute + i) * 60_000);
    const p = await c.call('patients.register', {
      name: `Patient ${c.letter}${i}`,
      gender: 'female',
      ageYears: 40,
      confirmNotDuplicate: true,
    });
    labels.push((await c.call('tokens.issue', { patientId: p.id, departmentCode: 'MED', priority })).label);
  }
  return labels;
}

async function pairedPair() {
  const a = await scene.counter('A');
  const b = await scene.counter('B');
  await scene.pair(a, b);
  await withRooms(a, b);
  return { a, b };
}

/** `owner` makes its calls but answers after the caller has stopped waiting (twice), while `late`. */
function callsButAnswersLate(owner: PeerCounter): { late: boolean } {
  const control = { late: true };
  const dispatch = owner.core.registry.dispatch.bind(owner.core.registry);
  owner.core.registry.dispatch = async (method, input, caller) => {
    const result = await dispatch(method, input, caller);
    if (method === 'peer.call' && control.late) await new Promise((r) => setTimeout(r, 2000));
    return result;
  };
  return control;
}

const callNext = (c: PeerCounter, room: string) =>
  c.call('queue.callNext', { moveId: randomUUID(), departmentCode: 'MED', room });

describe('one queue per department across counters', () => {
  it('shows both counters’ waiting tokens in the order of the rule, and calls across counters', async () => {
    const { a, b } = await pairedPair();
    await issue(a, 2, 0); // A-001 at 04:30, A-002 at 04:31
    await issue(b, 2, 1); // B-001 at 04:31, B-002 at 04:32
    await issue(b, 1, 5, 'senior'); // B-003, a senior citizen: ahead of the rest
    const view = await a.call('queue.list', { departmentCode: 'MED' });
    expect(view.notShown).toEqual([]);
    expect(view.waiting.map((t) => t.label)).toEqual(['B-003', 'A-001', 'A-002', 'B-001', 'B-002']);
    expect(view.waitingCount).toBe(5);

    // Room 101 is attached to counter A; its first call takes B's senior citizen, at B.
    const first = await callNext(a, '101');
    expect(first.token).toMatchObject({ label: 'B-003', status: 'called', callRoom: '101', counterLetter: 'B' });
    expect((await b.call('queue.list', { departmentCode: 'MED' })).atRoom.map((t) => t.label)).toEqual(['B-003']);
    // The next call finishes B-003 (at B) and takes A-001 (here).
    const second = await callNext(a, '101');
    expect(second.token?.label).toBe('A-001');
    expect(second.finished?.label).toBe('B-003');
    const atB = await b.call('queue.list', { departmentCode: 'MED' });
    expect(atB.waiting.map((t) => t.label)).toEqual(['A-002', 'B-001', 'B-002']);
    expect(atB.atRoom.map((t) => [t.label, t.status])).toEqual([['A-001', 'called']]);

    // The board of either counter shows the call with its room.
    const board = await b.call('queue.board', { departmentCodes: ['MED'] });
    expect(board.departments[0]).toMatchObject({ waiting: 3, nowCalling: [{ label: 'A-001', room: '101' }] });
    expect(board.departments[0]!.recent.map((c) => c.label)).toEqual(['B-003']);
  });

  it('moves another counter’s token from a room here (recall, put back) through its owner', async () => {
    const { a, b } = await pairedPair();
    await issue(b, 1, 0);
    const called = (await callNext(a, '102')).token!;
    const recalled = await a.call('queue.move', {
      moveId: randomUUID(),
      tokenId: called.id,
      move: 'recall',
      version: called.version,
      room: '102',
    });
    expect(recalled.token).toMatchObject({ label: 'B-001', callCount: 2 });
    const stale = await a.fail('queue.move', { moveId: randomUUID(), tokenId: called.id, move: 'skip', version: called.version });
    expect(stale.code).toBe('VERSION_CONFLICT');
    expect((await b.call('queue.list', { departmentCode: 'MED' })).atRoom[0]).toMatchObject({ label: 'B-001', callCount: 2 });
  });

  it('sends a move to the token’s own counter alone when the screen names it', async () => {
    const { a, b } = await pairedPair();
    const c = await scene.counter('C');
    await scene.pair(a, c);
    await issue(b, 1, 0);
    const called = (await callNext(a, '101')).token!;
    const stateOfC = async () => (await a.call('peers.status', {})).peers.find((p) => p.counterLetter === 'C')!.state;
    expect(await stateOfC()).toBe('reachable');
    c.core.close();
    const move = { tokenId: called.id, move: 'no_show' as const, version: called.version, room: '101' };
    const marked = await a.call('queue.move', { moveId: randomUUID(), ...move, counterLetter: 'B' });
    expect(marked.token).toMatchObject({ label: 'B-001', status: 'no_show' });
    // C was not asked, so A still holds its last answer; asking everyone (no letter) finds it down.
    expect(await stateOfC()).toBe('reachable');
    const returned = await a.call('queue.move', {
      moveId: randomUUID(),
      tokenId: called.id,
      move: 'return',
      version: marked.token!.version,
    });
    expect(returned.token?.status).toBe('issued');
    expect(await stateOfC()).toBe('unreachable');
  });

  it('does not call a second patient when the owner of the first does not answer; a press again gets the first', async () => {
    const { a, b } = await pairedPair();
    await issue(b, 1, 0); // B-001 first in the queue
    await issue(a, 1, 5); // A-001 after it
    const owner = callsButAnswersLate(b);
    const moveId = randomUUID();
    const press = { moveId, departmentCode: 'MED', room: '101' };
    expect((await a.fail('queue.callNext', press)).code).toBe('UNAVAILABLE');
    expect((await a.call('queue.list', { departmentCode: 'MED' })).waiting.map((t) => t.label)).toEqual(['A-001']);
    owner.late = false;
    const again = await a.call('queue.callNext', press);
    expect(again.token).toMatchObject({ label: 'B-001', status: 'called', callRoom: '101' });
    expect((await b.call('queue.list', { departmentCode: 'MED' })).atRoom.map((t) => t.label)).toEqual(['B-001']);
  });

  it('asks the same owner again after this counter restarts, and replays its answer after another restart', async () => {
    const pair = await pairedPair();
    const b = pair.b;
    let a = pair.a;
    await issue(b, 1, 0); // B-001 first in the queue
    await issue(a, 1, 5); // A-001 after it
    const owner = callsButAnswersLate(b);
    const press = { moveId: randomUUID(), departmentCode: 'MED', room: '101' };
    expect((await a.fail('queue.callNext', press)).code).toBe('UNAVAILABLE');
    // B did call B-001; A restarts before the room presses again.
    const restartA = async () => {
      const at = a.clock.current;
      a = await a.restart();
      a.clock.current = at;
    };
    await restartA();
    owner.late = false;
    const again = await a.call('queue.callNext', press);
    expect(again.token).toMatchObject({ label: 'B-001', status: 'called', callRoom: '101' });
    expect((await a.call('queue.list', { departmentCode: 'MED' })).waiting.map((t) => t.label)).toEqual(['A-001']);
    await restartA();
    expect(await a.call('queue.callNext', press)).toMatchObject({ replayed: true, token: { label: 'B-001' } });
    expect((await a.call('queue.list', { departmentCode: 'MED' })).waiting.map((t) => t.label)).toEqual(['A-001']);
  });

  it('finishes the room’s patient at another counter when a token is called by hand', async () => {
    const { a, b } = await pairedPair();
    await issue(b, 1, 0);
    await issue(a, 1, 5);
    const first = (await callNext(a, '101')).token!;
    expect(first.label).toBe('B-001');
    const own = (await a.call('queue.list', { departmentCode: 'MED' })).waiting[0]!;
    const called = await a.call('queue.move', {
      moveId: randomUUID(),
      tokenId: own.id,
      move: 'call',
      version: own.version,
      room: '101',
    });
    expect(called.token?.label).toBe('A-001');
    expect(called.finished).toMatchObject({ label: 'B-001', status: 'done' });
    expect((await b.call('queue.list', { departmentCode: 'MED' })).atRoom.map((t) => t.label)).toEqual(['A-001']);
  });

  it('names a counter that is down, and still calls from the counters that answer', async () => {
    const { a, b } = await pairedPair();
    await issue(a, 1, 5);
    await issue(b, 1, 0);
    b.core.close();
    const view = await a.call('queue.list', { departmentCode: 'MED' });
    expect(view.notShown).toEqual([{ counterLetter: 'B', problem: 'unreachable' }]);
    expect(view.waiting.map((t) => t.label)).toEqual(['A-001']);
    expect((await callNext(a, '101')).token?.label).toBe('A-001');
    expect((await a.call('queue.board', { departmentCodes: ['MED'] })).notShown).toEqual([
      { counterLetter: 'B', problem: 'unreachable' },
    ]);
  });

  it('never calls a token twice when rooms on two counters race "call next" 1,000 times', async () => {
    const { a, b } = await pairedPair();
    const issued = [...(await issue(a, 500, 0)), ...(await issue(b, 500, 0))];
    async function room(c: PeerCounter, name: string) {
      const called: string[] = [];
      for (;;) {
        const result = await callNext(c, name);
        if (!result.token) return called;
        called.push(`${result.token.label}`);
      }
    }
    const [atA, atB] = await Promise.all([room(a, '101'), room(b, '102')]);
    const all = [...atA, ...atB];
    expect(all).toHaveLength(1000);
    expect(new Set(all)).toEqual(new Set(issued));
    // Both rooms really called, from both counters' tokens.
    expect(Math.min(atA.length, atB.length)).toBeGreaterThan(100);
    expect(atA.some((l) => l.startsWith('B-')) && atB.some((l) => l.startsWith('A-'))).toBe(true);
    // Each owner recorded each call once.
    for (const c of [a, b]) {
      const calls = c.core.db
        .prepare("SELECT count(*) AS n, count(DISTINCT token_id) AS distinct_tokens FROM token_moves WHERE move = 'call'")
        .get();
      expect(calls).toEqual({ n: 500, distinct_tokens: 500 });
    }
  }, 120_000);
});

describe('queue pushes between counters', () => {
  function heard(c: PeerCounter): CoreEvent[] {
    const seen: CoreEvent[] = [];
    c.core.events.subscribe((e) => e.name === 'queue.changed' && seen.push(e));
    return seen;
  }
  async function until(what: string, probe: () => boolean, ms = 5000) {
    const end = Date.now() + ms;
    while (!probe()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('passes a call made at one counter to the screens of the other, and no further', async () => {
    const { a, b } = await pairedPair();
    const c = await scene.counter('C');
    await scene.pair(b, c); // C knows B, not A
    await withRooms(c);
    await until('the streams to open', () => b.core.peers.status().peers.every((p) => p.state === 'reachable'));
    const atB = heard(b);
    const atC = heard(c);
    await issue(a, 1, 0);
    await callNext(a, '101');
    await until('B to hear the call', () => atB.some((e) => e.name === 'queue.changed' && e.payload.move === 'call'));
    expect(atB.find((e) => e.name === 'queue.changed' && e.payload.move === 'call')?.payload).toMatchObject({
      label: 'A-001',
      room: '101',
      fromPeer: true,
    });
    // B does not pass on what it heard: C is not told of A's queue.
    await new Promise((r) => setTimeout(r, 300));
    expect(atC).toEqual([]);
  });
});
