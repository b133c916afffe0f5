// The OPD census of a range of days, read from the daily summary that the
// triggers of migration 0130 keep in each token's transaction: a few thousand
// summary rows for 90 days, never the 900,000 tokens behind them.
import type { Database } from 'better-sqlite3';
import type { CensusReport } from '../../preload/contract/methods/report-schemas';
import { AGE_BANDS } from '../../preload/contract/methods/report-schemas';
import { sql } from '../db/statements';
import { listDepartments } from '../departments/department-store';
import { categoryNames } from '../money/fee-store';
import { queueFigures } from './queue-figures';

interface SummaryRow {
  department_code: string;
  measure: string;
  bucket: string;
  n: number;
}

/** The summary of a range grouped by department, measure and bucket (one index range on the primary key). */
export function censusRows(db: Database, from: string, to: string): SummaryRow[] {
  return sql<[string, string], SummaryRow>(
    db,
    `SELECT department_code, measure, bucket, sum(n) AS n FROM census_daily
     WHERE day BETWEEN ? AND ? GROUP BY department_code, measure, bucket`,
  ).all(from, to);
}

interface DayRow {
  day: string;
  measure: string;
  bucket: string;
  n: number;
}

function dayRows(db: Database, from: string, to: string): DayRow[] {
  return sql<[string, string], DayRow>(
    db,
    `SELECT day, measure, bucket, sum(n) AS n FROM census_daily
     WHERE day BETWEEN ? AND ? AND measure IN ('visit', 'cancelled') GROUP BY day, measure, bucket`,
  ).all(from, to);
}

export function countersIn(db: Database, from: string, to: string): string[] {
  return sql<[string, string], { c: string }>(
    db,
    "SELECT DISTINCT counter_letter AS c FROM census_daily WHERE day BETWEEN ? AND ? AND counter_letter <> '' ORDER BY c",
  )
    .all(from, to)
    .map((r) => r.c);
}

/** 'female|15-29|new' → its three parts. */
export function splitVisit(bucket: string): { gender: 'male' | 'female' | 'other'; band: string; visit: 'new' | 'follow_up' } {
  const [gender, band, visit] = bucket.split('|') as ['male' | 'female' | 'other', string, 'new' | 'follow_up'];
  return { gender, band, visit };
}

const bump = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

export function censusReport(db: Database, from: string, to: string): CensusReport {
  const rows = censusRows(db, from, to);
  const totals = { tokens: 0, registrations: 0, newVisits: 0, followUps: 0, cancelled: 0, transferred: 0, transferIn: 0 };
  const departments = new Map<string, CensusReport['byDepartment'][number]>();
  const dept = (code: string) => {
    let d = departments.get(code);
    if (!d) {
      d = {
        code,
        nameEn: code,
        nameHi: code,
        tokens: 0,
        newVisits: 0,
        followUps: 0,
        cancelled: 0,
        transferred: 0,
        male: 0,
        female: 0,
        other: 0,
      };
      departments.set(code, d);
    }
    return d;
  };
  const hours = new Map<string, number>();
  const sexAge = new Map<string, { male: number; female: number; other: number }>(
    AGE_BANDS.map((b) => [b.code, { male: 0, female: 0, other: 0 }]),
  );
  const priorities = new Map<string, number>();
  const categories = new Map<string, number>();

  for (const r of rows) {
    switch (r.measure) {
      case 'registrations':
        totals.registrations += r.n;
        break;
      case 'hour':
        bump(hours, r.bucket, r.n);
        break;
      case 'visit': {
        // Every token is counted once here, by sex, age band and visit type.
        const v = splitVisit(r.bucket);
        const d = dept(r.department_code);
        totals.tokens += r.n;
        d.tokens += r.n;
        if (v.visit === 'new') {
          totals.newVisits += r.n;
          d.newVisits += r.n;
        } else {
          totals.followUps += r.n;
          d.followUps += r.n;
        }
        d[v.gender] += r.n;
        const band = sexAge.get(v.band);
        if (band) band[v.gender] += r.n;
        break;
      }
      case 'kind': {
        const [priority = '', category = ''] = r.bucket.split('|');
        bump(priorities, priority, r.n);
        bump(categories, category, r.n);
        break;
      }
      case 'transfer_in':
        totals.transferIn += r.n;
        break;
      case 'cancelled':
        totals.cancelled += r.n;
        dept(r.department_code).cancelled += r.n;
        break;
      case 'transferred':
        totals.transferred += r.n;
        dept(r.department_code).transferred += r.n;
        break;
    }
  }

  // Departments in the order the counter shows them, with their names.
  const order = listDepartments(db, true);
  for (const d of order) {
    const found = departments.get(d.code);
    if (found) Object.assign(found, { nameEn: d.nameEn, nameHi: d.nameHi });
  }
  const rank = new Map(order.map((d, i) => [d.code, i]));

  const days = new Map<string, CensusReport['byDay'][number]>();
  for (const r of dayRows(db, from, to)) {
    const d = days.get(r.day) ?? { day: r.day, tokens: 0, newVisits: 0, followUps: 0, cancelled: 0 };
    if (r.measure === 'cancelled') d.cancelled += r.n;
    else {
      d.tokens += r.n;
      if (splitVisit(r.bucket).visit === 'new') d.newVisits += r.n;
      else d.followUps += r.n;
    }
    days.set(r.day, d);
  }

  return {
    from,
    to,
    queue: queueFigures(rows),
    counters: countersIn(db, from, to),
    totals,
    byDay: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    byDepartment: [...departments.values()].sort(
      (a, b) => (rank.get(a.code) ?? 999) - (rank.get(b.code) ?? 999) || a.code.localeCompare(b.code),
    ),
    byHour: [...hours.entries()].map(([hour, tokens]) => ({ hour, tokens })).sort((a, b) => a.hour.localeCompare(b.hour)),
    bySexAge: AGE_BANDS.map((b) => ({ band: b.code, ...sexAge.get(b.code)! })),
    byPriority: [...priorities.entries()].map(([code, tokens]) => ({ code, tokens })).sort((a, b) => b.tokens - a.tokens),
    byCategory: [...categories.entries()]
      .map(([code, tokens]) => {
        const names = categoryNames(db, code);
        return { code, nameEn: names.en, nameHi: names.hi, tokens };
      })
      .sort((a, b) => b.tokens - a.tokens),
  };
}
