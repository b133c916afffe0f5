// The log file in the data folder, rotated by size: counter.log, then
// counter.1.log … counter.N.log, the oldest dropped. Written synchronously
// (one write per line): a crash or a power cut loses no line already logged,
// and no worker thread is needed in either shell.
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface RotatingFileOptions {
  /** Rotate when the current file would pass this size. */
  maxBytes: number;
  /** Rotated files kept beside the current one. */
  keep: number;
  base?: string;
}

export const DEFAULT_ROTATION: RotatingFileOptions = { maxBytes: 5 * 1024 * 1024, keep: 5 };

export interface RotatingFile {
  write(chunk: string): void;
  close(): void;
  readonly dir: string;
}

export function rotatedName(base: string, n: number): string {
  return n === 0 ? `${base}.log` : `${base}.${n}.log`;
}

export function openRotatingFile(dir: string, options: RotatingFileOptions = DEFAULT_ROTATION): RotatingFile {
  const base = options.base ?? 'counter';
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const current = join(dir, rotatedName(base, 0));
  let fd: number | null = openSync(current, 'a', 0o600);
  let size = fstatSync(fd).size;

  function rotate(): void {
    if (fd !== null) closeSync(fd);
    rmSync(join(dir, rotatedName(base, options.keep)), { force: true });
    for (let n = options.keep - 1; n >= 0; n--) {
      const from = join(dir, rotatedName(base, n));
      if (existsSync(from)) renameSync(from, join(dir, rotatedName(base, n + 1)));
    }
    fd = openSync(current, 'a', 0o600);
    size = 0;
  }

  return {
    dir,
    write(chunk) {
      if (fd === null) return;
      const bytes = Buffer.byteLength(chunk);
      if (size > 0 && size + bytes > options.maxBytes) rotate();
      writeSync(fd, chunk);
      size += bytes;
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
