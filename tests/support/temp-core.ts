// A core on a fresh SQLite file in a temp folder, with a clock the test sets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../preload/contract/methods';
import type { CallError } from '../../preload/contract/errors';
import type { CounterSettings } from '../../main/config/counter-identity';
import { createCore, type Core, type CoreOptions } from '../../main/core/create-core';

export function tempDir(prefix = 'hims-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export class TestClock {
  constructor(public current = new Date('2026-11-25T04:30:00.000Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestCore {
  core: Core;
  clock: TestClock;
  dataDir: string;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  fail(method: string, input: unknown): Promise<CallError>;
  count(table: string): number;
  dispose(): void;
}

/** Everything else a test may set on the core (printing time-outs, sync, secrets …). */
export type TestCoreOptions = Omit<CoreOptions, 'dataDir' | 'shell' | 'settings' | 'clock'>;

/** Who a test counter is unless the test says otherwise (as an IT officer's counter.json would). */
export const TEST_IDENTITY = { hospitalName: 'Government Hospital', hospitalCode: 'GH', counterLetter: 'A' } as const;

/**
 * A core on a fresh data folder. `settings` are given as start-up
 * configuration on top of TEST_IDENTITY; null starts a counter that has not
 * been set up (first run).
 */
export function startTestCore(
  settings: CounterSettings | null = {},
  dataDir = tempDir(),
  options: TestCoreOptions = {},
): TestCore {
  const clock = new TestClock();
  const given = settings === null ? {} : { ...TEST_IDENTITY, ...settings };
  const core = createCore({ log: () => {}, ...options, dataDir, shell: 'browser', settings: given, clock });
  return {
    core,
    clock,
    dataDir,
    async call(method, input) {
      const result = await core.registry.dispatch(method, input, { kind: 'trusted', actor: 'test' });
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async fail(method, input) {
      const result = await core.registry.dispatch(method, input, { kind: 'trusted', actor: 'test' });
      if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
      return result.error;
    },
    count: (table) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    dispose() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const RAM = {
  name: 'Ram Kumar',
  gender: 'male',
  ageYears: 45,
  phone: '9876543210',
  guardianName: 'Shyam Lal',
  guardianRelation: 'S/o',
  address: { line: '12 Gali No. 3, Seelampur', district: 'North East Delhi', state: 'Delhi', pincode: '110053' },
} as const;
