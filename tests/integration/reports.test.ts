// Reports against an independent count: three seeded days of
// tokens issued, cancelled and transferred through the contract, with fees
// collected, waived and refunded by several clerks; the test keeps its own
// tally of what it did, and the census, fee and HMIS reports must say the
// same. The summary tables are also read through their primary key only
// (EXPLAIN QUERY PLAN), and a database from before migration 0130 gets its
// old tokens counted once.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../main/db/migrate';
import { migrationsDir, openDatabase } from '../../main/db/open-database';
import { startTestCore, tempDir, type TestCore } from '../support/temp-core';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const band = (age: number) =>
  age < 5 ? '0-4' : age < 15 ? '5-14' : age < 30 ? '15-29' : age < 45 ? '30-44' : age < 60 ? '45-59' : '60+';
type Sex = 'male' | 'female' | 'other';

interface Seen {
  department: string;
  sex: Sex;
  band: string;
  priority: string;
  category: string;
  visit: 'new' | 'follow_up';
  day: string;
  hour: string;
  state: 'issued' | 'cancelled' | 'transferred';
  transferIn: boolean;
}

const inc = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

describe('reports', () => {
  it('say what an independent count of three seeded days says: census, fees and HMIS', async () => {
    const core = startTestCore({ counterLetter: 'B' });
    t = core;
    const dispatch = async (actor: string, method: string, input: unknown) => {
      const r = await core.core.registry.dispatch(method, input, { kind: 'trusted', actor });
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as never;
    };
    // The first seeded day, before anything is written (the counter refuses a clock set back).
    core.clock.current = new Date('2026-11-26T02:30:00.000Z'); // 08:00 in Delhi
    // MED and EYE charge, the rest are free; BPL needs proof, senior citizens do not.
    await core.call('fees.saveSchedule', {
      departmentCode: 'MED',
      newPaise: 1000,
      revisitPaise: 500,
      followUpPaise: 0,
      validityDays: 0,
    });
    await core.call('fees.saveSchedule', {
      departmentCode: 'EYE',
      newPaise: 2000,
      revisitPaise: 2000,
      followUpPaise: 0,
      validityDays: 0,
    });
    // A revisit: chosen as a follow-up, or seen in that department on an earlier day (the counter knows).
    const firstSeen = new Map<string, string>();
    const price = (d: string, revisit: boolean) => (d === 'MED' ? (revisit ? 500 : 1000) : d === 'EYE' ? 2000 : 0);

    const rnd = random(20261125);
    const patients: { id: string; sex: Sex; age: number }[] = [];
    for (let i = 0; i < 45; i++) {
      const sex = rnd.pick(['male', 'female', 'female', 'other'] as const);
      const age = Math.floor(rnd.next() * 85);
      const p = await core.call('patients.register', {
        name: `Patient ${String.fromCharCode(65 + (i % 26))} ${i}`,
        gender: sex,
        ageYears: age,
      });
      patients.push({ id: p.id, sex, age });
    }
    const seen = new Map<string, Seen>();
    const money = { scheduled: 0, waived: 0, waivedCount: 0, collected: 0, receipts: 0, refunded: 0, refunds: 0, charges: 0 };
    const byClerk = new Map<string, number>();
    const receipts: { id: string; amount: number }[] = [];
    const days = ['2026-11-26', '2026-11-27', '2026-11-28'];
    for (const [d, day] of days.entries()) {
      // Each day from 08:00 to about 14:00 in Delhi.
      core.clock.current = new Date(`${day}T02:30:00.000Z`);
      const today = new Set<string>();
      for (let n = 0; n < 40; n++) {
        core.clock.advance(Math.floor(rnd.next() * 9 * 60_000));
        const patient = rnd.pick(patients);
        const department = rnd.pick(['MED', 'MED', 'EYE', 'ENT', 'PAED', 'OBG'] as const);
        if (today.has(`${patient.id}|${department}`)) continue;
        today.add(`${patient.id}|${department}`);
        const visit = rnd.pick(['new', 'new', 'follow_up'] as const);
        const priority = patient.age >= 60 ? 'senior' : rnd.pick(['none', 'none', 'pregnant', 'divyang'] as const);
        const category = rnd.pick(['general', 'general', 'general', 'bpl', 'senior_citizen'] as const);
        const clerk = rnd.pick(['meena', 'ravi'] as const);
        const earlier = firstSeen.get(`${patient.id}|${department}`);
        // Only a first visit to a department is new, whatever was chosen (a cancelled token was no visit).
        const old = visit === 'follow_up' || (earlier !== undefined && earlier < day);
        const scheduled = price(department, old);
        const waived = category !== 'general' ? scheduled : 0;
        const due = scheduled - waived;
        const method = rnd.pick(['cash', 'upi'] as const);
        const token = (await dispatch(clerk, 'tokens.issue', {
          patientId: patient.id,
          departmentCode: department,
          visitType: visit,
          priority,
          feeCategory: category,
          ...(category === 'bpl' && scheduled > 0 ? { exemptionProof: { type: 'bpl_card', number: `BPL-${n}` } } : {}),
          ...(due > 0 ? { payment: { method, amountPaise: due } } : {}),
        })) as { id: string; issuedAt: string; fee: { receipt: { id: string } | null } };
        const hour = String(
          (new Date(token.issuedAt).getUTCHours() + (new Date(token.issuedAt).getUTCMinutes() >= 30 ? 6 : 5)) % 24,
        ).padStart(2, '0');
        if (!firstSeen.has(`${patient.id}|${department}`)) firstSeen.set(`${patient.id}|${department}`, day);
        seen.set(token.id, {
          department,
          sex: patient.sex,
          band: band(patient.age),
          priority,
          category,
          visit: old ? 'follow_up' : 'new',
          day,
          hour,
          state: 'issued',
          transferIn: false,
        });
        if (scheduled > 0) {
          money.charges++;
          money.scheduled += scheduled;
          money.waived += waived;
          if (waived > 0) money.waivedCount++;
        }
        if (due > 0) {
          money.collected += due;
          money.receipts++;
          inc(byClerk, clerk, due);
          receipts.push({ id: token.fee.receipt!.id, amount: due });
        }
        const fate = rnd.next();
        if (fate < 0.1) {
          await dispatch(clerk, 'tokens.cancel', { tokenId: token.id, reason: 'Left the queue' });
          seen.get(token.id)!.state = 'cancelled';
          if (firstSeen.get(`${patient.id}|${department}`) === day) firstSeen.delete(`${patient.id}|${department}`);
        } else if (fate < 0.16) {
          const to = rnd.pick(['SURG', 'ORTHO'] as const);
          if (today.has(`${patient.id}|${to}`)) continue;
          today.add(`${patient.id}|${to}`);
          const moved = (await dispatch(clerk, 'tokens.transfer', { tokenId: token.id, departmentCode: to })) as {
            to: { id: string; issuedAt: string };
          };
          seen.get(token.id)!.state = 'transferred';
          const seenThere = firstSeen.get(`${patient.id}|${to}`);
          const visitThere = seenThere !== undefined && seenThere < day ? 'follow_up' : 'new';
          if (!firstSeen.has(`${patient.id}|${to}`)) firstSeen.set(`${patient.id}|${to}`, day);
          seen.set(moved.to.id, {
            ...seen.get(token.id)!,
            department: to,
            visit: visitThere,
            state: 'issued',
            transferIn: true,
            hour,
          });
        }
      }
      // A refund a day, on the day's first receipt.
      const r = receipts[d * 3];
      if (r) {
        await dispatch('sup', 'fees.refund', {
          receiptId: r.id,
          kind: 'refund',
          amountPaise: Math.min(300, r.amount),
          method: 'cash',
          reason: 'Partly refunded',
        });
        money.refunded += Math.min(300, r.amount);
        money.refunds++;
      }
    }

    const all = [...seen.values()];
    const census = await core.call('reports.census', { from: days[0]!, to: days[2]! });
    expect(census.totals).toEqual({
      tokens: all.length,
      registrations: 45,
      newVisits: all.filter((s) => s.visit === 'new').length,
      followUps: all.filter((s) => s.visit === 'follow_up').length,
      cancelled: all.filter((s) => s.state === 'cancelled').length,
      transferred: all.filter((s) => s.state === 'transferred').length,
      transferIn: all.filter((s) => s.transferIn).length,
    });
    expect(census.totals.tokens).toBeGreaterThan(90);
    const perDept = new Map<string, number>();
    const perHour = new Map<string, number>();
    const perPriority = new Map<string, number>();
    const perCategory = new Map<string, number>();
    const perSexAge = new Map<string, number>();
    for (const s of all) {
      inc(perDept, s.department);
      inc(perHour, s.hour);
      inc(perPriority, s.priority);
      inc(perCategory, s.category);
      inc(perSexAge, `${s.band}|${s.sex}`);
    }
    expect(new Map(census.byDepartment.map((d) => [d.code, d.tokens]))).toEqual(perDept);
    for (const d of census.byDepartment) {
      expect([d.male, d.female, d.other]).toEqual(
        (['male', 'female', 'other'] as const).map((sex) => all.filter((s) => s.department === d.code && s.sex === sex).length),
      );
    }
    expect(new Map(census.byHour.map((h) => [h.hour, h.tokens]))).toEqual(perHour);
    expect(new Map(census.byPriority.map((p) => [p.code, p.tokens]))).toEqual(perPriority);
    expect(new Map(census.byCategory.map((c) => [c.code, c.tokens]))).toEqual(perCategory);
    for (const b of census.bySexAge) {
      expect([b.male, b.female, b.other]).toEqual(
        ['male', 'female', 'other'].map((sex) => perSexAge.get(`${b.band}|${sex}`) ?? 0),
      );
    }
    expect(census.byDay.map((d) => d.tokens)).toEqual(days.map((day) => all.filter((s) => s.day === day).length));
    // One day alone is that day's count.
    expect((await core.call('reports.census', { from: days[1]!, to: days[1]! })).totals.tokens).toBe(
      all.filter((s) => s.day === days[1]).length,
    );

    const fees = await core.call('reports.fees', { from: days[0]!, to: days[2]! });
    expect(fees.totals).toEqual({
      charges: money.charges,
      scheduledPaise: money.scheduled,
      waivedCount: money.waivedCount,
      waivedPaise: money.waived,
      receipts: money.receipts,
      collectedPaise: money.collected,
      refunds: money.refunds,
      refundedPaise: money.refunded,
      netPaise: money.collected - money.refunded,
    });
    const clerkTotals = new Map(fees.byClerk.filter((c) => c.collectedPaise > 0).map((c) => [c.clerk, c.collectedPaise]));
    expect(clerkTotals).toEqual(byClerk);

    const hmis = await core.call('reports.hmis', { month: '2026-11' });
    const attending = all.filter((s) => s.state === 'issued');
    const attendance = hmis.rows[0]!;
    expect(attendance).toMatchObject({
      male: attending.filter((s) => s.sex === 'male').length,
      female: attending.filter((s) => s.sex === 'female').length,
      other: attending.filter((s) => s.sex === 'other').length,
      total: attending.length,
    });
    expect(hmis.rows[1]!.total + hmis.rows[2]!.total).toBe(attending.length); // new + old
    expect(hmis.rows[3]!.total).toBe(attending.filter((s) => s.band === '0-4' || s.band === '5-14').length);
    expect(hmis.rows[4]!.total).toBe(attending.filter((s) => s.band === '60+').length);

    // The exports say the same in both languages.
    const csv = Buffer.from(
      (await core.call('reports.export', { report: 'census', from: days[0]!, to: days[2]!, format: 'csv', language: 'hi' }))
        .base64,
      'base64',
    ).toString();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`टोकन,${all.length}`);
    const pdf = Buffer.from(
      (await core.call('reports.export', { report: 'fees', from: days[0]!, to: days[2]!, format: 'pdf', language: 'en' })).base64,
      'base64',
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await core.fail('reports.census', { from: '2026-11-25', to: '2026-11-01' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'to',
    });
    expect(await core.fail('reports.census', { from: '2025-01-01', to: '2026-11-01' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'to',
    });
  });

  it('reads a range of the summaries through their primary key, and the ticket lookup through its index', () => {
    t = startTestCore();
    const plan = (q: string, ...params: unknown[]) =>
      (t!.core.db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(
      plan(
        'SELECT department_code, measure, bucket, sum(n) FROM census_daily WHERE day BETWEEN ? AND ? GROUP BY 1, 2, 3',
        'a',
        'b',
      ),
    ).toMatch(/SEARCH census_daily USING PRIMARY KEY \(day>\? AND day<\?\)/);
    expect(plan('SELECT sum(collected_paise) FROM fee_daily WHERE day BETWEEN ? AND ?', 'a', 'b')).toMatch(
      /SEARCH fee_daily USING PRIMARY KEY \(day>\? AND day<\?\)/,
    );
    expect(
      plan(
        `SELECT c.id FROM token_charges c WHERE c.patient_pk = ? AND c.department_code = ? AND c.basis IN ('new', 'revisit', 'transfer')
         AND c.valid_until IS NOT NULL AND c.valid_until >= ? ORDER BY c.valid_until DESC LIMIT 1`,
        1,
        'MED',
        '2026-01-01',
      ),
    ).toMatch(/USING INDEX token_charges_tickets \(patient_pk=\? AND department_code=\? AND valid_until>\?\)/);
    expect(plan('SELECT * FROM receipts WHERE business_date = ? AND clerk = ?', 'd', 'c')).toMatch(/USING INDEX receipts_by_day/);
  });

  it('counts what was issued (and called, and marked no-show) before migration 0130 once, as the triggers would have', () => {
    const file = join(tempDir(), 'counter.sqlite');
    const before = Math.max(
      ...loadMigrations(migrationsDir())
        .map((m) => m.version)
        .filter((v) => v < 130),
    );
    const old = openDatabase(file, { targetVersion: before });
    old.exec(`INSERT INTO settings (key, value) VALUES ('counterLetter', 'B'), ('timeZone', 'Asia/Kolkata');
      INSERT INTO patients (id, uhid, name, gender, date_of_birth, dob_estimated, origin_counter, created_at, updated_at) VALUES
        ('p1', 'U1', 'Asha', 'female', '1990-06-01', 0, 'counter-1', '2026-11-24T05:00:00Z', '2026-11-24T05:00:00Z'),
        ('p2', 'U2', 'Ravi', 'male', '1950-01-01', 0, 'HIMS', '2026-11-24T05:00:00Z', '2026-11-24T05:00:00Z');
      INSERT INTO tokens (id, patient_pk, department_code, visit_date, counter_letter, number, label, priority, visit_type,
        fee_category, status, issued_at) VALUES
        ('t1', 1, 'MED', '2026-11-24', 'B', 1, 'B-001', 'none', 'new', 'bpl', 'issued', '2026-11-24T03:40:00Z'),
        ('t2', 2, 'MED', '2026-11-24', 'B', 2, 'B-002', 'senior', 'follow_up', 'general', 'cancelled', '2026-11-24T04:40:00Z'),
        ('t3', 2, 'EYE', '2026-11-24', 'B', 1, 'B-001', 'senior', 'new', 'general', 'issued', '2026-11-24T18:40:00Z');
      UPDATE tokens SET first_called_at = '2026-11-24T03:47:30Z', queue_status = 'called' WHERE id = 't1';
      INSERT INTO token_moves (id, token_id, department_code, visit_date, move, from_status, to_status, room, actor, at, version)
        VALUES ('m1', 't3', 'EYE', '2026-11-24', 'no_show', 'called', 'no_show', '205', 'a', '2026-11-24T19:00:00Z', 2);
      INSERT INTO outbox (entity, entity_id, operation, version, created_at) VALUES ('token', 't1', 'create', 1, '2026-11-24');
      INSERT INTO print_jobs (id, kind, token_id, status, actor, created_at, updated_at) VALUES ('j1', 'slip', 't1', 'sent', 'a', 'x', 'x');`);
    old.close();
    const db = openDatabase(file);
    try {
      const order = (a: { department_code: string; measure: string; bucket: string }, b: typeof a) =>
        `${a.department_code}|${a.measure}|${a.bucket}`.localeCompare(`${b.department_code}|${b.measure}|${b.bucket}`);
      const rows = (
        db.prepare('SELECT day, department_code, measure, bucket, n FROM census_daily').all() as {
          department_code: string;
          measure: string;
          bucket: string;
        }[]
      ).sort(order);
      expect(rows).toEqual(
        [
          { day: '2026-11-24', department_code: '', measure: 'registrations', bucket: 'female', n: 1 },
          { day: '2026-11-24', department_code: 'MED', measure: 'cancelled', bucket: 'male|60+|follow_up', n: 1 },
          { day: '2026-11-24', department_code: 'MED', measure: 'kind', bucket: 'none|bpl', n: 1 },
          { day: '2026-11-24', department_code: 'MED', measure: 'kind', bucket: 'senior|general', n: 1 },
          { day: '2026-11-24', department_code: 'MED', measure: 'hour', bucket: '09', n: 1 },
          { day: '2026-11-24', department_code: 'MED', measure: 'hour', bucket: '10', n: 1 },
          { day: '2026-11-24', department_code: 'MED', measure: 'visit', bucket: 'female|30-44|new', n: 1 },
          { day: '2026-11-24', department_code: 'MED', measure: 'visit', bucket: 'male|60+|follow_up', n: 1 },
          // 18:40 UTC is 00:10 the next morning in Delhi.
          { day: '2026-11-24', department_code: 'EYE', measure: 'kind', bucket: 'senior|general', n: 1 },
          { day: '2026-11-24', department_code: 'EYE', measure: 'no_show', bucket: '', n: 1 },
          // Called 7.5 minutes after issue: the 5-10 minute bin.
          { day: '2026-11-24', department_code: 'MED', measure: 'wait', bucket: '005', n: 1 },
          { day: '2026-11-24', department_code: 'EYE', measure: 'hour', bucket: '00', n: 1 },
          { day: '2026-11-24', department_code: 'EYE', measure: 'visit', bucket: 'male|60+|new', n: 1 },
        ].sort(order),
      );
      // What the rebuilt tables held is still there.
      expect(db.prepare('SELECT entity, entity_id FROM outbox').all()).toEqual([{ entity: 'token', entity_id: 't1' }]);
      expect(db.prepare('SELECT id, kind, token_id FROM print_jobs').all()).toEqual([{ id: 'j1', kind: 'slip', token_id: 't1' }]);
      // New tokens are counted by the triggers from here on.
      db.prepare(
        `INSERT INTO tokens (id, patient_pk, department_code, visit_date, counter_letter, number, label, priority, visit_type,
          fee_category, status, issued_at) VALUES ('t4', 1, 'EYE', '2026-11-24', 'B', 2, 'B-002', 'none', 'new', 'general', 'issued', '2026-11-24T06:00:00Z')`,
      ).run();
      expect(
        db.prepare("SELECT sum(n) AS n FROM census_daily WHERE department_code = 'EYE' AND measure = 'visit'").get(),
      ).toEqual({
        n: 2,
      });
    } finally {
      db.close();
    }
  });
});
