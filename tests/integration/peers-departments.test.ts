// Departments, rooms and queue rules across counters (docs/peers.md
// "Departments and rules"): set at one counter, they reach every paired
// counter (real TLS on loopback, separate data folders); a counter that was
// off takes the newer copy with its first queue read, so the merged queue has
// one rule hospital-wide; a counter still holding an older copy is named.
import { describe, expect, it, vi } from 'vitest';
import { peerSceneEachTest, type PeerCounter } from '../support/peer-fixture';

const scene = peerSceneEachTest();

async function med(c: PeerCounter) {
  const list = await c.call('departments.list', { includeInactive: true });
  return list.find((d) => d.code === 'MED')!;
}

/** A, B and C, each paired with the other two. */
async function threeCounters() {
  const a = await scene.counter('A');
  const b = await scene.counter('B');
  const c = await scene.counter('C');
  await scene.pair(a, b);
  await scene.pair(a, c);
  await scene.pair(b, c);
  return { a, b, c };
}

const listMed = (c: PeerCounter) => c.call('queue.list', { departmentCode: 'MED' });

describe('departments and rules set at one counter reach every paired counter', () => {
  it('offers a change to every paired counter at once, audited there', async () => {
    const { a, b, c } = await threeCounters();
    await a.call('departments.update', {
      code: 'MED',
      nameEn: 'General Medicine',
      rooms: ['101', '102', '103'],
      queueRule: { priority: 'interleave', interleaveEvery: 4 },
    });
    const expected = await med(a);
    expect(expected.queueRule).toMatchObject({ priority: 'interleave', interleaveEvery: 4 });
    for (const counter of [b, c]) {
      await vi.waitFor(async () => expect(await med(counter)).toEqual(expected), { timeout: 5_000, interval: 50 });
      expect(counter.core.db.prepare("SELECT actor FROM audit_log WHERE action = 'department.copy'").pluck().all()).toEqual([
        'peer:A',
      ]);
    }
    // Shortcut keys swapped at one counter are swapped at the others (keys are unique per counter).
    const ent = (await a.call('departments.list', {})).find((d) => d.code === 'ENT')!;
    await a.call('departments.update', { code: 'MED', shortcut: null });
    await a.call('departments.update', { code: 'ENT', shortcut: expected.shortcut });
    await a.call('departments.update', { code: 'MED', shortcut: ent.shortcut });
    await vi.waitFor(async () => expect((await med(b)).shortcut).toBe(ent.shortcut), { timeout: 5_000, interval: 50 });
  });

  it('brings a counter that was off up to date with its first queue read, and names it until then', async () => {
    const { a, b, c } = await threeCounters();
    c.core.close();
    await b.call('departments.update', { code: 'MED', rooms: ['201', '202'], queueRule: { priority: 'arrival' } });
    await vi.waitFor(async () => expect((await med(a)).rooms).toEqual(['201', '202']), { timeout: 5_000, interval: 50 });

    const back = await c.restart();
    expect((await med(back)).queueRule.priority).toBe('ahead');
    // A reads C's older stamp with its queue: C is named, and offered A's copy.
    expect((await listMed(a)).olderCopies).toEqual(['C']);
    await vi.waitFor(async () => expect((await med(back)).rooms).toEqual(['201', '202']), { timeout: 5_000, interval: 50 });
    expect((await listMed(a)).olderCopies).toEqual([]);
  });

  it('merges the queue with the newest rule even at the counter that held an older copy', async () => {
    const { b, c } = await threeCounters();
    c.core.close();
    await b.call('departments.update', { code: 'MED', queueRule: { priority: 'arrival' } });
    const back = await c.restart();
    expect((await med(back)).queueRule.priority).toBe('ahead');
    // C's own first read hears of the newer copy from A and B, takes it, and merges with it.
    const view = await listMed(back);
    expect(view.rule.priority).toBe('arrival');
    expect(view.olderCopies).toEqual([]);
    expect((await med(back)).queueRule.priority).toBe('arrival');
  });

  it('refuses a copy that repeats a code or a shortcut key, whole, changing nothing', async () => {
    const { a, b } = await threeCounters();
    const copy = { revision: 99, counterId: 'zz', changedBy: 'Z', changedAt: '2026-11-25T04:30:00.000Z' };
    const [first, second] = (await b.call('departments.list', { includeInactive: true })).slice(0, 2);
    const before = { list: await b.call('departments.list', { includeInactive: true }), audit: b.count('audit_log') };
    const twiceKey = { ...copy, departments: [first, { ...second, shortcut: first!.shortcut }] };
    const twiceCode = { ...copy, departments: [first, { ...second, code: first!.code }] };
    for (const bad of [twiceKey, twiceCode]) {
      expect(await b.fail('peer.offerDepartments', bad)).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(await b.call('departments.list', { includeInactive: true })).toEqual(before.list);
    expect(b.count('audit_log')).toBe(before.audit);
    // Nothing newer here to take or name: A and B still agree.
    expect((await listMed(a)).olderCopies).toEqual([]);
  });
});
