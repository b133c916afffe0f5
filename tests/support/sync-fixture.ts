// A counter core wired to a development HIMS (optionally through the fault
// proxy), with the engine driven by hand: each round's back-off is "slept" by
// moving the test clock, never by waiting.
import type { Encounter, Patient as FhirPatient, Resource } from '@medplum/fhirtypes';
import { afterEach } from 'vitest';
import { startHimsServer, type HimsServer } from '../../main/hims-dev/hims-server';
import type { RoundOutcome } from '../../main/sync/sync-engine';
import { startTestCore, type TestCore } from './temp-core';

export async function startHims(): Promise<HimsServer> {
  return startHimsServer({ port: 0 });
}

/** Counters and HIMS servers made during a test, all closed after it. */
export function syncSceneEachTest() {
  const counters: TestCore[] = [];
  const servers: HimsServer[] = [];
  afterEach(async () => {
    counters.splice(0).forEach((c) => c.dispose());
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return {
    counter: (letter = 'A'): TestCore => {
      const c = startTestCore({ counterLetter: letter });
      counters.push(c);
      return c;
    },
    hims: async (): Promise<HimsServer> => {
      const server = await startHims();
      servers.push(server);
      return server;
    },
  };
}

export async function connect(
  counter: TestCore,
  baseUrl: string,
  extra: { timeoutMs?: number; batchSize?: number } = {},
): Promise<void> {
  await counter.call('sync.saveSettings', {
    enabled: true,
    baseUrl,
    authKind: 'none',
    timeoutMs: extra.timeoutMs ?? 15_000,
    batchSize: extra.batchSize ?? 100,
  });
}

/** Runs rounds until the engine has nothing more to do now (or `maxRounds`). */
export async function drain(counter: TestCore, maxRounds = 500): Promise<RoundOutcome[]> {
  const rounds: RoundOutcome[] = [];
  for (let i = 0; i < maxRounds; i++) {
    const outcome = await counter.core.sync.engine.runOnce();
    rounds.push(outcome);
    if (outcome.state === 'idle' && outcome.nextInMs !== 0) return rounds;
    counter.clock.advance(outcome.nextInMs ?? 0);
  }
  throw new Error(`not drained after ${maxRounds} rounds: ${JSON.stringify(counter.core.sync.engine.status())}`);
}

export async function allOf<T extends Resource>(hims: HimsServer, type: T['resourceType']): Promise<T[]> {
  return await hims.repo.searchResources({ resourceType: type });
}

export type { Encounter, FhirPatient, HimsServer, TestCore };
export { startTestCore };
