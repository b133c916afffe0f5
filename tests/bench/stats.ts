// Timing helpers for the bench: percentiles over individually timed calls.
export interface Result {
  name: string;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  budgetP99Ms?: number;
  budgetOk?: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export async function measure(
  name: string,
  runs: number,
  work: () => Promise<unknown>,
  budget?: { p99Ms: number },
): Promise<Result> {
  for (let i = 0; i < Math.min(20, runs); i++) await work(); // warm the statement cache and pages
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(name, times, budget?.p99Ms);
}

/** Percentiles, mean and max of times measured one by one (in any order), against a p99 budget when given. */
export function summarise(name: string, values: number[], budgetP99Ms?: number): Result {
  const times = [...values].sort((a, b) => a - b);
  const result: Result = {
    name,
    runs: times.length,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    meanMs: times.reduce((sum, t) => sum + t, 0) / Math.max(1, times.length),
    maxMs: times.at(-1) ?? NaN,
  };
  if (budgetP99Ms !== undefined) {
    result.budgetP99Ms = budgetP99Ms;
    result.budgetOk = result.p99Ms < budgetP99Ms;
  }
  return result;
}

export function printTable(results: Result[]): void {
  const rows = results.map((r) => [
    r.name,
    String(r.runs),
    r.p50Ms.toFixed(3),
    r.p99Ms.toFixed(3),
    r.meanMs.toFixed(3),
    r.maxMs.toFixed(3),
    r.budgetP99Ms === undefined ? '' : `< ${r.budgetP99Ms} ms ${r.budgetOk ? 'OK' : 'MISSED'}`,
  ]);
  const header = ['measure', 'runs', 'p50 ms', 'p99 ms', 'mean ms', 'max ms', 'p99 budget'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}
