// Token labels must never repeat for a department and day: not when two
// processes share one database file, and not across counters that each keep
// their own database and never talk to each other.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-core';

const run = promisify(execFile);
const tsx = createRequire(__filename).resolve('tsx/cli');
const worker = join(__dirname, '../support/issue-tokens-worker.ts');
const PER_PROCESS = 300;

/** Starts one process per entry; they issue only once all have registered their patients. */
async function issueInProcesses(dirsAndLetters: [string, string][]): Promise<string[][]> {
  const signals = tempDir('hims-signals-');
  const goFile = join(signals, 'go');
  const readyFiles = dirsAndLetters.map((_, i) => join(signals, `ready-${i}`));
  const outputs = Promise.all(
    dirsAndLetters.map(([dir, letter], i) =>
      run(process.execPath, [tsx, worker, dir, letter, String(PER_PROCESS), readyFiles[i]!, goFile], { timeout: 90_000 }),
    ),
  );
  // A barrier, not a start time: on a loaded machine setup can take any time.
  const deadline = Date.now() + 80_000;
  while (!readyFiles.every((f) => existsSync(f)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  writeFileSync(goFile, 'go');
  return (await outputs).map((o) => JSON.parse(o.stdout) as string[]);
}

describe('token label uniqueness', () => {
  it('two processes on one database file hand out every number exactly once', async () => {
    const number = (label: string) => Number(label.slice(2));
    let interleaved = false;
    // On a loaded machine one process may happen to finish before the other
    // starts; race again (up to three times) until the two really overlap.
    for (let race = 0; race < 3 && !interleaved; race++) {
      const dir = tempDir();
      const [a, b] = (await issueInProcesses([
        [dir, 'A'],
        [dir, 'A'],
      ])) as [string[], string[]];
      const all = [...a, ...b];
      expect(new Set(all).size).toBe(2 * PER_PROCESS);
      const expected = Array.from({ length: 2 * PER_PROCESS }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`);
      expect([...all].sort()).toEqual(expected);
      const db = new BetterSqlite3(join(dir, 'counter.sqlite'), { readonly: true });
      expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'token'").get()).toEqual({ n: 2 * PER_PROCESS });
      db.close();
      const [aMax, bMax] = [Math.max(...a.map(number)), Math.max(...b.map(number))];
      const [aMin, bMin] = [Math.min(...a.map(number)), Math.min(...b.map(number))];
      interleaved = aMax > bMin && bMax > aMin;
    }
    expect(interleaved).toBe(true);
  }, 240_000);

  it('two counters with their own databases never produce the same label', async () => {
    const [a, b] = await issueInProcesses([
      [tempDir(), 'A'],
      [tempDir(), 'B'],
    ]);
    expect(a![0]).toBe('A-001');
    expect(b![0]).toBe('B-001');
    const merged = [...a!, ...b!];
    expect(new Set(merged).size).toBe(merged.length);
  }, 120_000);
});
