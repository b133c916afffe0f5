// A wrong clock, with an injected clock: set back a day it cannot issue
// tokens dated before the ones already issued (nor UHIDs of an earlier
// year), and says why; a small step back is absorbed; a jump while running,
// or a clock off from the HIMS's (its Date header, from the real development
// server) or a peer's by more than two minutes, is shown; an administrator
// can accept the clock after it ran ahead.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClockStatus } from '../../preload/contract/methods/ops-schemas';
import type { CoreEvent } from '../../preload/contract/events';
import { openDatabase } from '../../main/db/open-database';
import { loadMigrations } from '../../main/db/migrate';
import { migrationsDir } from '../../main/db/open-database';
import { readWatermark } from '../../main/clock/clock-watermark';
import { RAM, startTestCore, tempDir, type TestCore } from '../support/temp-core';
import { connect, startHims } from '../support/sync-fixture';

const cores: TestCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.dispose()));

function counter(monotonic?: () => number, dataDir = tempDir()): TestCore {
  const t = startTestCore({}, dataDir, monotonic ? { ops: { monotonic } } : {});
  cores.push(t);
  return t;
}

const DAY = 86_400_000;
const tables = ['tokens', 'patients', 'outbox', 'audit_log', 'token_sequences', 'sequences', 'print_jobs'];

describe('a clock set back', () => {
  it('a day: no token dated before the ones issued, no registration, in words, and nothing changes', async () => {
    const t = counter();
    const ram = await t.call('patients.register', { ...RAM });
    const first = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    const sita = await t.call('patients.register', {
      name: 'Sita Devi',
      gender: 'female',
      ageYears: 40,
      confirmNotDuplicate: true,
    });

    t.clock.advance(-DAY);
    const counts = Object.fromEntries(tables.map((n) => [n, t.count(n)]));
    const refused = await t.fail('tokens.issue', { patientId: sita.id, departmentCode: 'MED' });
    expect(refused).toMatchObject({
      code: 'CLOCK_BEHIND',
      message: expect.stringMatching(/clock says 24 Nov 2026.*already dated a record 25 Nov 2026.*Correct the date and time/),
      details: { clockDay: '2026-11-24', latestDay: '2026-11-25', latestAt: first.issuedAt },
    });
    expect(await t.fail('patients.register', { name: 'Gita Devi', gender: 'female', ageYears: 33 })).toMatchObject({
      code: 'CLOCK_BEHIND',
    });
    expect(Object.fromEntries(tables.map((n) => [n, t.count(n)]))).toEqual(counts);

    const status = await t.call('clock.status', {});
    expect(status).toMatchObject({ ok: false, canIssue: false, problems: [{ kind: 'behind_records', latestDay: '2026-11-25' }] });

    // The clock is put right: everything works again and the day's numbers carry on.
    t.clock.advance(DAY + 60_000);
    const next = await t.call('tokens.issue', { patientId: sita.id, departmentCode: 'MED' });
    expect(next.label).toBe('A-002');
    expect((await t.call('clock.status', {})).ok).toBe(true);
  });

  it('a UHID year never goes back: registered on 1 January, the clock back on 31 December is refused', async () => {
    const t = counter();
    t.clock.current = new Date('2027-01-01T03:00:00.000Z');
    const p = await t.call('patients.register', { ...RAM });
    expect(p.uhid).toMatch(/^GH-A27-/);
    t.clock.current = new Date('2026-12-31T12:00:00.000Z');
    expect(await t.fail('patients.register', { name: 'Late Year', gender: 'male', ageYears: 20 })).toMatchObject({
      code: 'CLOCK_BEHIND',
    });
  });

  it('by seconds (an NTP correction): still issues, dated at the latest instant, never before it', async () => {
    const t = counter();
    const ram = await t.call('patients.register', { ...RAM });
    const first = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    t.clock.advance(-30_000);
    const second = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'ENT' });
    expect(second.issuedAt).toBe(first.issuedAt);
    const queue = await t.call('tokens.list', { date: '2026-11-25' });
    expect(queue.map((q) => q.label)).toEqual([first.label, second.label]);
    expect((await t.call('clock.status', {})).ok).toBe(true);
  });

  it('after it ran ahead: an administrator accepts the clock as it is, and the counter issues again', async () => {
    const t = counter();
    const ram = await t.call('patients.register', { ...RAM });
    t.clock.advance(400 * DAY); // someone typed next year
    await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    t.clock.advance(-400 * DAY);
    expect(await t.fail('tokens.issue', { patientId: ram.id, departmentCode: 'ENT' })).toMatchObject({ code: 'CLOCK_BEHIND' });
    expect((await t.fail('clock.accept', {})).code).toBe('VALIDATION_FAILED');
    const accepted = await t.call('clock.accept', { confirm: true });
    expect(accepted).toMatchObject({ ok: true, canIssue: true });
    await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'ENT' });
    const audit = await t.call('audit.list', { limit: 5 });
    expect(audit.entries.map((e) => e.action)).toContain('clock.accept');
  });

  it('a database from before the mark existed takes the mark from what it holds', async () => {
    const before = Math.max(
      ...loadMigrations(migrationsDir())
        .map((m) => m.version)
        .filter((v) => v < 110),
    );
    const dir = tempDir();
    const old = openDatabase(join(dir, 'counter.sqlite'), { targetVersion: before });
    old
      .prepare(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES ('2026-12-02T06:00:00.000Z', 'x', 'auth.signIn', 'clerk', 'x')",
      )
      .run();
    old.prepare("INSERT INTO sequences (name, last_value) VALUES ('uhid:A:2026', 7)").run();
    old.close();
    const t = counter(undefined, dir);
    expect(readWatermark(t.core.db)).toEqual({ latestAt: '2026-12-02T06:00:00.000Z', latestDay: '2026-12-02' });
    // The test clock (25 Nov) is behind that: no registration.
    expect(await t.fail('patients.register', { ...RAM })).toMatchObject({ code: 'CLOCK_BEHIND' });
  });
});

describe('a clock that cannot be trusted is shown', () => {
  it('jumped while running: measured against monotonic time, pushed as an event', async () => {
    let mono = 0;
    const t = counter(() => mono);
    const pushed: CoreEvent[] = [];
    t.core.events.subscribe((e) => pushed.push(e));
    t.core.ops.clock.tick();
    mono += 30_000;
    t.clock.advance(30_000);
    t.core.ops.clock.tick();
    expect((await t.call('clock.status', {})).ok).toBe(true);
    mono += 30_000;
    t.clock.advance(2 * 3_600_000 + 30_000); // the wall clock moved two hours in thirty seconds
    t.core.ops.clock.tick();
    const status = await t.call('clock.status', {});
    expect(status.problems).toEqual([expect.objectContaining({ kind: 'jumped', byMinutes: 120 })]);
    expect(pushed.filter((e) => e.name === 'clock.status').at(-1)?.payload).toEqual(status);
    // Shown for half an hour, then the records speak for themselves.
    mono += 31 * 60_000;
    t.clock.advance(31 * 60_000);
    t.core.ops.clock.tick();
    expect((await t.call('clock.status', {})).ok).toBe(true);
  });

  it('off from the HIMS by more than two minutes (its Date header, from the real development server)', async () => {
    const hims = await startHims();
    try {
      const t = counter();
      await connect(t, hims.baseUrl);
      t.clock.current = new Date(Date.now() + 3 * 3_600_000);
      await t.core.sync.engine.runOnce();
      const off = await t.call('clock.status', {});
      expect(off.problems).toEqual([expect.objectContaining({ kind: 'differs', source: 'hims', byMinutes: 180 })]);
      t.clock.current = new Date();
      await t.core.sync.engine.runOnce();
      expect((await t.call('clock.status', {})).ok).toBe(true);
    } finally {
      await hims.close();
    }
  });

  it('off from a peer counter (the function issue 10’s peers will call)', async () => {
    const t = counter();
    const now = t.clock.now();
    t.core.ops.clock.observePeerTime('counter-C', new Date(now.getTime() - 5 * 60_000), now);
    const status: ClockStatus = await t.call('clock.status', {});
    expect(status.problems).toEqual([
      { kind: 'differs', source: 'peer', peer: 'counter-C', byMinutes: 5, at: now.toISOString() },
    ]);
    t.core.ops.clock.observePeerTime('counter-C', new Date(now.getTime() - 60_000), now);
    expect((await t.call('clock.status', {})).ok).toBe(true);
  });
});
