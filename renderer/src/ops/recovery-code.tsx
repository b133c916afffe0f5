// The recovery code: made by the core, shown here once, in large print, to be
// printed and locked away. Printing prints only the sheet (ops.css @media print).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';

export function RecoveryCodePanel({
  createdAt,
  when,
  onMade,
}: {
  createdAt: string | null;
  when: (iso: string | null) => string;
  onMade: () => void;
}) {
  const { t } = useTranslation();
  const make = useCounterMutation('backups.newRecoveryCode');
  const [code, setCode] = useState<string | null>(null);
  const [hadOne, setHadOne] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  async function onMake() {
    setHadOne(createdAt !== null);
    const result = await make.run({});
    if (!result) return;
    setError(result.ok ? null : result.error);
    if (result.ok) setCode(result.value.recoveryCode);
  }

  return (
    <div className="ops-recovery" data-testid="recovery">
      <h4>{t('ops.recovery.title')}</h4>
      {code ? (
        <div className="recovery-sheet" data-testid="recovery-sheet">
          <p>{t('ops.recovery.show')}</p>
          <p className="recovery-code" data-testid="recovery-code" lang="en">
            {code}
          </p>
          {hadOne && <p className="hint">{t('ops.recovery.oldStillOpens')}</p>}
          <div className="ops-row no-print">
            <button type="button" className="secondary small" onClick={() => window.print()}>
              {t('ops.recovery.print')}
            </button>
            <button
              type="button"
              className="primary small"
              data-testid="recovery-done"
              onClick={() => {
                setCode(null);
                onMade();
              }}
            >
              {t('ops.recovery.done')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="hint" data-testid="recovery-state">
            {createdAt ? t('ops.recovery.made', { time: when(createdAt) }) : t('ops.recovery.none')}
          </p>
          <button
            type="button"
            className={createdAt ? 'secondary small' : 'primary small'}
            data-testid="recovery-make"
            disabled={make.pending}
            onClick={() => void onMake()}
          >
            {createdAt ? t('ops.recovery.remake') : t('ops.recovery.make')}
          </button>
        </>
      )}
      {error && <CallErrorMessage error={error} testId="recovery-error" />}
    </div>
  );
}
