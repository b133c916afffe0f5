// One token in today's queue, its moves (put back, cancel, transfer, entered
// in error) in one menu (one Tab stop a row, not three buttons), the reason
// or the department asked inline: a modal would steal the counter screen for
// a two-word reason.
import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Department, Token } from '../../../preload/contract';
import { CANCELLABLE_STATUSES, MOVES } from '../../../preload/contract/queue-rule';
import type { ActionResult, QueueState } from '../hooks/use-queue';
import type { Language } from '../i18n';
import { timeText } from '../lib/dates';
import { departmentName } from '../lib/format';
import { CallErrorMessage } from './call-error-message';
import { MenuButton, type MenuItem } from './menu-button';

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

/**
 * A row renders again only when its token changed: a queue read again after a
 * push brings every token as a new object, and only the one that moved (or
 * the one just issued) needs drawing.
 */
export const QueueRow = memo(QueueRowView, (before, after) =>
  (Object.keys(after) as (keyof Props)[]).every((key) =>
    key === 'token' ? sameToken(before.token, after.token) : before[key] === after[key],
  ),
);

/** Field by field (the few nested ones, fee and MLC, by their JSON): hundreds of rows are compared at each reading. */
function sameToken(a: Token, b: Token): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof Token)[];
  if (a.version !== b.version || keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = a[key];
    const y = b[key];
    return x === y || (typeof x === 'object' && typeof y === 'object' && JSON.stringify(x) === JSON.stringify(y));
  });
}

function QueueRowView({ token, departments, language, timeZone, pending, onCancel, onTransfer, onMove, onDone }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const others = departments.filter((d) => d.code !== token.departmentCode);
  const [target, setTarget] = useState(others[0]?.code ?? '');
  const [error, setError] = useState<CallError | null>(null);
  const rowRef = useRef<HTMLLIElement>(null);

  /** Back to the plain row; `refocus`: with the cursor on the row's menu, where the action was chosen. */
  function close(refocus: boolean) {
    setMode('idle');
    setError(null);
    if (refocus) requestAnimationFrame(() => rowRef.current?.querySelector<HTMLElement>('[data-testid="row-actions"]')?.focus());
  }

  async function confirmCancel() {
    if (reason.trim() === '') return;
    const result = await onCancel(token.id, reason);
    if (result?.ok) {
      close(false);
      onDone(t('queue.cancelled', { label: token.label }));
    } else if (result) setError(result.error);
  }

  async function confirmTransfer() {
    if (!target) return;
    const result = await onTransfer(token.id, target);
    if (result?.ok) {
      close(false);
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
      close(false);
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
      close(true);
    }
  };
  const cancellable = CANCELLABLE_STATUSES.includes(token.status);
  const moves: MenuItem[] = [];
  if (MOVES.return.from.includes(token.status))
    moves.push({ label: t('queue.return'), testId: 'return-token', onChoose: () => void putBack() });
  if (cancellable) moves.push({ label: t('queue.cancel'), testId: 'cancel-token', onChoose: () => setMode('cancel') });
  if (cancellable && others.length > 0)
    moves.push({ label: t('queue.transfer'), testId: 'transfer-token', onChoose: () => setMode('transfer') });
  if (MOVES.entered_in_error.from.includes(token.status))
    moves.push({ label: t('queue.enteredInError'), testId: 'eie-token', onChoose: () => setMode('error') });

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
        {mode === 'idle' && moves.length > 0 && (
          <MenuButton
            label={t('queue.moves')}
            ariaLabel={t('queue.movesFor', { label: token.label })}
            testId="row-actions"
            className="row-menu"
            buttonClassName="small secondary"
            items={moves}
          />
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
          onBack={() => close(true)}
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
          onBack={() => close(true)}
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
          <button type="button" className="secondary small" data-testid="transfer-back" onClick={() => close(true)}>
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
