// npm run bench [-- --only counter-loop] [--patients 1000000]
// Runs every bench in turn: each prints its table and returns its numbers,
// written to bench-results/<name>.json. Budgets are checked here (never in
// timed unit tests); a missed budget makes the run exit non-zero.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as counterLoop from './counter-loop.bench';
import * as printing from './printing.bench';
import * as cardsBench from './cards.bench';
import * as scanScreen from './scan-screen.bench';
import * as cardWedge from './card-wedge.bench';
import * as clerkScreen from './clerk-screen.bench';
import * as sync from './sync.bench';
import * as reports from './reports.bench';
import * as peers from './peers.bench';
import * as ops from './ops.bench';
import * as patientsDoor from './patients-door.bench';
import * as queue from './queue.bench';
import * as boardScreen from './board-screen.bench';

export interface BenchOptions {
  patients: number;
}

export interface BenchReport {
  name: string;
  data: unknown;
  /** Names of the budgets this bench missed. */
  missed: string[];
}

/** Add a bench here: a module with `run(options): Promise<BenchReport>`. */
const benches: Record<string, { run(options: BenchOptions): Promise<BenchReport> }> = {
  'counter-loop': counterLoop,
  printing,
  cards: cardsBench,
  'scan-screen': scanScreen,
  'card-wedge': cardWedge,
  'clerk-screen': clerkScreen,
  sync,
  reports,
  peers,
  ops,
  'patients-door': patientsDoor,
  queue,
  'board-screen': boardScreen,
};

async function main() {
  const { values } = parseArgs({
    options: { only: { type: 'string', multiple: true }, patients: { type: 'string', default: '1000000' } },
  });
  const names = values.only ?? Object.keys(benches);
  const unknown = names.filter((n) => !benches[n]);
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}`);
  const options: BenchOptions = { patients: Number(values.patients) };
  mkdirSync('bench-results', { recursive: true });
  const missed: string[] = [];
  for (const name of names) {
    console.log(`\n== ${name}`);
    const report = await benches[name]!.run(options);
    const file = join('bench-results', `${report.name}.json`);
    writeFileSync(file, JSON.stringify({ when: new Date().toISOString(), node: process.version, ...report }, null, 2));
    console.log(`written ${file}`);
    missed.push(...report.missed.map((m) => `${name}: ${m}`));
  }
  if (missed.length) {
    console.error(`\nbudgets missed:\n  ${missed.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nall budgets met');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
