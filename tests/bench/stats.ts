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
  times.sort((a, b) => a - b);
  const meanMs = times.reduce((sum, t) => sum + t, 0) / times.length;
  const result: Result = { name, runs, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), meanMs, maxMs: times.at(-1)! };
  if (budget) {
    result.budgetP99Ms = budget.p99Ms;
    result.budgetOk = result.p99Ms < budget.p99Ms;
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
