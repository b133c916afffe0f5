// Sync bench, on the development HIMS on loopback:
//  1. push a 10,000-change backlog: transaction Bundles of 100 vs one request
//     per resource — same backlog (a copied database), same server code, same
//     run, same idempotency (conditional creates, If-Match updates);
//  2. pull throughput into the local cache (seeding from an empty counter);
//  3. register + issue latency with the HIMS up and syncing vs unplugged.
// SYNC_BENCH_BACKLOG=2000 npm run bench -- --only sync   for a quick run.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, DATABASE_FILE, type Core } from '../../main/core/create-core';
import { startHimsServer } from '../../main/hims-dev/hims-server';
import { toFhirPatient } from '../../main/fhir/patient-mapping';
import { createHimsClient } from '../../main/sync/hims-client';
import { pullPatients } from '../../main/sync/pull';
import { pushOnce } from '../../main/sync/push';
import { readSettings } from '../../main/sync/sync-store';
import { TEST_IDENTITY, tempDir } from '../support/temp-core';
import type { BenchOptions, BenchReport } from './bench-runner';
import { measure, printTable } from './stats';

const ctx = { kind: 'trusted', actor: 'bench' } as const;
const DEPTS = ['MED', 'SURG', 'EYE'];

async function call(core: Core, method: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await core.registry.dispatch(method, input, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

/** A backlog of `changes` outbox rows: one patient per three tokens. */
async function buildBacklog(dir: string, changes: number): Promise<void> {
  const core = createCore({ dataDir: dir, shell: 'browser', settings: TEST_IDENTITY, log: () => {} });
  let rows = 0;
  for (let i = 0; rows < changes; i++) {
    const p = await call(core, 'patients.register', {
      name: `Bench Patient ${i}`,
      gender: 'male',
      ageYears: 30 + (i % 50),
      phone: `96${String(i).padStart(8, '0')}`,
      confirmNotDuplicate: true,
    });
    rows++;
    for (const d of DEPTS) {
      if (rows >= changes) break;
      await call(core, 'tokens.issue', { patientId: p.id, departmentCode: d });
      rows++;
    }
  }
  core.close();
}

async function drainPush(
  dir: string,
  mode: 'bundle' | 'single',
): Promise<{ seconds: number; sent: number; resourcesAtHims: number }> {
  const hims = await startHimsServer();
  const core = createCore({ dataDir: dir, shell: 'browser', settings: TEST_IDENTITY, log: () => {} });
  try {
    await call(core, 'sync.saveSettings', { enabled: true, baseUrl: hims.baseUrl, batchSize: 100 });
    const client = createHimsClient(readSettings(core.db), { bearerToken: null, clientSecret: null }, () => new Date());
    const now = () => new Date().toISOString();
    let sent = 0;
    const start = process.hrtime.bigint();
    for (let round = 0; round < 100_000; round++) {
      const r = await pushOnce(core.db, client, { batchSize: 100, mode, now });
      sent += r.sent;
      if (r.sent + r.reviewed === 0) break;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const resourcesAtHims =
      (await hims.repo.searchResources({ resourceType: 'Patient' })).length +
      (await hims.repo.searchResources({ resourceType: 'Encounter' })).length;
    return { seconds, sent, resourcesAtHims };
  } finally {
    core.close();
    await hims.close();
  }
}

async function pullBench(count: number): Promise<{ seconds: number; received: number }> {
  const hims = await startHimsServer();
  for (let i = 0; i < count; i++) {
    await hims.repo.createResource(
      toFhirPatient({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        uhid: `XHA26${String(i).padStart(6, '0')}0`,
        name: `Remote Patient ${i}`,
        nameOtherScript: null,
        gender: 'female',
        dateOfBirth: '1990-01-01',
        dobEstimated: false,
        phone: `95${String(i).padStart(8, '0')}`,
        guardianName: null,
        guardianRelation: null,
        addressLine: null,
        district: null,
        state: null,
        pincode: null,
        abhaNumber: null,
        abhaAddress: null,
      }),
    );
  }
  const dir = tempDir('hims-bench-pull-');
  const core = createCore({ dataDir: dir, shell: 'browser', settings: TEST_IDENTITY, log: () => {} });
  try {
    await call(core, 'sync.saveSettings', { enabled: true, baseUrl: hims.baseUrl });
    const client = createHimsClient(readSettings(core.db), { bearerToken: null, clientSecret: null }, () => new Date());
    const start = process.hrtime.bigint();
    let received = 0;
    for (;;) {
      const r = await pullPatients(core.db, client, { pageSize: 500, maxPages: 10, now: () => new Date().toISOString() });
      received += r.received;
      if (r.done) break;
    }
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, received };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
    await hims.close();
  }
}

/** Register + issue, timed, while the engine runs in the background against `baseUrl`. */
async function counterLatency(label: string, baseUrl: string, backlog: number) {
  const dir = tempDir('hims-bench-latency-');
  await buildBacklog(dir, backlog); // the engine has real work meanwhile
  const core = createCore({
    dataDir: dir,
    shell: 'browser',
    settings: TEST_IDENTITY,
    log: () => {},
    sync: { autoStart: true, idlePollMs: 50 },
  });
  await call(core, 'sync.saveSettings', { enabled: true, baseUrl, timeoutMs: 2000 });
  let i = 0;
  try {
    return await measure(`register + issue, HIMS ${label}`, 400, async () => {
      const p = await call(core, 'patients.register', {
        name: `Latency ${label} ${i}`,
        gender: 'female',
        ageYears: 33,
        phone: `93${String(i++).padStart(8, '0')}`,
        confirmNotDuplicate: true,
      });
      await call(core, 'tokens.issue', { patientId: p.id, departmentCode: 'MED' });
    });
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(_options: BenchOptions): Promise<BenchReport> {
  const backlog = Number(process.env.SYNC_BENCH_BACKLOG ?? 10_000);
  const a = tempDir('hims-bench-push-');
  const b = tempDir('hims-bench-push-');
  await buildBacklog(a, backlog);
  copyFileSync(join(a, DATABASE_FILE), join(b, DATABASE_FILE));
  const bundles = await drainPush(a, 'bundle');
  const single = await drainPush(b, 'single');
  rmSync(a, { recursive: true, force: true });
  rmSync(b, { recursive: true, force: true });
  const pull = await pullBench(backlog);

  const hims = await startHimsServer();
  const up = await counterLatency('up', hims.baseUrl, 2000);
  await hims.close();
  const down = await counterLatency('unplugged', 'http://127.0.0.1:9/fhir', 2000);

  const bundleRate = backlog / bundles.seconds;
  const singleRate = backlog / single.seconds;
  const pullRate = pull.received / pull.seconds;
  console.log(`\n${'measure'.padEnd(44)} ${'changes'.padStart(8)} ${'seconds'.padStart(8)} ${'per s'.padStart(8)}`);
  console.log(
    `${'push, transaction Bundles of 100'.padEnd(44)} ${String(backlog).padStart(8)} ${bundles.seconds.toFixed(2).padStart(8)} ${bundleRate.toFixed(0).padStart(8)}`,
  );
  console.log(
    `${'push, one request per resource'.padEnd(44)} ${String(backlog).padStart(8)} ${single.seconds.toFixed(2).padStart(8)} ${singleRate.toFixed(0).padStart(8)}`,
  );
  console.log(
    `${'pull into the cache (pages of 500)'.padEnd(44)} ${String(pull.received).padStart(8)} ${pull.seconds.toFixed(2).padStart(8)} ${pullRate.toFixed(0).padStart(8)}`,
  );
  console.log(`bundles / one-by-one: ${(bundleRate / singleRate).toFixed(2)}x (budget ≥ 3x)`);
  printTable([up, down]);

  const missed: string[] = [];
  if (bundles.resourcesAtHims !== backlog || single.resourcesAtHims !== backlog)
    missed.push(`HIMS holds ${bundles.resourcesAtHims} / ${single.resourcesAtHims} resources, not ${backlog}`);
  if (bundleRate < 3 * singleRate) missed.push(`bundles only ${(bundleRate / singleRate).toFixed(2)}x one-by-one`);
  // "The same time": within 25% or 1 ms at the median, whichever is looser (timings on shared cores are noisy).
  if (up.p50Ms > Math.max(down.p50Ms * 1.25, down.p50Ms + 1))
    missed.push(`register+issue p50 ${up.p50Ms.toFixed(2)} ms with the HIMS up vs ${down.p50Ms.toFixed(2)} ms unplugged`);
  return {
    name: 'sync',
    data: {
      backlog,
      bundles: { ...bundles, perSecond: bundleRate },
      single: { ...single, perSecond: singleRate },
      pull: { ...pull, perSecond: pullRate },
      latency: { up, down },
    },
    missed,
  };
}
