// printers.* and print.* handlers: settings, test print, preview, reprint,
// retry and the queue's state. Printing itself happens in print-worker.ts.
import { OPEN_STATUSES } from '../../preload/contract/queue-rule';
import { appendAudit } from '../audit/audit-log';
import { conflict, notFound } from '../core/app-error';
import { nowIso, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { tokenById } from '../tokens/token-store';
import { insertJob, jobById, latestFailed, latestJob, listJobs, pendingCount, publicJob, requeue } from './print-queue';
import { queueNoticeSlip } from './extra-jobs';
import type { PrintWorker } from './print-worker';
import { readPrinterSettings, writePrinterSettings } from './printer-settings';
import { sampleSlipLayout, tokenSlipLayout } from './slip-source';

/** How long a failed slip keeps being shown to the clerk. */
const FAILURE_SHOWN_MS = 12 * 3600_000;

export function printingHandlers(ctx: CoreContext, worker: PrintWorker): HandlerMap {
  const { db } = ctx;

  function requirePrinter() {
    if (readPrinterSettings(db).interface === null)
      throw conflict('interface: no printer is set up at this counter', 'interface');
  }

  return {
    'printers.getSettings': () => readPrinterSettings(db),

    'printers.saveSettings': (settings, call) => {
      const before = readPrinterSettings(db);
      writeTransaction(db, () => {
        writePrinterSettings(db, settings);
        appendAudit(db, {
          at: nowIso(ctx),
          actor: call.actor,
          action: 'printer.settings',
          entity: 'printer',
          entityId: 'slip-printer',
          detail: {
            type: settings.type,
            paperWidth: settings.paperWidth,
            interface: settings.interface,
            fallback: settings.fallbackInterface,
          },
        });
      });
      const moved = before.interface !== settings.interface || before.fallbackInterface !== (settings.fallbackInterface ?? null);
      if (moved) worker.forgetAll();
      else worker.kick();
      return readPrinterSettings(db);
    },

    'printers.testPrint': (_input, call) => {
      requirePrinter();
      return publicJob(
        writeTransaction(db, () =>
          insertJob(db, { kind: 'test', tokenId: null, duplicate: false, actor: call.actor, at: nowIso(ctx) }),
        ),
      );
    },

    'print.preview': ({ tokenId, paperWidth, footer, duplicate }, call) => {
      const settings = readPrinterSettings(db);
      const options = {
        paperWidth: paperWidth ?? settings.paperWidth,
        footer: footer === undefined ? settings.footer : footer,
        duplicate: duplicate ?? false,
        clerk: call.actor,
      };
      return tokenId ? tokenSlipLayout(ctx, tokenId, options) : sampleSlipLayout(ctx, options);
    },

    'print.reprint': ({ tokenId }, call) => {
      requirePrinter();
      return publicJob(
        writeTransaction(db, () => {
          const token = tokenById(db, tokenId);
          if (!token) throw notFound('token', 'tokenId');
          // A slip for a patient still in the queue (waiting, called, set aside) is still worth having.
          if (!OPEN_STATUSES.includes(token.status))
            throw conflict(`tokenId: token ${token.label} is ${token.status}; its slip is no longer valid`, 'tokenId');
          const at = nowIso(ctx);
          const job = insertJob(db, { kind: 'slip', tokenId, duplicate: true, actor: call.actor, at });
          appendAudit(db, {
            at,
            actor: call.actor,
            action: 'token.reprint',
            entity: 'token',
            entityId: tokenId,
            detail: { label: token.label, job: job.id, stage: 'requested' },
          });
          return job;
        }),
      );
    },

    'print.notice': ({ reason, scannedId }, call) =>
      publicJob(queueNoticeSlip(ctx, { reason, scannedId: scannedId ?? null, actor: call.actor })),

    'print.retry': ({ jobId }) => {
      const job = jobById(db, jobId);
      if (!job) throw notFound('print job', 'jobId');
      if (job.status !== 'failed') throw conflict(`jobId: the job is ${job.status}, not failed`, 'jobId');
      requeue(db, jobId, nowIso(ctx));
      worker.forget(jobId);
      return publicJob(jobById(db, jobId)!);
    },

    'print.jobs': (filter) => listJobs(db, filter).map(publicJob),

    'print.status': () => {
      const since = new Date(ctx.clock.now().getTime() - FAILURE_SHOWN_MS).toISOString();
      const latest = latestJob(db);
      const failed = latestFailed(db, since);
      return {
        printerConfigured: readPrinterSettings(db).interface !== null,
        pending: pendingCount(db),
        latest: latest ? publicJob(latest) : null,
        failed: failed ? publicJob(failed) : null,
      };
    },
  };
}
