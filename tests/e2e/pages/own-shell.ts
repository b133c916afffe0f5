// A browser shell of a spec's own, on a fresh data folder: for steps that
// must not touch the shared server's data (a restore rolls the database back,
// a clock set back refuses tokens). Started the way playwright.config.ts
// starts the shared one; the renderer is already built.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_API_KEY } from './desk-session';

export interface OwnShell {
  base: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the browser shell at ${url} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startOwnShell(port: number, prefix: string): Promise<OwnShell> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      require.resolve('tsx/cli'),
      'main/browser/serve-cli.ts',
      ...['--port', String(port), '--data-dir', dataDir, '--api-key', E2E_API_KEY],
      ...['--counter-letter', 'B', '--hospital-name', 'Lok Nayak Hospital', '--hospital-code', 'LNH'],
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  await waitForServer(`${base}/`, 60_000);
  return {
    base,
    dataDir,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
