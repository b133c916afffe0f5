// "Print card on slip" in the patient panel: the patient's
// current e-health card on the thermal slip printer, issued first when the
// patient has none (cards.printSlip). The answer is shown beside the button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import './printing.css';

export function CardSlipButton({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const print = useCounterMutation('cards.printSlip');
  const [outcome, setOutcome] = useState<{ issued: boolean } | { error: CallError } | null>(null);

  async function run() {
    setOutcome(null);
    const result = await print.run({ patientId });
    if (result) setOutcome(result.ok ? { issued: result.value.issued } : { error: result.error });
  }

  return (
    <div className="card-slip">
      <button
        type="button"
        className="secondary small"
        data-testid="card-slip-print"
        disabled={print.pending}
        onClick={() => void run()}
      >
        {print.pending ? t('printing.cardSlip.printing') : t('printing.cardSlip.print')}
      </button>
      {outcome && 'issued' in outcome && (
        <span className="hint" role="status" data-testid="card-slip-queued">
          {outcome.issued ? t('printing.cardSlip.issued') : t('printing.cardSlip.queued')}
        </span>
      )}
      {outcome && 'error' in outcome && (
        <CallErrorMessage error={outcome.error} title={t('printing.cardSlip.failed')} testId="card-slip-error" />
      )}
    </div>
  );
}
