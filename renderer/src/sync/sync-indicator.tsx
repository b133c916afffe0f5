// The HIMS sync strip in the header: state in words, what is waiting and for
// how long, the last success and the last error; the ways into sync now,
// settings and the review list.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../preload/contract/methods/sync-schemas';
import { useMayCall } from '../auth/use-may-call';
import { timeText } from '../lib/dates';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { SyncReview } from './sync-review';
import { SyncSettingsForm } from './sync-settings';
import { useSyncStatus } from './use-sync-status';
import './sync.css';

function age(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('sync.age.seconds', { count: seconds });
  if (seconds < 3600) return t('sync.age.minutes', { count: Math.floor(seconds / 60) });
  if (seconds < 86_400) return t('sync.age.hours', { count: Math.floor(seconds / 3600) });
  return t('sync.age.days', { count: Math.floor(seconds / 86_400) });
}

function clock(iso: string | null, timeZone: string | undefined): string {
  return iso ? timeText(iso, timeZone) : '—';
}

export function SyncIndicator({ timeZone }: { timeZone: string | undefined }) {
  const { t } = useTranslation();
  const { status, refresh } = useSyncStatus();
  const syncNow = useCounterMutation('sync.now');
  const [panel, setPanel] = useState<'settings' | 'review' | null>(null);
  const mayConfigure = useMayCall('sync.getSettings'); // a supervisor's
  if (!status) return null;
  const troubled = status.state === 'offline' || status.state === 'error';
  const toggle = (which: 'settings' | 'review') => setPanel((p) => (p === which ? null : which));

  return (
    <div className={`sync-strip state-${status.state}`} data-testid="sync-indicator" data-state={status.state}>
      <span className="sync-dot" aria-hidden="true" />
      <strong data-testid="sync-state">{t(`sync.state.${status.state}`)}</strong>
      {/* A line at the foot of the screen: how long things have waited, and the last success, only when it matters. */}
      {status.state !== 'disabled' && (
        <span data-testid="sync-pending">
          {status.pending === 0 ? t('sync.allSent') : t('sync.pending', { count: status.pending })}
          {status.oldestPendingAgeSeconds !== null &&
            status.pending > 0 &&
            troubled &&
            ` · ${t('sync.oldest', { age: age(status.oldestPendingAgeSeconds, t) })}`}
        </span>
      )}
      {troubled && <span className="hint">{t('sync.lastSuccess', { time: clock(status.lastSuccessAt, timeZone) })}</span>}
      {status.lastError && status.state !== 'idle' && (
        <span className="sync-error" data-testid="sync-last-error" title={status.lastErrorAt ?? ''}>
          {status.lastError}
        </span>
      )}
      {status.state !== 'disabled' && (
        <button
          type="button"
          className="secondary small"
          disabled={syncNow.pending}
          onClick={() => void syncNow.run({}).then(refresh)}
        >
          {t('sync.now')}
        </button>
      )}
      {status.reviewOpen > 0 && (
        <button type="button" className="small warn" data-testid="sync-review-open" onClick={() => toggle('review')}>
          {t('sync.review.open', { count: status.reviewOpen })}
        </button>
      )}
      {mayConfigure && (
        <button
          type="button"
          className="secondary small"
          data-testid="sync-settings-open"
          aria-expanded={panel === 'settings'}
          onClick={() => toggle('settings')}
        >
          {t('sync.settings.open')}
        </button>
      )}
      {panel === 'settings' && (
        <SyncSettingsForm
          onClose={() => {
            setPanel(null);
            refresh();
          }}
        />
      )}
      {panel === 'review' && (
        <SyncReview
          onClose={() => {
            setPanel(null);
            refresh();
          }}
        />
      )}
    </div>
  );
}

export type { SyncStatus };
