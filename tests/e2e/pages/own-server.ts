// A browser shell of a spec's own, on a fresh data folder (the shared one in
// playwright.config.ts is set up once for every spec): for first runs and
// other starts the shared server has already been past.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OwnServer {
  base: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function waitForServer(url: string, timeoutMs: number) {
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

/**
 * Starts `serve-cli.ts --port PORT --data-dir <new folder> ...args` (the renderer is already built).
 * `host`: where it is reached when args give another --host (this machine's other loopback addresses).
 */
export async function startOwnServer(port: number, args: string[], host = '127.0.0.1'): Promise<OwnServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hims-e2e-own-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), 'main/browser/serve-cli.ts', '--port', String(port), '--data-dir', dataDir, ...args],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const base = `http://${host}:${port}`;
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
