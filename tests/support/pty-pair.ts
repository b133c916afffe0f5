// A pair of connected pseudo-terminals made by socat: the core opens one end
// as if it were a USB-COM scanner, the test writes scans into the other.
// `link=` gives each end a stable path, so a restart looks like a replug.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, writeSync, closeSync, existsSync } from 'node:fs';

export interface PtyPair {
  scannerPath: string;
  hostPath: string;
  /** Writes bytes as the scanner would send them. */
  send(data: string | Buffer): void;
  stop(): Promise<void>;
}

export async function startPtyPair(scannerPath: string, hostPath: string): Promise<PtyPair> {
  const child: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${scannerPath}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let ready = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socat did not start in 5 s')), 5000);
    child.once('error', reject);
    child.stderr!.on('data', (chunk: Buffer) => {
      ready += (chunk.toString().match(/starting data transfer loop/g) ?? []).length;
      if (ready > 0 && existsSync(hostPath) && existsSync(scannerPath)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    scannerPath,
    hostPath,
    send(data) {
      const fd = openSync(scannerPath, 'w');
      try {
        writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
      } finally {
        closeSync(fd);
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
