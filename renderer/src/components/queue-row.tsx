// One token in today's queue, with its cancel and transfer actions inline:
// a modal would steal the counter screen for a two-word reason.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Department, Token } from '../../../preload/contract';
import { CANCELLABLE_STATUSES, MOVES } from '../../../preload/contract/queue-rule';
import type { ActionResult, QueueState } from '../hooks/use-queue';
import type { Language } from '../i18n';
import { timeText } from '../lib/dates';
import { departmentName } from '../lib/format';
import { CallErrorMessage } from './call-error-message';

interface Props {
  token: Token;
  departments: Department[];
  language: Language;
  timeZone: string | undefined;
  pending: boolean;
  onCancel: (tokenId: string, reason: string) => Promise<ActionResult<Token>>;
  onTransfer: (tokenId: string, departmentCode: string) => Promise<ActionResult<{ from: Token; to: Token }>>;
  onMove: QueueState['move'];
  onDone: (message: string) => void;
}

type Mode = 'idle' | 'cancel' | 'transfer' | 'error';

export function QueueRow({ token, departments, language, timeZone, pending, onCancel, onTransfer, onMove, onDone }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const others = departments.filter((d) => d.code !== token.departmentCode);
  const [target, setTarget] = useState(others[0]?.code ?? '');
  const [error, setError] = useState<CallError | null>(null);
  const rowRef = useRef<HTMLLIElement>(null);

  /** Back to the plain row, with the cursor on the button that opened the action. */
  function close(opener: 'cancel-token' | 'transfer-token' | 'eie-token' | null) {
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

  async function confirmError() {
    if (reason.trim() === '') return;
    const result = await onMove(token, 'entered_in_error', reason);
    if (result?.ok) {
      close(null);
      onDone(t('queue.markedError', { label: token.label }));
    } else if (result) setError(result.error);
  }

  async function putBack() {
    const result = await onMove(token, 'return');
    if (result?.ok) onDone(t('queue.putBack', { label: token.label }));
    else if (result) setError(result.error);
  }

  // Escape closes the inline action only, not the whole counter screen.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && mode !== 'idle') {
      e.preventDefault();
      close(mode === 'cancel' ? 'cancel-token' : mode === 'transfer' ? 'transfer-token' : 'eie-token');
    }
  };
  const cancellable = CANCELLABLE_STATUSES.includes(token.status);
  const canReturn = MOVES.return.from.includes(token.status);
  const canMarkError = MOVES.entered_in_error.from.includes(token.status);

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
        <span className="queue-time">{timeText(token.issuedAt, timeZone)}</span>
        {token.priority !== 'none' && <span className="chip priority">{t(`priority.${token.priority}`)}</span>}
        <span className={`chip status status-${token.status}`} data-testid="queue-status">
          {t(`queue.status.${token.status}`)}
        </span>
        {mode === 'idle' && (cancellable || canReturn || canMarkError) && (
          <span className="queue-actions">
            {canReturn && (
              <button
                type="button"
                className="small"
                data-testid="return-token"
                disabled={pending}
                onClick={() => void putBack()}
              >
                {t('queue.return')}
              </button>
            )}
            {cancellable && (
              <button type="button" className="small" data-testid="cancel-token" onClick={() => setMode('cancel')}>
                {t('queue.cancel')}
              </button>
            )}
            {cancellable && others.length > 0 && (
              <button type="button" className="small" data-testid="transfer-token" onClick={() => setMode('transfer')}>
                {t('queue.transfer')}
              </button>
            )}
            {canMarkError && (
              <button type="button" className="small secondary" data-testid="eie-token" onClick={() => setMode('error')}>
                {t('queue.enteredInError')}
              </button>
            )}
          </span>
        )}
      </div>
      {token.cancelReason && <p className="queue-reason">{token.cancelReason}</p>}
      {mode === 'cancel' && (
        <ReasonForm
          testIdPrefix="cancel"
          label={t('queue.cancelReason')}
          confirmLabel={t('queue.cancelConfirm')}
          reason={reason}
          pending={pending}
          onReason={setReason}
          onConfirm={() => void confirmCancel()}
          onBack={() => close('cancel-token')}
        />
      )}
      {mode === 'error' && (
        <ReasonForm
          testIdPrefix="eie"
          label={t('queue.errorReason')}
          confirmLabel={t('queue.errorConfirm')}
          reason={reason}
          pending={pending}
          onReason={setReason}
          onConfirm={() => void confirmError()}
          onBack={() => close('eie-token')}
        />
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

/** Cancel and "entered in error" both ask why before they act (the reason is audited and sent to the HIMS). */
function ReasonForm(p: {
  testIdPrefix: 'cancel' | 'eie';
  label: string;
  confirmLabel: string;
  reason: string;
  pending: boolean;
  onReason: (reason: string) => void;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="queue-action"
      onSubmit={(e) => {
        e.preventDefault();
        p.onConfirm();
      }}
    >
      <label>
        <span>{p.label}</span>
        <input
          data-testid={`${p.testIdPrefix}-reason`}
          value={p.reason}
          maxLength={200}
          autoFocus
          required
          onChange={(e) => p.onReason(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="danger small"
        data-testid={`${p.testIdPrefix}-confirm`}
        disabled={p.pending || p.reason.trim() === ''}
      >
        {p.confirmLabel}
      </button>
      <button type="button" className="secondary small" data-testid={`${p.testIdPrefix}-back`} onClick={p.onBack}>
        {t('queue.keep')}
      </button>
    </form>
  );
}
