// The counter's printing strip: the failed-slip notice (F9 prints it again),
// slips waiting for the printer, and the way into the printer settings.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../../preload/contract/methods/printing-methods';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { PrinterSettings } from './printer-settings';
import { PrintStatusNotice } from './print-status-notice';
import { usePrintStatus } from './use-print-status';
import './printing.css';

export function PrintingBar() {
  const { t } = useTranslation();
  const { status, refresh } = usePrintStatus();
  const retry = useCounterMutation('print.retry');
  const reprint = useCounterMutation('print.reprint');
  const [open, setOpen] = useState(false);

  async function retryJob(job: PrintJob) {
    await retry.run({ jobId: job.id });
    refresh();
  }

  async function reprintJob(job: PrintJob) {
    if (job.tokenId) await reprint.run({ tokenId: job.tokenId });
    refresh();
  }

  return (
    <div className="printing-bar">
      <PrintStatusNotice
        status={status}
        onRetry={(job) => void retryJob(job)}
        onReprint={(job) => void reprintJob(job)}
        retrying={retry.pending || reprint.pending}
      />
      {status && !status.printerConfigured && (
        <span className="hint" data-testid="printer-none">
          {t('printing.notice.noPrinter')}
        </span>
      )}
      <button
        type="button"
        className="secondary small"
        data-testid="printer-settings-open"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t('printing.settings.open')}
      </button>
      {open && (
        <PrinterSettings
          refreshKey={status?.latest?.updatedAt ? Date.parse(status.latest.updatedAt) : 0}
          onClose={() => {
            setOpen(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}
