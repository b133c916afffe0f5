// Prints queued jobs one at a time, oldest first, after their token has
// committed. Nothing here blocks the event loop on a printer: every transport
// step has a time-out, a failed job is retried with back-off (the jobs behind
// it wait, so slips come out in issue order), and a fallback printer takes
// the same job when the main one fails. See docs/printing.md.
import type { PrintErrorCode } from '../../preload/contract/methods/printing-methods';
import { appendAudit } from '../audit/audit-log';
import { nowIso, type CoreContext } from '../core/core-context';
import { writeTransaction } from '../db/transaction';
import { failInterrupted, headJob, markFailed, markSending, markSent, onJobQueued, type StoredJob } from './print-queue';
import { readPrinterSettings } from './printer-settings';
import { cardSlipLayout, noticeSlipLayout, sampleSlipLayout, tokenSlipLayout } from './slip-source';
import { moneySlipLayout } from '../money/money-slip-source';
import { sendDevice } from './transports/device-transport';
import { cupsPrintQueue, type OsPrintQueue } from './transports/os-queue-transport';
import { DEFAULT_TIMEOUTS, PrintFault, type FaultCode, type PrintTimeouts } from './transports/print-fault';
import { sendTcp } from './transports/tcp-transport';

export interface PrintWorkerOptions {
  timeouts: PrintTimeouts;
  /** Back-off after the n-th failed attempt: min(baseMs · 2^(n-1), maxMs). */
  backoff: { baseMs: number; maxMs: number };
  /** A slip still unprinted this long after it was queued is not printed by itself any more (the patient has moved on). */
  staleAfterMs: number;
  osQueue: OsPrintQueue;
  /** How often an idle worker looks at the queue even without a wake-up (another process may share the file). */
  idlePollMs: number;
  /** level: error unless said (main/log/logger.ts). */
  log: (message: string, level?: 'info' | 'warn' | 'error') => void;
}

export const DEFAULT_WORKER_OPTIONS: PrintWorkerOptions = {
  timeouts: DEFAULT_TIMEOUTS,
  backoff: { baseMs: 1000, maxMs: 30_000 },
  staleAfterMs: 60 * 60_000,
  osQueue: cupsPrintQueue(),
  idlePollMs: 5000,
  log: console.error,
};

/**
 * Faults after which the worker tries again by itself: nothing reached the
 * printer (refused, no answer) or it said why it could not print (paper out;
 * the whole slip is printed again once paper is in). After the others the
 * slip may already be partly or wholly out, so a person decides (print.retry).
 */
const AUTO_RETRY = new Set<FaultCode>(['connection_refused', 'connect_timeout', 'paper_out']);

/** The slip could not be drawn: no printer was at fault. */
class RenderFailure extends Error {
  constructor(cause: unknown) {
    super(`the slip could not be drawn: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RenderFailure';
  }
}

const INTERNAL_WORDS = 'something in the counter failed while sending this slip (the log says what); try again';

/** A printer's fault by its own code; the counter's own failures named as what they are. */
function errorCode(error: Error): PrintErrorCode {
  if (error instanceof PrintFault) return error.code;
  if (error instanceof RenderFailure) return 'render_failed';
  return 'internal_error';
}

export interface PrintWorker {
  start(): void;
  /** Stops at once: the job in flight is abandoned (it is marked 'interrupted' at the next start). */
  stop(): void;
  /** Look at the queue now (a retry, new settings). */
  kick(): void;
  /** Forget a job's back-off so a retry goes at once. */
  forget(jobId: string): void;
  /**
   * Another printer address: the back-offs were the old printer's, so every
   * slip waiting on one goes now, oldest first.
   */
  forgetAll(): void;
}

export function createPrintWorker(ctx: CoreContext, options: Partial<PrintWorkerOptions> = {}): PrintWorker {
  const opts: PrintWorkerOptions = { ...DEFAULT_WORKER_OPTIONS, ...options };
  const { db } = ctx;
  let running = false;
  let abort = new AbortController();
  let wake: (() => void) | null = null;
  /** Real-time (monotonic) moment each failed job may go again; the stored retry_at is for people. */
  const notBefore = new Map<string, number>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  function render(job: StoredJob, settings: ReturnType<typeof readPrinterSettings>) {
    const layoutOptions = {
      paperWidth: settings.paperWidth,
      footer: settings.footer,
      duplicate: job.duplicate,
      clerk: job.actor,
    };
    if (job.payload?.kind === 'notice') return noticeSlipLayout(ctx, job.payload, layoutOptions);
    if (job.payload?.kind === 'card') return cardSlipLayout(ctx, job.payload.cardId, layoutOptions);
    if (job.payload) return moneySlipLayout(ctx, job.payload, layoutOptions);
    return job.kind === 'test' || !job.tokenId
      ? sampleSlipLayout(ctx, layoutOptions)
      : tokenSlipLayout(ctx, job.tokenId, layoutOptions);
  }

  /** The slip drawn for one printer: page image for an os: queue, ESC/POS bytes otherwise. */
  async function draw(target: string, job: StoredJob, settings: ReturnType<typeof readPrinterSettings>) {
    try {
      const layout = render(job, settings);
      if (target.startsWith('os:')) {
        const { slipHtml, slipPng } = await import('./slip-image');
        const png = slipPng(layout);
        return { kind: 'page' as const, png, html: slipHtml(png, settings.paperWidth) };
      }
      // Loaded on the first slip: Skia and the printer library cost ~0.1 s at start-up that a counter without a printer never needs.
      const { encodeSlip } = await import('./escpos-encoder');
      return { kind: 'escpos' as const, bytes: await encodeSlip(layout, settings) };
    } catch (err) {
      throw new RenderFailure(err);
    }
  }

  async function send(target: string, job: StoredJob, settings: ReturnType<typeof readPrinterSettings>): Promise<number> {
    const drawn = await draw(target, job, settings);
    const signal = abort.signal;
    if (drawn.kind === 'page') {
      const widthMm = settings.paperWidth;
      await opts.osQueue.print({ printer: target.slice(3), png: drawn.png, html: drawn.html, widthMm }, opts.timeouts.writeMs);
      return drawn.png.length;
    }
    if (target.startsWith('tcp://'))
      await sendTcp(target, drawn.bytes, { timeouts: opts.timeouts, statusQuery: settings.statusQuery, signal });
    else await sendDevice(target, drawn.bytes, { timeouts: opts.timeouts, signal });
    return drawn.bytes.length;
  }

  async function runJob(job: StoredJob): Promise<void> {
    const startedAt = nowIso(ctx);
    if (ctx.clock.now().getTime() - new Date(job.createdAt).getTime() > opts.staleAfterMs) {
      markFailed(db, job.id, {
        at: startedAt,
        code: 'stale',
        message: 'not printed in time; reprint it if the patient still needs it',
        retryAt: null,
        printer: null,
        bytes: null,
      });
      return;
    }
    const settings = readPrinterSettings(db);
    const targets = [settings.interface, settings.fallbackInterface].filter((t): t is string => t !== null);
    if (targets.length === 0) {
      markFailed(db, job.id, {
        at: startedAt,
        code: 'no_printer',
        message: 'no printer is set up at this counter',
        retryAt: null,
        printer: null,
        bytes: null,
      });
      return;
    }
    markSending(db, job.id, startedAt);
    const failures: { target: string; error: Error }[] = [];
    for (const target of targets) {
      try {
        const bytes = await send(target, job, settings);
        if (!running) return; // stopped meanwhile: the database may be closed
        const at = nowIso(ctx);
        writeTransaction(db, () => {
          markSent(db, job.id, { at, printer: target, bytes });
          if (job.tokenId) {
            appendAudit(db, {
              at,
              actor: job.actor,
              action: 'token.print',
              entity: 'token',
              entityId: job.tokenId,
              detail: { job: job.id, printer: target, copy: job.duplicate ? 'duplicate' : 'original' },
            });
          }
        });
        notBefore.delete(job.id);
        opts.log(`print job ${job.id} (${job.kind}${job.duplicate ? ', duplicate' : ''}) sent: ${bytes} bytes`, 'info');
        return;
      } catch (err) {
        if (!running) return;
        failures.push({ target, error: err instanceof Error ? err : new Error(String(err)) });
      }
    }
    const at = ctx.clock.now();
    const last = failures.at(-1)!;
    const attempts = job.attempts + 1;
    const delay = Math.min(opts.backoff.baseMs * 2 ** (attempts - 1), opts.backoff.maxMs);
    // Again by itself only if no printer tried can have printed any of it.
    const retry = failures.every(({ error }) => error instanceof PrintFault && AUTO_RETRY.has(error.code));
    if (retry) notBefore.set(job.id, performance.now() + delay);
    // Each printer tried, in words: "tcp://main:9100: … ; tcp://fallback:9100: …".
    const words = ({ target, error }: (typeof failures)[number]) => {
      const text = errorCode(error) === 'internal_error' ? INTERNAL_WORDS : error.message;
      return failures.length > 1 ? `${target}: ${text}` : text;
    };
    const message = failures.map(words).join('; ');
    const unexpected = failures.filter(({ error }) => errorCode(error) === 'internal_error');
    for (const { error } of unexpected) opts.log(`print job ${job.id}: unexpected error while sending: ${error.message}`);
    markFailed(db, job.id, {
      at: at.toISOString(),
      code: errorCode(last.error),
      message,
      retryAt: retry ? new Date(at.getTime() + delay).toISOString() : null,
      printer: last.target,
      bytes: null,
    });
    opts.log(`print job ${job.id} failed: ${message}`);
  }

  async function loop(): Promise<void> {
    while (running) {
      const job = headJob(db);
      if (!job) {
        await sleep(opts.idlePollMs);
        continue;
      }
      const waitMs = (notBefore.get(job.id) ?? 0) - performance.now();
      if (job.status === 'failed' && waitMs > 0) {
        await sleep(waitMs);
        continue;
      }
      await runJob(job);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      abort = new AbortController();
      failInterrupted(db, nowIso(ctx));
      onJobQueued(db, () => wake?.());
      void loop().catch((err: unknown) => {
        running = false;
        opts.log(`print worker stopped: ${err instanceof Error ? err.message : String(err)}`);
      });
    },
    stop() {
      running = false;
      onJobQueued(db, null);
      abort.abort();
      wake?.();
    },
    kick() {
      wake?.();
    },
    forget(jobId) {
      notBefore.delete(jobId);
      wake?.();
    },
    forgetAll() {
      notBefore.clear();
      wake?.();
    },
  };
}
