// Two counters given one letter hand out the same UHIDs and token labels.
// Each counter keeps a FHIR Device at the HIMS (main/sync/counter-device.ts)
// and asks it whether another active counter of the hospital has its letter.
import type { Device } from '@medplum/fhirtypes';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SYSTEMS } from '../../main/fhir/systems';
import { allOf, connect, drain, syncSceneEachTest, type TestCore } from '../support/sync-fixture';

const scene = syncSceneEachTest();

const letterCheck = async (c: TestCore) => (await c.call('counter.info', {})).letterCheck;

async function recheck(c: TestCore) {
  c.core.sync.engine.recheckCounter();
  await drain(c);
}

describe('the HIMS check of a counter letter', () => {
  it('finds another counter with the same letter, on both counters, and not for a counter with its own letter', async () => {
    const hims = await scene.hims();
    const first = scene.counter('B');
    const second = scene.counter('B');
    const other = scene.counter('C');
    for (const c of [first, second, other]) {
      await connect(c, hims.baseUrl);
      await drain(c);
    }
    const devices = await allOf<Device>(hims, 'Device');
    expect(devices.map((d) => d.identifier?.find((i) => i.system === SYSTEMS.counterLetter)?.value).sort()).toEqual([
      'GH-B',
      'GH-B',
      'GH-C',
    ]);

    expect(await letterCheck(second)).toMatchObject({
      state: 'duplicate',
      reason: null,
      otherCounters: [{ counterId: first.core.context.identity.counterId, name: 'Government Hospital — counter B' }],
    });
    expect(await letterCheck(other)).toMatchObject({ state: 'unique', otherCounters: [] });
    // The first counter checked before the second existed; its next check sees it.
    expect((await letterCheck(first)).state).toBe('unique');
    await recheck(first);
    expect(await letterCheck(first)).toMatchObject({
      state: 'duplicate',
      otherCounters: [{ counterId: second.core.context.identity.counterId }],
    });

    // Rechecking makes no new Device (one per counter, found by its own id).
    expect(await allOf<Device>(hims, 'Device')).toHaveLength(3);
  });

  it('forgets a counter the HIMS retired (Device inactive)', async () => {
    const hims = await scene.hims();
    const old = scene.counter('B');
    const replacement = scene.counter('B');
    await connect(old, hims.baseUrl);
    await drain(old);
    await connect(replacement, hims.baseUrl);
    await drain(replacement);
    expect((await letterCheck(replacement)).state).toBe('duplicate');

    const oldId = old.core.context.identity.counterId;
    const device = (await allOf<Device>(hims, 'Device')).find((d) =>
      d.identifier?.some((i) => i.system === SYSTEMS.counterId && i.value === oldId),
    )!;
    await hims.repo.updateResource<Device>({ ...device, status: 'inactive' });
    await recheck(replacement);
    expect(await letterCheck(replacement)).toMatchObject({ state: 'unique', otherCounters: [] });
  });

  it('says it could not check when the HIMS is not set up or not reachable', async () => {
    const c = scene.counter('B');
    expect(await letterCheck(c)).toMatchObject({ state: 'unchecked', reason: 'hims_not_configured', checkedAt: null });

    // A port nobody listens on: the round ends offline, the check never ran.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await connect(c, `http://127.0.0.1:${port}/fhir/R4`, { timeoutMs: 1000 });
    const outcome = await c.core.sync.engine.runOnce();
    expect(outcome.state).toBe('offline');
    expect(await letterCheck(c)).toMatchObject({ state: 'unchecked', reason: 'hims_not_reached' });
  });

  it('keeps the last answer through an outage, for the letter it was about', async () => {
    const hims = await scene.hims();
    const first = scene.counter('B');
    const second = scene.counter('B');
    for (const c of [first, second]) {
      await connect(c, hims.baseUrl);
      await drain(c);
    }
    await hims.close();
    expect(await letterCheck(second)).toMatchObject({ state: 'duplicate', checkedAt: expect.any(String) });
  });
});
