// A slip that did not print, shown to the clerk with a one-key retry (F9).
// It never blocks the counter: the next patient can be searched and issued
// while it is shown, and it can be dismissed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJob, PrintStatus } from '../../../preload/contract/methods/printing-methods';
import { useKeyHandler } from '../hooks/use-key-handler';

interface Props {
  status: PrintStatus | null;
  onRetry: (job: PrintJob) => void;
  retrying: boolean;
  /** A new copy of a printed slip, marked DUPLICATE (a torn or lost slip). */
  onReprint: (job: PrintJob) => void;
}

export const RETRY_KEY = 'F9';

export function PrintStatusNotice({ status, onRetry, retrying, onReprint }: Props) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const failed = status?.failed && status.failed.id !== dismissed ? status.failed : null;

  useKeyHandler((e) => {
    if (e.key !== RETRY_KEY || !failed) return;
    e.preventDefault();
    onRetry(failed);
  }, failed !== null);

  if (!status) return null;
  if (failed) {
    const what = failed.tokenLabel
      ? t('printing.notice.failedSlip', { label: failed.tokenLabel })
      : failed.kind === 'notice'
        ? t('printing.notice.failedNotice')
        : failed.kind === 'card'
          ? t('printing.notice.failedCard')
          : t('printing.notice.failedTest');
    const known = failed.errorCode && t(`printing.errors.${failed.errorCode}`, { defaultValue: '' });
    return (
      <div
        className="print-notice failed"
        role="alert"
        data-testid="print-failed"
        data-job-id={failed.id}
        data-code={failed.errorCode ?? ''}
      >
        <strong>{what}</strong> <span>{known || failed.errorMessage}</span>
        <span className="print-notice-actions">
          <button type="button" data-testid="print-retry" disabled={retrying} onClick={() => onRetry(failed)}>
            {t('printing.notice.retry')} <kbd>{RETRY_KEY}</kbd>
          </button>
          <button type="button" className="secondary small" data-testid="print-dismiss" onClick={() => setDismissed(failed.id)}>
            {t('printing.notice.dismiss')}
          </button>
        </span>
      </div>
    );
  }
  if (status.pending > 0) {
    return (
      <div className="print-notice pending" data-testid="print-pending" aria-live="polite">
        {t('printing.notice.pending', { count: status.pending })}
      </div>
    );
  }
  const latest = status.latest;
  if (latest?.status === 'sent' && latest.tokenLabel && latest.tokenId) {
    return (
      <div className="print-notice printed" data-testid="print-printed" aria-live="polite">
        <span>{t('printing.notice.printed', { label: latest.tokenLabel })}</span>
        <span className="print-notice-actions">
          <button
            type="button"
            className="secondary small"
            data-testid="print-reprint"
            disabled={retrying}
            onClick={() => onReprint(latest)}
          >
            {t('printing.notice.reprint')}
          </button>
        </span>
      </div>
    );
  }
  return null;
}
