// Restore one backup: what it does said plainly, the recovery code when the
// backup is another machine's, and RESTORE typed to confirm. On success the
// counter restarts onto the backup (the core keeps the current database aside).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { reloadWhenBack } from './reload-when-back';

export function RestoreForm({ name, ownCounter, onCancel }: { name: string; ownCounter: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const restore = useCounterMutation('backups.restore');
  const [code, setCode] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<CallError | null>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    // The contract wants the literal word; anything else is refused there too (and here, before sending).
    if (confirm.trim() !== 'RESTORE') return;
    const result = await restore.run({ name, confirm: 'RESTORE', ...(code.trim() ? { recoveryCode: code } : {}) });
    if (!result) return;
    setError(result.ok ? null : result.error);
    setDone(result.ok);
    if (result.ok) reloadWhenBack();
  }

  if (done)
    return (
      <p className="ops-ok" role="status" data-testid="restore-done">
        {t('ops.restore.done')}
      </p>
    );
  return (
    <form className="ops-restore" data-testid="restore-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <p className="ops-warn">{t('ops.restore.warning')}</p>
      {(!ownCounter || error?.field === 'recoveryCode') && (
        <label className="ops-field" htmlFor="restore-code">
          <span>{t('ops.restore.code')}</span>
          <input
            id="restore-code"
            data-testid="restore-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            lang="en"
          />
        </label>
      )}
      <label className="ops-field" htmlFor="restore-confirm">
        <span>{t('ops.restore.confirm')}</span>
        <input
          id="restore-confirm"
          data-testid="restore-confirm"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="off"
          lang="en"
          autoFocus
        />
      </label>
      {error && <CallErrorMessage error={error} testId="restore-error" />}
      <div className="ops-row">
        <button
          type="submit"
          className="danger small"
          data-testid="restore-submit"
          disabled={restore.pending || confirm.trim() !== 'RESTORE'}
        >
          {t('ops.restore.submit')}
        </button>
        <button type="button" className="secondary small" onClick={onCancel}>
          {t('ops.restore.cancel')}
        </button>
      </div>
    </form>
  );
}
