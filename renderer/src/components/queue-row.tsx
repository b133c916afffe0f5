// One token in today's queue, with its cancel and transfer actions inline:
// a modal would steal the counter screen for a two-word reason.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Department, Token } from '../../../preload/contract';
import type { ActionResult } from '../hooks/use-queue';
import type { Language } from '../i18n';
import { departmentName, formatTime } from '../lib/format';
import { CallErrorMessage } from './call-error-message';

interface Props {
  token: Token;
  departments: Department[];
  language: Language;
  timeZone: string | undefined;
  pending: boolean;
  onCancel: (tokenId: string, reason: string) => Promise<ActionResult<Token>>;
  onTransfer: (tokenId: string, departmentCode: string) => Promise<ActionResult<{ from: Token; to: Token }>>;
  onDone: (message: string) => void;
}

type Mode = 'idle' | 'cancel' | 'transfer';

export function QueueRow({ token, departments, language, timeZone, pending, onCancel, onTransfer, onDone }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const others = departments.filter((d) => d.code !== token.departmentCode);
  const [target, setTarget] = useState(others[0]?.code ?? '');
  const [error, setError] = useState<CallError | null>(null);
  const rowRef = useRef<HTMLLIElement>(null);

  /** Back to the plain row, with the cursor on the button that opened the action. */
  function close(opener: 'cancel-token' | 'transfer-token' | null) {
    setMode('idle');
    setError(null);
    if (opener) requestAnimationFrame(() => rowRef.current?.querySelector<HTMLElement>(`[data-testid="${opener}"]`)?.focus());
  }

  async function confirmCancel() {
    if (reason.trim() === '') return;
    const result = await onCancel(token.id, reason);
    if (result?.ok) {
      close(null);
      onDone(t('queue.cancelled', { label: token.label }));
    } else if (result) setError(result.error);
  }

  async function confirmTransfer() {
    if (!target) return;
    const result = await onTransfer(token.id, target);
    if (result?.ok) {
      close(null);
      const to = departments.find((d) => d.code === target);
      onDone(
        t('queue.transferred', {
          from: token.label,
          to: result.value.to.label,
          department: departmentName(to, target, language),
        }),
      );
    } else if (result) setError(result.error);
  }

  // Escape closes the inline action only, not the whole counter screen.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && mode !== 'idle') {
      e.preventDefault();
      close(mode === 'cancel' ? 'cancel-token' : 'transfer-token');
    }
  };

  return (
    <li
      ref={rowRef}
      className={`queue-row status-${token.status}`}
      data-testid="queue-row"
      data-status={token.status}
      data-token-id={token.id}
      onKeyDown={onKeyDown}
    >
      <div className="queue-main">
        <span className="queue-label">{token.label}</span>
        <span className="queue-patient">{token.patientName}</span>
        <span className="queue-time">{formatTime(token.issuedAt, language, timeZone)}</span>
        {token.priority !== 'none' && <span className="chip priority">{t(`priority.${token.priority}`)}</span>}
        <span className={`chip status status-${token.status}`} data-testid="queue-status">
          {t(`queue.status.${token.status}`)}
        </span>
        {token.status === 'issued' && mode === 'idle' && (
          <span className="queue-actions">
            <button type="button" className="small" data-testid="cancel-token" onClick={() => setMode('cancel')}>
              {t('queue.cancel')}
            </button>
            {others.length > 0 && (
              <button type="button" className="small" data-testid="transfer-token" onClick={() => setMode('transfer')}>
                {t('queue.transfer')}
              </button>
            )}
          </span>
        )}
      </div>
      {token.cancelReason && <p className="queue-reason">{token.cancelReason}</p>}
      {mode === 'cancel' && (
        <form
          className="queue-action"
          onSubmit={(e) => {
            e.preventDefault();
            void confirmCancel();
          }}
        >
          <label>
            <span>{t('queue.cancelReason')}</span>
            <input
              data-testid="cancel-reason"
              value={reason}
              maxLength={200}
              autoFocus
              required
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="submit" className="danger small" data-testid="cancel-confirm" disabled={pending || reason.trim() === ''}>
            {t('queue.cancelConfirm')}
          </button>
          <button type="button" className="secondary small" data-testid="cancel-back" onClick={() => close('cancel-token')}>
            {t('queue.keep')}
          </button>
        </form>
      )}
      {mode === 'transfer' && (
        <form
          className="queue-action"
          onSubmit={(e) => {
            e.preventDefault();
            void confirmTransfer();
          }}
        >
          <label>
            <span>{t('queue.transferTo')}</span>
            <select data-testid="transfer-department" value={target} autoFocus onChange={(e) => setTarget(e.target.value)}>
              {others.map((d) => (
                <option key={d.code} value={d.code}>
                  {departmentName(d, d.code, language)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="small" data-testid="transfer-confirm" disabled={pending || !target}>
            {t('queue.transferConfirm')}
          </button>
          <button type="button" className="secondary small" data-testid="transfer-back" onClick={() => close('transfer-token')}>
            {t('queue.keep')}
          </button>
        </form>
      )}
      {error && <CallErrorMessage error={error} title={t('queue.actionFailed')} testId="queue-error" />}
    </li>
  );
}
