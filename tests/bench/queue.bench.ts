// The queue in the core: "call next" at a department with 500 waiting (the
// room's current patient finished and the next one called, durably, in one
// transaction), as a signed-in doctor's room screen calls it through the
// access gate; under each queue rule. Also what the room screen and the board
// read after every push. After each measured call a new patient is issued
// (not timed), so 500 always wait and today's history keeps growing, as at
// a busy OPD. Moves commit without an fsync (docs/decisions.md "The queue");
// the reference row is a one-row fully durable commit in the same run, the
// floor this machine's disk and load put under any write.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { SessionGrant } from '../../preload/contract/methods/auth-schemas';
import type { QueueRule } from '../../preload/contract/queue-rule';
import { createCore, type Core } from '../../main/core/create-core';
import type { Caller } from '../../main/core/registry';
import { tempDir } from '../support/temp-core';
import type { BenchOptions, BenchReport } from './bench-runner';
import { printTable, summarise, type Result } from './stats';

const WAITING = 500;
const CALLS = 1000;
const WARM_UP = 20;
const BUDGET_CALL_NEXT_P99_MS = 5;
const PRIORITIES = ['none', 'none', 'none', 'none', 'senior', 'none', 'pregnant', 'none', 'divyang', 'none'] as const;

async function ok<T>(core: Core, method: string, input: unknown, caller: Caller): Promise<T> {
  const result = await core.registry.dispatch(method, input, caller);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Patients straight into the table (registration is measured elsewhere). */
function seedPatients(core: Core, count: number): string[] {
  const insert = core.db.prepare(
    `INSERT INTO patients (id, uhid, name, gender, date_of_birth, dob_estimated, origin_counter, created_at, updated_at)
     VALUES (?, ?, ?, 'other', '1980-01-01', 1, 'A', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  const ids = Array.from({ length: count }, () => randomUUID());
  core.db.transaction(() => ids.forEach((id, i) => insert.run(id, `BENCH${String(i).padStart(8, '0')}`, `Queue Patient ${i}`)))();
  return ids;
}

async function timed(runs: number, work: () => Promise<unknown>, between: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= WARM_UP) times.push(ms);
    await between();
    // Let timers run between calls, as between a real server's requests (the WAL checkpointer, main/db/checkpointer.ts).
    await new Promise((r) => setImmediate(r));
  }
  return times.sort((a, b) => a - b);
}

async function scenario(rule: Partial<QueueRule>, label: string): Promise<Result[]> {
  const dataDir = tempDir('hims-bench-queue-');
  const core = createCore({ dataDir, shell: 'browser', settings: { counterLetter: 'A' }, log: console.error });
  try {
    const trusted: Caller = { kind: 'trusted', actor: 'bench' };
    const grant = await ok<SessionGrant>(
      core,
      'auth.setup',
      { username: 'bench.doctor', displayName: 'Bench Doctor', password: 'a long bench passphrase' },
      { kind: 'desk', session: null },
    );
    const doctor: Caller = { kind: 'desk', session: grant.token };
    await ok(core, 'departments.update', { code: 'MED', rooms: ['101', '102', '103'], queueRule: rule }, trusted);
    const patients = seedPatients(core, WAITING + WARM_UP + CALLS + 10);
    let next = 0;
    const issue = () =>
      ok(core, 'tokens.issue', { patientId: patients[next]!, departmentCode: 'MED', priority: PRIORITIES[next++ % 10] }, trusted);
    for (let i = 0; i < WAITING; i++) await issue();
    const rooms = ['101', '102', '103'];
    let call = 0;
    const callNext = await timed(
      CALLS,
      () => ok(core, 'queue.callNext', { moveId: randomUUID(), departmentCode: 'MED', room: rooms[call++ % 3] }, doctor),
      issue,
    );
    // The floor under every durable write on this machine at this moment: one row, BEGIN IMMEDIATE, fsync'd COMMIT.
    const touch = core.db.prepare(
      "INSERT INTO settings (key, value) VALUES ('bench', '0') ON CONFLICT DO UPDATE SET value = value + 1",
    );
    const floor = await timed(
      CALLS,
      () => Promise.resolve(core.db.transaction(() => touch.run()).immediate()),
      async () => {},
    );
    const list = await timed(
      200,
      () => ok(core, 'queue.list', { departmentCode: 'MED', room: '101', limit: 40 }, doctor),
      async () => {},
    );
    const board = await timed(
      200,
      () => ok(core, 'queue.board', { departmentCodes: ['MED'] }, trusted),
      async () => {},
    );
    return [
      summarise(`call next, ${WAITING} waiting, ${label}`, callNext, BUDGET_CALL_NEXT_P99_MS),
      summarise(`  reference: one durable one-row commit, same run`, floor),
      summarise(`room screen's queue.list (first 40 of ${WAITING}), ${label}`, list),
      summarise(`board's queue.board, ${label}`, board),
    ];
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(_options: BenchOptions): Promise<BenchReport> {
  const results = [
    ...(await scenario({ priority: 'ahead', rooms: 'shared' }, 'priority ahead, shared')),
    ...(await scenario({ priority: 'interleave', interleaveEvery: 3, rooms: 'shared' }, 'one in 3, shared')),
    ...(await scenario({ priority: 'interleave', interleaveEvery: 3, rooms: 'per_room' }, 'one in 3, per room')),
  ];
  printTable(results);
  return {
    name: 'queue',
    data: { waiting: WAITING, calls: CALLS, results },
    missed: results.filter((r) => r.budgetOk === false).map((r) => r.name),
  };
}
