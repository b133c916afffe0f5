// The counter loop: lookups at 1,000,000 cached patients (UHID, phone, ABHA,
// name) beside a LIKE-scan baseline run on the same data in the same run,
// and durable tokens.issue, all as a signed-in clerk's window calls them;
// and what signing in costs.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionGrant } from '../../preload/contract/methods/auth-schemas';
import { createCore } from '../../main/core/create-core';
import type { Caller } from '../../main/core/registry';
import { formatUhid } from '../../main/patients/uhid';
import { TEST_IDENTITY, tempDir } from '../support/temp-core';
import { rng, seedCache, type SeededPatient } from './synthetic-patients';
import type { BenchOptions, BenchReport } from './bench-runner';
import { measure, printTable, type Result } from './stats';

/** The bench's clerk: measured calls go through the access gate as a counter window's do. */
const CLERK = { username: 'bench.clerk', displayName: 'Bench Clerk', password: 'a long bench passphrase' };

// Names of people not yet in the cache: at a big OPD a large share of the
// day's patients are new, and the clerk types each of their names into the
// search box (results as you type) before registering them.
const NEW_NAMES = [
  'tenzin norbu',
  'xavier dsouza',
  'lalremruati',
  'oinam bembem',
  'phurba lama',
  'anbu selvan',
  'zubeen garg',
  'ngawang',
];

/**
 * Name queries a clerk would type: a word and the start of another, any
 * order, some Devanagari; every fourth one the name of a new patient.
 */
function nameQueries(sample: SeededPatient[], count: number): string[] {
  const random = rng(7);
  const queries: string[] = [];
  while (queries.length < count) {
    if (queries.length % 4 === 3) {
      const name = NEW_NAMES[queries.length % NEW_NAMES.length]!;
      queries.push(name.slice(0, 4 + (queries.length % 5)));
      continue;
    }
    const words = sample[Math.floor(random() * sample.length)]!.name.split(' ');
    const first = words[0]!;
    const last = words.at(-1)!;
    const style = queries.length % 4;
    if (style === 0) queries.push(`${first} ${last.slice(0, 2)}`);
    else if (style === 1) queries.push(`${last} ${first}`);
    else if (style === 2) queries.push(first.slice(0, 3));
    else queries.push(words.map((w) => w.slice(0, 4)).join(' '));
  }
  return queries;
}

/** The naive way: LIKE on every word, same semantics (word prefix, any order). */
function likeBaseline(db: ReturnType<typeof createCore>['db'], query: string) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const where = words.map(() => "(' ' || name) LIKE ?").join(' AND ');
  return db
    .prepare(`SELECT id, uhid, name FROM patients WHERE ${where} ORDER BY pk DESC LIMIT 20`)
    .all(...words.map((w) => `% ${w}%`));
}

export async function run(options: BenchOptions): Promise<BenchReport> {
  const PATIENTS = options.patients;
  const dataDir = tempDir('hims-bench-');
  const core = createCore({ dataDir, shell: 'browser', settings: TEST_IDENTITY, log: console.error });
  let caller: Caller = { kind: 'desk', session: null };
  const dispatch = async (method: string, input: unknown) => {
    const r = await core.registry.dispatch(method, input, caller);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value;
  };

  const { sample, seconds: seedSeconds } = seedCache(core.db, PATIENTS);

  const random = rng(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const withPhone = sample.filter((p) => p.phone);
  const withAbha = sample.filter((p) => p.abha);
  const names = nameQueries(sample, 1000);
  const results: Result[] = [];

  // Signed in as a counter window is: every measured call below passes the gate.
  caller = { kind: 'desk', session: ((await dispatch('auth.setup', CLERK)) as SessionGrant).token };
  const signIn = () => core.registry.dispatch('auth.signIn', { username: CLERK.username, password: CLERK.password }, caller);
  results.push(await measure('auth.signIn (argon2id verify)', 50, signIn, { p99Ms: 250 }));
  caller = {
    kind: 'desk',
    session: ((await dispatch('auth.signIn', { username: CLERK.username, password: CLERK.password })) as SessionGrant).token,
  };

  results.push(
    await measure('patients.search by UHID', 2000, () => dispatch('patients.search', { query: formatUhid(pick(sample).uhid) }), {
      p99Ms: 1,
    }),
  );
  results.push(
    await measure('patients.search by phone', 2000, () => dispatch('patients.search', { query: pick(withPhone).phone }), {
      p99Ms: 1,
    }),
  );
  results.push(
    await measure('patients.search by ABHA number', 2000, () => dispatch('patients.search', { query: pick(withAbha).abha }), {
      p99Ms: 1,
    }),
  );
  let n = 0;
  const fts = await measure(
    'patients.search by name (FTS5)',
    names.length,
    () => dispatch('patients.search', { query: names[n++ % names.length] }),
    { p99Ms: 10 },
  );
  results.push(fts);

  // Distinct patients, so no token is refused as a repeat; spread over departments.
  const patientIds = (core.db.prepare('SELECT id FROM patients ORDER BY pk DESC LIMIT 2100').all() as { id: string }[]).map(
    (r) => r.id,
  );
  const departments = ['MED', 'SURG', 'PAED', 'ENT', 'EYE'];
  let k = 0;
  results.push(
    await measure(
      'tokens.issue (durable, synchronous=FULL)',
      2000,
      () => {
        const i = k++;
        return dispatch('tokens.issue', { patientId: patientIds[i], departmentCode: departments[i % departments.length] });
      },
      { p99Ms: 5 },
    ),
  );

  // The LIKE baseline last: its full scans read the whole file again and again (gigabytes at 1,000,000
  // patients), and the durable token issue measured after them had a p99 tail (12 ms, against 3.4 ms
  // without them on this machine). The counter's own search never scans; what does read the whole file in
  // the product is the online backup, and its effect on issuing is measured in the ops bench.
  let m = 0;
  const likeCount = Math.min(names.length, PATIENTS >= 500_000 ? 80 : 200);
  const like = await measure('name, LIKE scan baseline (same queries)', likeCount, () =>
    Promise.resolve(likeBaseline(core.db, names[m++ % names.length]!)),
  );
  results.push(like);

  const speedup = { p50: like.p50Ms / fts.p50Ms, p99: like.p99Ms / fts.p99Ms, mean: like.meanMs / fts.meanMs };
  const dbBytes = statSync(join(dataDir, 'counter.sqlite')).size;
  printTable(results);
  // Judged on the tail, which is what a clerk waits for. LIKE's median is
  // flattered by common names, where ORDER BY pk DESC LIMIT 20 stops after a
  // few thousand rows; every new patient's name makes it read all of them.
  // A scan grows with the cache and the index barely does: the 20x budget is set for 1,000,000 patients.
  const budgetApplies = PATIENTS >= 1_000_000;
  const speedupOk = !budgetApplies || speedup.p99 >= 20;
  const verdict = budgetApplies ? (speedupOk ? 'OK' : 'MISSED') : 'not judged below 1,000,000 patients';
  console.log(
    `\nFTS vs LIKE speed-up: ${speedup.p99.toFixed(0)}x at p99 (budget 20x) ${verdict}; ` +
      `${speedup.mean.toFixed(0)}x on the mean, ${speedup.p50.toFixed(0)}x at p50`,
  );
  console.log(
    `database: ${(dbBytes / 1e6).toFixed(0)} MB for ${PATIENTS.toLocaleString('en-IN')} patients; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );

  core.close();
  rmSync(dataDir, { recursive: true, force: true });
  const missed = results.filter((r) => r.budgetOk === false).map((r) => r.name);
  if (!speedupOk) missed.push('FTS vs LIKE speed-up');
  return {
    name: 'counter-loop',
    data: {
      patients: PATIENTS,
      seedSeconds,
      databaseBytes: dbBytes,
      rssBytes: process.memoryUsage().rss,
      results,
      ftsVsLikeSpeedup: speedup,
    },
    missed,
  };
}
