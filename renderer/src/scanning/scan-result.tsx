// What the last scan said, in one line above the work area: which card it
// was and whether its signature checked out, or why it was refused.
import { useTranslation } from 'react-i18next';
import { CardRejectionDetails } from '../../../preload/contract/methods/card-schemas';
import type { ScanOutcome } from './use-card-scan';
import './scanning.css';

export function ScanResult({ outcome, onDismiss }: { outcome: ScanOutcome; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (outcome.error) {
    const reason = CardRejectionDetails.safeParse(outcome.error.details);
    const text = reason.success ? t(`scanning.reason.${reason.data.reason}`) : outcome.error.message;
    return (
      <div
        className="scan-result scan-refused"
        role="alert"
        data-testid="scan-error"
        data-reason={reason.success ? reason.data.reason : outcome.error.code}
      >
        <strong>{t('scanning.refused')}</strong> {text}
        <button type="button" className="secondary small" onClick={onDismiss}>
          {t('scanning.dismiss')}
        </button>
      </div>
    );
  }
  const result = outcome.result!;
  const state = result.verification.state;
  const issuer = result.verification.issuerName ?? result.verification.issuer ?? '';
  return (
    <div
      className={`scan-result scan-${state}`}
      role="status"
      data-testid="scan-result"
      data-state={state}
      data-kind={result.card.kind}
    >
      <strong>{t(`scanning.kind.${result.card.kind}`)}</strong>{' '}
      <span data-testid="scan-verification">{t(`scanning.verification.${state}`, { issuer })}</span>
      {!result.patient && !result.prefill && <span> {t('scanning.nobodyHere')}</span>}
      {!result.patient && result.prefill && <span> {t('scanning.newPatient')}</span>}
      <button type="button" className="secondary small" onClick={onDismiss}>
        {t('scanning.dismiss')}
      </button>
    </div>
  );
}
