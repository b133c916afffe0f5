// The whole hospital's census and HMIS figures from each counter's own
// (docs/design.md §10: nothing is replicated; each counter answers for what it
// issued over the hospital network, and the asking counter adds them up).
// Pure: summing reports is all there is to it.
import type { CensusReport, HmisReport, QueueFigures } from '../../preload/contract/methods/report-schemas';
import { waitStats } from './queue-figures';

function mergeQueue(all: (QueueFigures | null)[]): QueueFigures {
  const waits = sumBy(
    all.map((q) => q?.waits ?? []),
    (w) => String(w.fromMinutes),
  ).sort((a, b) => a.fromMinutes - b.fromMinutes);
  return { noShows: all.reduce((n, q) => n + (q?.noShows ?? 0), 0), waits, ...waitStats(waits) };
}

type Keyed = Record<string, unknown>;

/** Rows of several reports added up by their key, numbers summed, other fields from the first seen. */
function sumBy<T extends Keyed>(lists: T[][], key: (row: T) => string): T[] {
  const out = new Map<string, T>();
  for (const list of lists) {
    for (const row of list) {
      const k = key(row);
      const seen = out.get(k);
      if (!seen) {
        out.set(k, { ...row });
        continue;
      }
      for (const [field, value] of Object.entries(row)) {
        if (typeof value === 'number') (seen as Keyed)[field] = ((seen[field] as number | undefined) ?? 0) + value;
      }
    }
  }
  return [...out.values()];
}

const sumTotals = <T extends Record<string, number>>(all: T[]): T =>
  all.reduce((acc, t) => {
    for (const [k, v] of Object.entries(t)) (acc as Record<string, number>)[k] = ((acc as Record<string, number>)[k] ?? 0) + v;
    return acc;
  }, {} as T);

export function mergeCensus(reports: CensusReport[]): CensusReport {
  const first = reports[0]!;
  const departmentOrder = new Map<string, number>();
  for (const r of reports) r.byDepartment.forEach((d, i) => departmentOrder.has(d.code) || departmentOrder.set(d.code, i));
  return {
    from: first.from,
    to: first.to,
    counters: [...new Set(reports.flatMap((r) => r.counters))].sort(),
    totals: sumTotals(reports.map((r) => r.totals)),
    byDay: sumBy(
      reports.map((r) => r.byDay),
      (d) => d.day,
    ).sort((a, b) => a.day.localeCompare(b.day)),
    byDepartment: sumBy(
      reports.map((r) => r.byDepartment),
      (d) => d.code,
    ).sort((a, b) => (departmentOrder.get(a.code) ?? 0) - (departmentOrder.get(b.code) ?? 0)),
    byHour: sumBy(
      reports.map((r) => r.byHour),
      (h) => h.hour,
    ).sort((a, b) => a.hour.localeCompare(b.hour)),
    bySexAge: sumBy(
      reports.map((r) => r.bySexAge),
      (b) => b.band,
    ),
    byPriority: sumBy(
      reports.map((r) => r.byPriority),
      (p) => p.code,
    ).sort((a, b) => b.tokens - a.tokens),
    byCategory: sumBy(
      reports.map((r) => r.byCategory),
      (c) => c.code,
    ).sort((a, b) => b.tokens - a.tokens),
    // Percentiles do not add up, the waits' 5-minute bins do: the hospital's are worked out from the sum.
    queue: reports.every((r) => r.queue === null) ? null : mergeQueue(reports.map((r) => r.queue)),
  };
}

export function mergeHmis(reports: HmisReport[]): HmisReport {
  const first = reports[0]!;
  return {
    ...first,
    counters: [...new Set(reports.flatMap((r) => r.counters))].sort(),
    // Rows are the same layout at every counter (department rows only where there were visits).
    rows: sumBy(
      reports.map((r) => r.rows),
      (row) => `${row.level}|${row.labelEn}`,
    ),
  };
}
