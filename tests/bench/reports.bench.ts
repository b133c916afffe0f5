// The day's numbers at a big OPD: 90 days of 10,000 visits a day
// (900,000 tokens, 40% of them with a fee collected), seeded with bulk SQL in
// one transaction, then the 90-day census, fees and a month's HMIS figures
// through the contract, beside the same census counted straight from the
// tokens (what the summaries save), and tokens.issue with a fee on the full
// database (what the summary triggers cost each token).
// The summary triggers of migration 0130 fire for every seeded row, as they
// do for each token issued (about half the seeding time); before anything is
// timed the census is checked against a count of the tokens themselves.
import { rmSync } from 'node:fs';
import { createCore } from '../../main/core/create-core';
import type { Caller } from '../../main/core/registry';
import { TEST_IDENTITY, tempDir } from '../support/temp-core';
import type { BenchOptions, BenchReport } from './bench-runner';
import { measure, printTable, type Result } from './stats';
import { seedPatients } from './synthetic-patients';

const DAYS = 90;
const PER_DAY = 10_000;
const PATIENTS = 50_000;
const LAST_DAY = '2026-11-25';
const DEPARTMENTS = ['MED', 'SURG', 'PAED', 'OBG', 'ORTHO', 'ENT', 'EYE', 'DERM', 'PSY', 'DENT', 'CHEST', 'CARD'];

/** 900,000 tokens (and their fees) in one transaction, generated in SQL. */
function seedVisits(db: ReturnType<typeof createCore>['db'], firstDay: string): number {
  const start = performance.now();
  db.pragma('synchronous = OFF'); // seeding only; the measured calls run with FULL
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -400000'); // 400 MB while 900,000 rows go in, then back to the default
  let lap = performance.now();
  const step = (what: string) => {
    process.stderr.write(`  ${what}: ${((performance.now() - lap) / 1000).toFixed(1)} s\n`);
    lap = performance.now();
  };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO cash_shifts (id, clerk, counter_letter, business_date, opened_at, float_paise)
       VALUES ('bench-shift', 'bench', 'A', ?, ?, 0)`,
    ).run(firstDay, `${firstDay}T02:30:00.000Z`);
    const departments = DEPARTMENTS.map((d, i) => `SELECT ${i} AS k, '${d}' AS code`).join(' UNION ALL ');
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1),
         dept(k, code) AS (${departments})
       INSERT INTO tokens (id, patient_pk, department_code, visit_date, counter_letter, number, label, priority, visit_type,
         fee_category, status, issued_at)
       SELECT printf('%08x-0000-4000-8000-%012x', i / ${PER_DAY}, i),
         1 + (i * 7919) % ${PATIENTS},
         dept.code,
         date(?, '+' || (i / ${PER_DAY}) || ' days'),
         'A',
         (i % ${PER_DAY}) / ${DEPARTMENTS.length} + 1,
         printf('A-%03d', (i % ${PER_DAY}) / ${DEPARTMENTS.length} + 1),
         CASE i % 10 WHEN 0 THEN 'senior' WHEN 1 THEN 'pregnant' WHEN 2 THEN 'divyang' ELSE 'none' END,
         CASE WHEN i % 3 = 0 THEN 'follow_up' ELSE 'new' END,
         CASE i % 8 WHEN 0 THEN 'bpl' WHEN 1 THEN 'senior_citizen' ELSE 'general' END,
         'issued',
         strftime('%Y-%m-%dT%H:%M:%fZ', date(?, '+' || (i / ${PER_DAY}) || ' days'), '+150 minutes',
                  '+' || ((i % ${PER_DAY}) * 2) || ' seconds')
       FROM n JOIN dept ON dept.k = i % ${DEPARTMENTS.length}`,
    ).run(DAYS * PER_DAY, firstDay, firstDay);
    step('tokens (with their census)');
    // 5% cancelled, 2% transferred out (their census rows come from the update trigger).
    db.prepare("UPDATE tokens SET status = 'cancelled', cancelled_at = issued_at WHERE pk % 20 = 0").run();
    db.prepare("UPDATE tokens SET status = 'transferred', cancelled_at = issued_at WHERE pk % 50 = 1").run();
    db.prepare(
      `INSERT INTO token_sequences (department_code, visit_date, counter_letter, last_number)
       SELECT department_code, visit_date, counter_letter, max(number) FROM tokens GROUP BY 1, 2, 3`,
    ).run();
    step('cancels and transfers');
    // The rooms' calls: 90% called 0-3 hours after issue, 3% marked no-show (census triggers on both).
    db.prepare(
      `UPDATE tokens SET queue_status = 'called', first_called_at = strftime('%Y-%m-%dT%H:%M:%fZ', issued_at, '+' || ((pk * 37) % 180) || ' minutes')
       WHERE status = 'issued' AND pk % 10 <> 0`,
    ).run();
    db.prepare("UPDATE tokens SET queue_status = 'no_show' WHERE status = 'issued' AND pk % 33 = 0").run();
    step('calls and no-shows');
    // A fee on 40% of the visits: ₹10 collected (₹10 waived for BPL).
    db.prepare(
      `INSERT INTO token_charges (id, token_id, patient_pk, department_code, visit_date, counter_letter, basis, category,
         scheduled_paise, waived_paise, due_paise, clerk, created_at)
       SELECT 'c' || id, id, patient_pk, department_code, visit_date, 'A', CASE visit_type WHEN 'new' THEN 'new' ELSE 'revisit' END,
         fee_category, 1000,
         CASE fee_category WHEN 'general' THEN 0 ELSE 1000 END, CASE fee_category WHEN 'general' THEN 1000 ELSE 0 END,
         CASE pk % 3 WHEN 0 THEN 'meena' WHEN 1 THEN 'ravi' ELSE 'asha' END, issued_at
       FROM tokens WHERE pk % 5 < 2`,
    ).run();
    db.prepare(
      `INSERT INTO receipts (id, number, counter_letter, fiscal_year, seq, charge_id, token_id, amount_paise, method, shift_id,
         clerk, business_date, issued_at)
       SELECT 'r' || c.id, 'A/2026-27/' || c.pk, 'A', '2026-27', c.pk, c.id, c.token_id, 1000,
         CASE c.pk % 4 WHEN 0 THEN 'upi' ELSE 'cash' END, 'bench-shift', c.clerk, c.visit_date, c.created_at
       FROM token_charges c WHERE c.due_paise > 0`,
    ).run();
    db.prepare("INSERT INTO sequences (name, last_value) SELECT 'receipt:A:2026-27', max(seq) FROM receipts").run();
    step('fees and receipts');
  })();
  db.pragma('synchronous = FULL');
  db.pragma(`cache_size = ${cache}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('optimize');
  return (performance.now() - start) / 1000;
}

/** The census the slow way: straight from the tokens and their patients, no summary. */
function censusFromTokens(db: ReturnType<typeof createCore>['db'], from: string, to: string) {
  return db
    .prepare(
      `SELECT t.department_code, p.gender, t.visit_type, t.status, count(*) AS n
       FROM tokens t JOIN patients p ON p.pk = t.patient_pk
       WHERE t.visit_date BETWEEN ? AND ? GROUP BY 1, 2, 3, 4`,
    )
    .all(from, to);
}

export async function run(_options: BenchOptions): Promise<BenchReport> {
  const dataDir = tempDir('hims-bench-reports-');
  const core = createCore({
    dataDir,
    shell: 'browser',
    settings: TEST_IDENTITY,
    log: console.error,
    clock: { now: () => new Date(`${LAST_DAY}T12:30:00.000Z`) },
  });
  const caller: Caller = { kind: 'trusted', actor: 'bench' };
  const dispatch = async (method: string, input: unknown) => {
    const r = await core.registry.dispatch(method, input, caller);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  try {
    process.stderr.write(`seeding ${PATIENTS.toLocaleString('en-IN')} patients…\n`);
    seedPatients(core.db, PATIENTS, () => {});
    // The seeded patients took UHID numbers 1…PATIENTS of this year: registrations continue after them.
    core.db.prepare("INSERT INTO sequences (name, last_value) VALUES ('uhid:A:2026', ?)").run(PATIENTS);
    const firstDay = new Date(Date.parse(`${LAST_DAY}T00:00:00Z`) - (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    process.stderr.write(`seeding ${(DAYS * PER_DAY).toLocaleString('en-IN')} tokens over ${DAYS} days from ${firstDay}…\n`);
    const seedSeconds = seedVisits(core.db, firstDay);
    process.stderr.write(`seeded in ${seedSeconds.toFixed(1)} s\n`);

    // The summaries must agree with the tokens before anything is timed.
    const census = (await dispatch('reports.census', { from: firstDay, to: LAST_DAY })) as {
      totals: { tokens: number; cancelled: number };
    };
    const counted = core.db.prepare("SELECT count(*) AS n, sum(status = 'cancelled') AS c FROM tokens").get() as {
      n: number;
      c: number;
    };
    if (census.totals.tokens !== counted.n || census.totals.cancelled !== counted.c)
      throw new Error(`census ${JSON.stringify(census.totals)} disagrees with the tokens ${JSON.stringify(counted)}`);
    const summaryRows = (core.db.prepare('SELECT count(*) AS n FROM census_daily').get() as { n: number }).n;

    const results: Result[] = [];
    results.push(
      await measure(`reports.census, ${DAYS} days`, 20, () => dispatch('reports.census', { from: firstDay, to: LAST_DAY }), {
        p99Ms: 1000,
      }),
    );
    results.push(
      await measure(`reports.fees, ${DAYS} days`, 20, () => dispatch('reports.fees', { from: firstDay, to: LAST_DAY }), {
        p99Ms: 1000,
      }),
    );
    results.push(
      await measure('reports.hmis, one month', 20, () => dispatch('reports.hmis', { month: LAST_DAY.slice(0, 7) }), {
        p99Ms: 1000,
      }),
    );
    results.push(await measure(`reports.census, 1 day`, 50, () => dispatch('reports.census', { from: LAST_DAY, to: LAST_DAY })));
    results.push(
      await measure(`reports.export census PDF (hi), ${DAYS} days`, 5, () =>
        dispatch('reports.export', { report: 'census', from: firstDay, to: LAST_DAY, format: 'pdf', language: 'hi' }),
      ),
    );
    results.push(
      await measure(`baseline: census GROUP BY over the tokens, ${DAYS} days`, 3, () =>
        Promise.resolve(censusFromTokens(core.db, firstDay, LAST_DAY)),
      ),
    );

    // tokens.issue, durable, on the full database: free, then with a fee (the summary triggers are part of both).
    const free: string[] = [];
    for (let i = 0; i < 320; i++) {
      const p = (await dispatch('patients.register', {
        name: `Bench Free ${i}`,
        gender: i % 2 ? 'male' : 'female',
        ageYears: 20 + (i % 60),
      })) as { id: string };
      free.push(p.id);
    }
    let nextFree = 0;
    results.push(
      await measure('tokens.issue, no fee (durable)', 300, () =>
        dispatch('tokens.issue', { patientId: free[nextFree++]!, departmentCode: 'ENT' }),
      ),
    );
    await dispatch('fees.saveSchedule', {
      departmentCode: '*',
      newPaise: 1000,
      revisitPaise: 1000,
      followUpPaise: 0,
      validityDays: 15,
    });
    const ids: string[] = [];
    for (let i = 0; i < 320; i++) {
      const p = (await dispatch('patients.register', {
        name: `Bench Fee ${i}`,
        gender: i % 2 ? 'male' : 'female',
        ageYears: 20 + (i % 60),
      })) as { id: string };
      ids.push(p.id);
    }
    let next = 0;
    results.push(
      await measure('tokens.issue with a ₹10 cash fee (durable)', 300, () =>
        dispatch('tokens.issue', {
          patientId: ids[next++]!,
          departmentCode: 'MED',
          payment: { method: 'cash', amountPaise: 1000 },
        }),
      ),
    );

    printTable(results);
    console.log(`summary rows for ${DAYS} days: ${summaryRows.toLocaleString('en-IN')}; seeding ${seedSeconds.toFixed(1)} s`);
    return {
      name: 'reports',
      data: { days: DAYS, visitsPerDay: PER_DAY, patients: PATIENTS, seedSeconds, summaryRows, results },
      missed: results
        .filter((r) => r.budgetOk === false)
        .map((r) => `${r.name} p99 ${r.p99Ms.toFixed(1)} ms ≥ ${r.budgetP99Ms} ms`),
    };
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
