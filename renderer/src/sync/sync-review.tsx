// Changes the HIMS refused for a person to decide (412, several matches, the
// same ABHA number on another record): both versions side by side, a
// difference marked, and three choices.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewEntry } from '../../../preload/contract/methods/sync-schemas';
import { callCounter } from '../api/counter-client';
import { useMayCall } from '../auth/use-may-call';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { reviewRows } from './review-fields';
import { Dialog } from '../components/dialog';

export function SyncReview({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<ReviewEntry[] | null>(null);
  const [tick, setTick] = useState(0);
  const resolve = useCounterMutation('sync.resolve');
  // A clerk sees the list; a supervisor decides (preload/contract/method-access.ts).
  const mayDecide = useMayCall('sync.resolve');
  useEffect(() => {
    void callCounter('sync.reviewList', {}).then((r) => r.ok && setEntries(r.value));
  }, [tick]);

  async function decide(id: number, resolution: 'keep_local' | 'keep_remote' | 'dismissed') {
    await resolve.run({ id, resolution });
    setTick((n) => n + 1);
  }

  if (!entries) return null;
  return (
    <Dialog className="sync-review panel" labelledBy="sync-review-title" testId="sync-review" onClose={onClose}>
      <h2 id="sync-review-title">{t('sync.review.title')}</h2>
      {entries.length === 0 && <p>{t('sync.review.empty')}</p>}
      {entries.map((entry) => (
        <article key={entry.id} className="review-entry" data-testid="review-entry">
          <p>
            <strong>{t(`sync.review.reason.${entry.reason}`)}</strong> {entry.message}
          </p>
          <table>
            <thead>
              <tr>
                <th />
                <th>{t('sync.review.thisCounter')}</th>
                <th>{t('sync.review.hims')}</th>
              </tr>
            </thead>
            <tbody>
              {reviewRows(entry.local, entry.remote).map((row) => (
                <tr key={row.key} className={row.local !== row.remote ? 'differs' : undefined}>
                  <th scope="row">{t(`sync.review.field.${row.key as 'name'}`)}</th>
                  <td>{row.local || '—'}</td>
                  <td>{entry.remote ? row.remote || '—' : t('sync.review.noCopy')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!mayDecide && <p className="hint">{t('sync.review.supervisorDecides')}</p>}
          <div className="actions" hidden={!mayDecide}>
            {entry.remote && (
              <button
                type="button"
                disabled={resolve.pending}
                onClick={() => void decide(entry.id, 'keep_local')}
                data-testid="review-keep-local"
              >
                {t('sync.review.keepLocal')}
              </button>
            )}
            {entry.remote && entry.entity === 'patient' && (
              <button
                type="button"
                disabled={resolve.pending}
                onClick={() => void decide(entry.id, 'keep_remote')}
                data-testid="review-keep-remote"
              >
                {t('sync.review.keepRemote')}
              </button>
            )}
            <button
              type="button"
              className="secondary"
              disabled={resolve.pending}
              onClick={() => void decide(entry.id, 'dismissed')}
            >
              {t('sync.review.dismiss')}
            </button>
          </div>
        </article>
      ))}
      <button type="button" className="secondary" onClick={onClose}>
        {t('sync.close')}
      </button>
    </Dialog>
  );
}
