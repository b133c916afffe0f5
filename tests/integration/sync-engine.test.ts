// The engine's state machine, back-off, settings and "test connection", on
// real loopback servers.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../main/sync/backoff';
import { startHimsServer, type HimsServer } from '../../main/hims-dev/hims-server';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { RAM, startTestCore, type TestCore } from '../support/temp-core';
import { allOf, drain } from '../support/sync-fixture';

let hims: HimsServer | undefined;
let proxy: FaultProxy | undefined;
let blackHole: Server | undefined;
const counters: TestCore[] = [];
afterEach(async () => {
  counters.splice(0).forEach((c) => c.dispose());
  await proxy?.close();
  await hims?.close();
  blackHole?.close();
  proxy = hims = blackHole = undefined;
});
function counter(): TestCore {
  const c = startTestCore();
  counters.push(c);
  return c;
}

describe('sync engine', () => {
  it('is disabled until configured, and a fresh core never starts syncing by itself', async () => {
    const c = counter();
    await c.call('patients.register', { ...RAM });
    expect(await c.call('sync.status', {})).toMatchObject({
      state: 'disabled',
      pending: 1,
      lastSuccessAt: null,
      oldestPendingAgeSeconds: 0,
    });
    c.clock.advance(90_000);
    expect((await c.call('sync.status', {})).oldestPendingAgeSeconds).toBe(90);
    expect(await c.call('sync.now', {})).toMatchObject({ state: 'disabled', pending: 1 });
  });

  it('goes offline with growing, jittered back-off, honours Retry-After, and recovers', async () => {
    hims = await startHimsServer();
    proxy = await startFaultProxy({ target: hims.baseUrl, faults: { '503': 1 }, retryAfterSeconds: 30 });
    const c = counter();
    await c.call('patients.register', { ...RAM });
    await c.call('sync.saveSettings', { enabled: true, baseUrl: proxy.url, timeoutMs: 2000 });
    const first = await c.core.sync.engine.runOnce();
    expect(first.state).toBe('offline');
    expect(first.nextInMs).toBeGreaterThanOrEqual(30_000);
    proxy.setFaults({ 'drop-request': 1 });
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) delays.push((await c.core.sync.engine.runOnce()).nextInMs!);
    expect(delays[5]!).toBeGreaterThan(delays[0]!);
    const status = await c.call('sync.status', {});
    expect(status).toMatchObject({ state: 'offline', pending: 1 });
    expect(status.lastError).toMatch(/cut|reach/i);
    expect(c.core.db.prepare('SELECT attempts FROM outbox').get()).toMatchObject({ attempts: 7 });
    proxy.heal();
    await drain(c);
    expect(await c.call('sync.status', {})).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('back-off doubles up to a cap, half fixed and half random', () => {
    expect(backoffDelay(1, () => 0)).toBe(1000);
    expect(backoffDelay(1, () => 0.999_999)).toBe(2000);
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(30, () => 1)).toBe(300_000);
    expect(backoffDelay(1, () => 0, undefined, 45_000)).toBe(45_000);
  });

  it('registers and issues while the HIMS hangs: the counter never waits on the network', async () => {
    blackHole = createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => blackHole!.listen(0, '127.0.0.1', r));
    const c = counter();
    await c.call('sync.saveSettings', {
      enabled: true,
      baseUrl: `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/fhir`,
      timeoutMs: 1500,
    });
    await c.call('patients.register', { ...RAM });
    let settled = false;
    const round = c.core.sync.engine.runOnce().finally(() => (settled = true));
    const p = await c.call('patients.register', { name: 'Geeta Rani', gender: 'female', ageYears: 40 });
    const t = await c.call('tokens.issue', { patientId: p.id, departmentCode: 'MED' });
    expect(t.label).toBe('A-001');
    expect(settled).toBe(false);
    expect((await c.call('sync.status', {})).state).toBe('syncing');
    expect((await round).state).toBe('offline');
  });

  it('sync.now answers after a round that started after the call, not the round already running', async () => {
    hims = await startHimsServer();
    const c = counter();
    await c.call('sync.saveSettings', { enabled: true, baseUrl: hims.baseUrl });
    await c.call('patients.register', { ...RAM });
    // This round has read the outbox (one patient) and is waiting on the HIMS.
    const running = c.core.sync.engine.runOnce();
    await c.call('patients.register', { name: 'Geeta Rani', gender: 'female', ageYears: 40 });
    const answer = await c.call('sync.now', {});
    expect(await running).toMatchObject({ pushed: 1 });
    expect(answer).toMatchObject({ state: 'idle', pending: 0 });
    expect(await allOf(hims, 'Patient')).toHaveLength(2);
  });

  it('saves settings with secrets kept out of the answer, and tests the connection with OAuth2', async () => {
    hims = await startHimsServer({ auth: { client: { id: 'counter-a', secret: 'top-secret' } } });
    const c = counter();
    const tokenUrl = hims.baseUrl.replace(/\/fhir$/, '/oauth2/token');
    const saved = await c.call('sync.saveSettings', {
      enabled: true,
      baseUrl: hims.baseUrl,
      authKind: 'client_credentials',
      tokenUrl,
      clientId: 'counter-a',
      clientSecret: 'wrong',
    });
    expect(saved).toMatchObject({ hasClientSecret: true, hasBearerToken: false });
    expect(JSON.stringify(saved)).not.toContain('wrong');
    const refused = await c.call('sync.testConnection', {});
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/client id or secret/);
    await c.call('sync.saveSettings', {
      enabled: true,
      baseUrl: hims.baseUrl,
      authKind: 'client_credentials',
      tokenUrl,
      clientId: 'counter-a',
      clientSecret: 'top-secret',
    });
    expect(await c.call('sync.testConnection', {})).toMatchObject({ ok: true, fhirVersion: '4.0.1' });
    await c.call('patients.register', { ...RAM });
    await drain(c);
    expect(await c.call('sync.status', {})).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('names a wrong address in words and refuses a bad CA certificate', async () => {
    const c = counter();
    const bad = await c.fail('sync.saveSettings', { enabled: true, baseUrl: 'ftp://example', caPem: 'not a cert' });
    expect(bad.code).toBe('VALIDATION_FAILED');
    await c.call('sync.saveSettings', { enabled: true, baseUrl: 'http://127.0.0.1:9/fhir', timeoutMs: 1000 });
    const test = await c.call('sync.testConnection', {});
    expect(test).toMatchObject({ ok: false });
    expect(test.message).toMatch(/not reachable/);
  });

  it('reads the outbox, the id map and the review list by index (EXPLAIN QUERY PLAN)', () => {
    const c = counter();
    const plan = (text: string, ...args: unknown[]) =>
      (c.core.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(
      plan(`SELECT o.seq FROM outbox o WHERE o.sent_at IS NULL AND NOT EXISTS
      (SELECT 1 FROM sync_review r WHERE r.resolved_at IS NULL AND r.entity = o.entity AND r.local_id = o.entity_id) ORDER BY o.seq LIMIT 10`),
    ).toMatch(/USING INDEX outbox_pending.*USING (COVERING )?INDEX sync_review_open/);
    expect(
      plan(
        'UPDATE outbox SET sent_at = 1 WHERE entity = ? AND entity_id = ? AND seq <= ? AND sent_at IS NULL',
        'patient',
        'x',
        9,
      ),
    ).toMatch(/outbox_pending_entity/);
    expect(plan('SELECT local_id FROM sync_remote WHERE entity = ? AND remote_id = ?', 'patient', 'x')).toMatch(
      /sync_remote_by_remote/,
    );
    expect(plan('SELECT remote_id FROM sync_remote WHERE entity = ? AND local_id = ?', 'patient', 'x')).toMatch(/PRIMARY KEY/);
  });
});
