// Token labels must never repeat for a department and day: not when two
// processes share one database file, and not across counters that each keep
// their own database and never talk to each other.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-core';

const run = promisify(execFile);
const tsx = createRequire(__filename).resolve('tsx/cli');
const worker = join(__dirname, '../support/issue-tokens-worker.ts');
const PER_PROCESS = 150;

async function issueInProcesses(dirsAndLetters: [string, string][]): Promise<string[][]> {
  const startAt = Date.now() + 4000; // after every process has opened the file and registered its patients
  const outputs = await Promise.all(
    dirsAndLetters.map(([dir, letter]) =>
      run(process.execPath, [tsx, worker, dir, letter, String(PER_PROCESS), String(startAt)], { timeout: 60_000 }),
    ),
  );
  return outputs.map((o) => JSON.parse(o.stdout) as string[]);
}

describe('token label uniqueness', () => {
  it('two processes on one database file hand out every number exactly once', async () => {
    const dir = tempDir();
    const [a, b] = await issueInProcesses([
      [dir, 'A'],
      [dir, 'A'],
    ]);
    const all = [...a!, ...b!];
    expect(all).toHaveLength(2 * PER_PROCESS);
    expect(new Set(all).size).toBe(all.length);
    const expected = Array.from({ length: 2 * PER_PROCESS }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`);
    expect([...all].sort()).toEqual(expected);
    // Both really ran at once: each process got numbers from the other's range.
    expect(a!.some((label) => Number(label.slice(2)) > PER_PROCESS)).toBe(true);
    const db = new BetterSqlite3(join(dir, 'counter.sqlite'), { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'token'").get()).toEqual({ n: 2 * PER_PROCESS });
    db.close();
  }, 90_000);

  it('two counters with their own databases never produce the same label', async () => {
    const [a, b] = await issueInProcesses([
      [tempDir(), 'A'],
      [tempDir(), 'B'],
    ]);
    expect(a![0]).toBe('A-001');
    expect(b![0]).toBe('B-001');
    const merged = [...a!, ...b!];
    expect(new Set(merged).size).toBe(merged.length);
  }, 90_000);
});
