// The other transports: a device file (what /dev/usb/lp0 is), a device that
// never opens (a FIFO without a reader stands in for a dead USB printer), the
// OS queue through CUPS' `lp` (a stand-in `lp` script: CUPS does not run
// here), and the queue's own recovery rules (interrupted and stale jobs).
import { execFileSync } from 'node:child_process';
import { chmodSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { sendDevice } from '../../main/printing/transports/device-transport';
import { sendTcp } from '../../main/printing/transports/tcp-transport';
import { LoopbackPrinter } from '../support/loopback-printer';
import { cupsPrintQueue, type OsSlip } from '../../main/printing/transports/os-queue-transport';
import { PrintFault } from '../../main/printing/transports/print-fault';
import { writePrinterSettings, DEFAULT_PRINTER_SETTINGS } from '../../main/printing/printer-settings';
import { decodeEscPos } from '../support/escpos-decoder';
import { TEST_IDENTITY, TestClock, tempDir } from '../support/temp-core';

const TIMEOUTS = { connectMs: 200, writeMs: 500, statusMs: 200 };
const cleanups: (() => void)[] = [];
afterEach(() =>
  cleanups
    .splice(0)
    .reverse()
    .forEach((f) => f()),
);

function core(options: Parameters<typeof createCore>[0]['printing'], clock = new TestClock()): { core: Core; clock: TestClock } {
  const dataDir = tempDir();
  const c = createCore({
    dataDir,
    shell: 'browser',
    settings: TEST_IDENTITY,
    clock,
    log: () => {},
    printing: { timeouts: TIMEOUTS, idlePollMs: 50, log: () => {}, ...options },
  });
  cleanups.push(() => {
    c.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { core: c, clock };
}

async function call(c: Core, method: string, input: unknown) {
  const result = await c.registry.dispatch(method, input, { kind: 'trusted', actor: 'test' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as Record<string, unknown>;
}

async function until<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('network transport status checks', () => {
  it('reads paper out from DLE EOT 4 as well as GS r 1, and sends no query when told not to', async () => {
    const printer = await new LoopbackPrinter().start();
    cleanups.push(() => void printer.stop());
    const slip = Buffer.from('\x1b@B-001\n');
    await sendTcp(printer.uri, slip, { timeouts: TIMEOUTS, statusQuery: 'dle_eot' });
    await printer.waitForJobs(1);
    expect(decodeEscPos(printer.jobs[0]!).items.at(-1)).toEqual({ kind: 'status', query: 'dle_eot', n: 4 });
    await sendTcp(printer.uri, slip, { timeouts: TIMEOUTS, statusQuery: 'none' });
    await printer.waitForJobs(2);
    expect(decodeEscPos(printer.jobs[1]!).items.some((i) => i.kind === 'status')).toBe(false);
    printer.mode = 'paper_out';
    for (const statusQuery of ['dle_eot', 'gs_r'] as const) {
      await expect(sendTcp(printer.uri, slip, { timeouts: TIMEOUTS, statusQuery })).rejects.toMatchObject({ code: 'paper_out' });
    }
  });

  it('stops at once when cancelled (the worker stopping), even mid-wait', async () => {
    const printer = await new LoopbackPrinter().start();
    cleanups.push(() => void printer.stop());
    printer.mode = 'never_read';
    const abort = new AbortController();
    const sending = sendTcp(printer.uri, Buffer.from('x'), {
      timeouts: { ...TIMEOUTS, statusMs: 60_000 },
      statusQuery: 'gs_r',
      signal: abort.signal,
    });
    setTimeout(() => abort.abort(), 50);
    await expect(sending).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('device file transport', () => {
  it('writes the slip bytes to the device', async () => {
    const file = join(tempDir(), 'lp0');
    cleanups.push(() => rmSync(file, { force: true }));
    await sendDevice(file, Buffer.from('\x1b@HELLO\n'), { timeouts: TIMEOUTS });
    expect(decodeEscPos(readFileSync(file)).texts).toEqual(['HELLO']);
  });

  it('gives up on a device that never opens, within the time-out', async () => {
    const fifo = join(tempDir(), 'dead-printer');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const error = await sendDevice(fifo, Buffer.from('x'), { timeouts: TIMEOUTS }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintFault);
    expect((error as PrintFault).code).toBe('connect_timeout');
    expect(Date.now() - started).toBeLessThan(3000);
    // Release the libuv thread still waiting in open(): a reader comes and goes.
    closeSync(openSync(fifo, 'r'));
    rmSync(fifo);
  });
});

describe('OS print queue', () => {
  it('hands the slip image to CUPS with lp -d PRINTER, and reports a refusal', async () => {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const lp = join(dir, 'lp');
    writeFileSync(
      lp,
      `#!/bin/sh\nif [ "$2" = "Broken" ]; then echo "lp: The printer or class does not exist." >&2; exit 1; fi\necho "$@" > "${dir}/args"\nfor last; do :; done\ncp "$last" "${dir}/printed.png"\n`,
    );
    chmodSync(lp, 0o755);
    const queue = cupsPrintQueue(lp);
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const slip: OsSlip = { printer: 'Counter_B', png, html: '', widthMm: 80 };
    await queue.print(slip, 2000);
    expect(readFileSync(join(dir, 'args'), 'utf8')).toMatch(/^-d Counter_B -o fit-to-page/);
    expect(readFileSync(join(dir, 'printed.png'))).toEqual(png);
    const refused = await queue.print({ ...slip, printer: 'Broken' }, 2000).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'os_queue_failed', message: expect.stringContaining('does not exist') });
  });

  it('prints os: printers as one slip image through the injected queue (Electron injects webContents.print)', async () => {
    const printed: OsSlip[] = [];
    const { core: c } = core({ osQueue: { print: (slip) => Promise.resolve(void printed.push(slip)) } });
    await call(c, 'printers.saveSettings', { ...DEFAULT_PRINTER_SETTINGS, interface: 'os:Counter B Laser', paperWidth: 58 });
    const job = await call(c, 'printers.testPrint', {});
    await until(() => (printed.length ? true : undefined));
    expect(printed[0]).toMatchObject({ printer: 'Counter B Laser', widthMm: 58 });
    expect(printed[0]!.png.subarray(1, 4).toString()).toBe('PNG');
    expect(printed[0]!.png.readUInt32BE(16)).toBe(384); // IHDR width: the 58 mm paper in dots
    expect(printed[0]!.html).toContain('data:image/png;base64,');
    await until(() =>
      (c.db.prepare('SELECT status FROM print_jobs WHERE id = ?').get(job.id) as { status: string }).status === 'sent'
        ? true
        : undefined,
    );
  });
});

describe('queue recovery', () => {
  it('a job left "sending" by a crash is failed as interrupted, not printed again by itself', () => {
    const dataDir = tempDir();
    const first = createCore({ dataDir, shell: 'browser', log: () => {}, printing: { log: () => {} } });
    first.db
      .prepare(
        "INSERT INTO print_jobs (id, kind, status, actor, created_at, updated_at) VALUES ('j1', 'test', 'sending', 'test', '2026-01-01', '2026-01-01')",
      )
      .run();
    first.close();
    const second = createCore({ dataDir, shell: 'browser', log: () => {}, printing: { log: () => {} } });
    cleanups.push(() => {
      second.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    expect(second.db.prepare("SELECT status, error_code, retry_at FROM print_jobs WHERE id = 'j1'").get()).toEqual({
      status: 'failed',
      error_code: 'interrupted',
      retry_at: null,
    });
  });

  it('a slip still unprinted long after it was queued is not printed by itself (stale)', async () => {
    const clock = new TestClock();
    const { core: c } = core({ staleAfterMs: 60_000, backoff: { baseMs: 60_000, maxMs: 60_000 } }, clock);
    writePrinterSettings(c.db, { ...DEFAULT_PRINTER_SETTINGS, interface: 'tcp://127.0.0.1:9' });
    c.db
      .prepare(
        "INSERT INTO print_jobs (id, kind, status, actor, created_at, updated_at) VALUES ('old', 'test', 'queued', 'test', ?, ?)",
      )
      .run(new Date(clock.current.getTime() - 120_000).toISOString(), new Date(clock.current.getTime() - 120_000).toISOString());
    await call(c, 'print.status', {});
    await until(() =>
      (c.db.prepare("SELECT error_code FROM print_jobs WHERE id = 'old'").get() as { error_code: string | null }).error_code
        ? true
        : undefined,
    );
    expect(c.db.prepare("SELECT status, error_code, retry_at FROM print_jobs WHERE id = 'old'").get()).toEqual({
      status: 'failed',
      error_code: 'stale',
      retry_at: null,
    });
  });
});
