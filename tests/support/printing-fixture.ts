// What the printing integration tests share: a core whose print worker has
// short time-outs (so a fault test ends in seconds), and the loopback printers
// a test file starts, stopped together after each test.
import type { CounterSettings } from '../../main/config/counter-identity';
import type { PrintWorkerOptions } from '../../main/printing/print-worker';
import { LoopbackPrinter } from './loopback-printer';
import { startTestCore, tempDir, type TestCore } from './temp-core';

/** Short time-outs and a quick back-off: a job that fails is retried within the test. */
export const FAST_PRINTING: Partial<PrintWorkerOptions> = {
  timeouts: { connectMs: 300, writeMs: 1000, statusMs: 300 },
  backoff: { baseMs: 20, maxMs: 100 },
  idlePollMs: 50,
  log: () => {},
};

export function startPrintingCore(
  printing: Partial<PrintWorkerOptions> = FAST_PRINTING,
  settings: CounterSettings = {},
): TestCore {
  return startTestCore({ counterLetter: 'B', hospitalName: 'Lok Nayak Hospital', ...settings }, tempDir(), { printing });
}

export function printerPool() {
  const started: LoopbackPrinter[] = [];
  return {
    async start(): Promise<LoopbackPrinter> {
      const printer = await new LoopbackPrinter().start();
      started.push(printer);
      return printer;
    },
    stopAll: () => Promise.all(started.splice(0).map((p) => p.stop())),
  };
}
