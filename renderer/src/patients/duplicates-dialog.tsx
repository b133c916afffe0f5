// A supervisor's list of likely duplicates (the same rules as the warning
// before registering) and the merge: pick the record that survives; the other
// becomes a pointer to it, its tokens and cards move, nothing is deleted. Each
// merge can be undone from the list below it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import type { DuplicatePair } from '../../../preload/contract/methods/merge-methods';
import { callCounter } from '../api/counter-client';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterQuery } from '../hooks/use-counter-query';
import { ageSex, guardianText } from '../lib/format';
import { DoorDialog } from './door-dialog';

export function DuplicatesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [tick, setTick] = useState(0);
  const pairs = useCounterQuery('patients.duplicatePairs', { days: 365 }, tick);
  const merges = useCounterQuery('patients.merges', { limit: 20 }, tick);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(run: () => Promise<{ ok: true } | { ok: false; error: CallError }>) {
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    if (!result.ok) setError(result.error);
    setTick((n) => n + 1);
  }

  const merge = (pair: DuplicatePair, keep: 'a' | 'b') =>
    act(async () => {
      const [survivor, merged] = keep === 'a' ? [pair.a, pair.b] : [pair.b, pair.a];
      // The versions the supervisor is looking at: a record changed meanwhile is not merged blind.
      const [s, m] = await Promise.all([
        callCounter('patients.get', { id: survivor.id }),
        callCounter('patients.get', { id: merged.id }),
      ]);
      if (!s.ok) return s;
      if (!m.ok) return m;
      return callCounter('patients.merge', {
        survivorId: s.value.id,
        survivorVersion: s.value.version,
        mergedId: m.value.id,
        mergedVersion: m.value.version,
      });
    });

  const who = (p: DuplicatePair['a']) => (
    <>
      <strong>{p.name}</strong> {guardianText(t, p)} · {ageSex(t, p)} · {p.uhid} · {p.phone ?? t('patient.none')}
    </>
  );

  return (
    <DoorDialog title={t('door.merge.title')} testId="duplicates-dialog" onClose={onClose} wide>
      <p className="hint">{t('door.merge.hint')}</p>
      {error && <CallErrorMessage error={error} title={t('door.merge.failed')} testId="merge-error" />}
      {pairs.data?.length === 0 && <p data-testid="duplicates-empty">{t('door.merge.none')}</p>}
      <ul className="pair-list">
        {(pairs.data ?? []).map((pair) => (
          <li key={`${pair.a.id}:${pair.b.id}`} className="duplicate-pair" data-testid="duplicate-pair">
            <div className="pair-side">{who(pair.a)}</div>
            <div className="pair-side">{who(pair.b)}</div>
            <span className="candidate-reasons">{pair.reasons.map((r) => t(`duplicate.reasons.${r}`)).join(', ')}</span>
            <div className="door-actions">
              <button type="button" disabled={busy} data-testid="merge-keep-a" onClick={() => void merge(pair, 'a')}>
                {t('door.merge.keep', { name: pair.a.name, uhid: pair.a.uhid })}
              </button>
              <button type="button" disabled={busy} data-testid="merge-keep-b" onClick={() => void merge(pair, 'b')}>
                {t('door.merge.keep', { name: pair.b.name, uhid: pair.b.uhid })}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <h3>{t('door.merge.recent')}</h3>
      <table className="merge-table">
        <tbody>
          {(merges.data ?? []).map((m) => (
            <tr key={m.id} className="merge-row" data-testid="merge-row" data-undone={m.undoneAt ? 'true' : 'false'}>
              <td>
                {t('door.merge.row', {
                  merged: `${m.merged.name} (${m.merged.uhid})`,
                  survivor: `${m.survivor.name} (${m.survivor.uhid})`,
                })}
              </td>
              <td>{t('door.merge.moved', { tokens: m.movedTokens, cards: m.movedCards })}</td>
              <td>{m.mergedBy}</td>
              <td>
                {m.undoneAt ? (
                  t('door.merge.undone', { by: m.undoneBy ?? '' })
                ) : (
                  <button
                    type="button"
                    className="secondary small"
                    disabled={busy}
                    data-testid="merge-undo"
                    onClick={() => void act(() => callCounter('patients.unmerge', { mergeId: m.id }))}
                  >
                    {t('door.merge.undo')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DoorDialog>
  );
}
