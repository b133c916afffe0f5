// The room's waiting list in the order "call next" will take it, and the
// tokens set aside (no-show, skipped) that can be put back or called.
import { useTranslation } from 'react-i18next';
import type { Token } from '../../../preload/contract';
import type { QueueMove } from '../../../preload/contract/queue-rule';

interface ListProps {
  tokens: Token[];
  count: number;
  nowMs: number;
  pending: boolean;
  onMove: (token: Token, move: QueueMove) => void;
}

export function minutesSince(iso: string, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(iso)) / 60_000));
}

export function WaitingList({ tokens, count, nowMs, pending, onMove }: ListProps) {
  const { t } = useTranslation();
  return (
    <section className="room-waiting" data-testid="room-waiting" aria-labelledby="room-waiting-title">
      <h2 id="room-waiting-title">
        {t('room.waiting.title')} <span data-testid="room-waiting-count">{count}</span>
      </h2>
      {tokens.length === 0 && <p className="muted">{t('room.waiting.empty')}</p>}
      <ol className="room-list">
        {tokens.map((token, i) => (
          <li
            key={token.id}
            className="room-row"
            data-testid="room-waiting-row"
            data-token-id={token.id}
            data-label={token.label}
          >
            <span className="room-position">{i + 1}</span>
            <span className="room-row-label">{token.label}</span>
            <span className="room-row-name">{token.patientName}</span>
            {token.priority !== 'none' && <span className="chip priority">{t(`priority.${token.priority}`)}</span>}
            <span className="room-row-wait">{t('room.minutes', { count: minutesSince(token.issuedAt, nowMs) })}</span>
            <button
              type="button"
              className="small secondary"
              data-testid="room-call-this"
              disabled={pending}
              onClick={() => onMove(token, 'call')}
            >
              {t('room.callThis')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function SetAsideList({ tokens, pending, onMove }: Omit<ListProps, 'count' | 'nowMs'>) {
  const { t } = useTranslation();
  if (tokens.length === 0) return null;
  return (
    <section className="room-set-aside" data-testid="room-set-aside" aria-labelledby="room-set-aside-title">
      <h2 id="room-set-aside-title">{t('room.setAside.title')}</h2>
      <ol className="room-list">
        {tokens.slice(0, 12).map((token) => (
          <li
            key={token.id}
            className="room-row"
            data-testid="room-set-aside-row"
            data-label={token.label}
            data-status={token.status}
          >
            <span className="room-row-label">{token.label}</span>
            <span className="room-row-name">{token.patientName}</span>
            <span className={`chip status status-${token.status}`}>{t(`queue.status.${token.status}`)}</span>
            <button
              type="button"
              className="small"
              data-testid="room-return"
              disabled={pending}
              onClick={() => onMove(token, 'return')}
            >
              {t('room.return')}
            </button>
            <button
              type="button"
              className="small secondary"
              data-testid="room-call-this"
              disabled={pending}
              onClick={() => onMove(token, 'call')}
            >
              {t('room.callThis')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
