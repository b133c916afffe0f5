// "Registered at Counter C": patients the other counters know by the exact id
// typed, with what tells them apart (name, age, sex, guardian). Enter in the
// search box (or the button) brings the first one here; counters that did not
// answer are named, so the clerk knows the list may be short.
import { useTranslation } from 'react-i18next';
import { CallErrorMessage } from '../components/call-error-message';
import { ageSex, guardianText } from '../lib/format';
import type { ElsewhereState, FoundElsewhere } from './use-elsewhere-search';

interface Props {
  elsewhere: ElsewhereState;
  onBring: (found: FoundElsewhere) => void;
  pending: boolean;
}

export function ElsewhereResults({ elsewhere, onBring, pending }: Props) {
  const { t } = useTranslation();
  if (elsewhere.phase === 'idle') return null;
  return (
    <section className="elsewhere" aria-label={t('peers.elsewhere.title')} data-testid="elsewhere" data-phase={elsewhere.phase}>
      {elsewhere.phase === 'asking' && <p className="hint">{t('peers.elsewhere.asking')}</p>}
      {elsewhere.error && (
        <CallErrorMessage error={elsewhere.error} title={t('peers.elsewhere.failed')} testId="elsewhere-error" />
      )}
      {elsewhere.found.length > 0 && (
        <ul className="elsewhere-list">
          {elsewhere.found.map((found, i) => {
            const p = found.patient;
            const guardian = guardianText(t, p);
            return (
              <li
                key={`${found.counterId}:${p.id}`}
                className="elsewhere-row"
                data-testid="elsewhere-result"
                data-counter={found.counterLetter}
              >
                <span className="elsewhere-where">{t('peers.elsewhere.registeredAt', { letter: found.counterLetter })}</span>
                <span className="result-name">{p.name}</span>
                <span className="result-age">{ageSex(t, p)}</span>
                {guardian && <span className="result-guardian">{guardian}</span>}
                <span className="result-uhid">
                  {t('patient.uhid')} {p.uhid}
                </span>
                <button
                  type="button"
                  className="primary small"
                  data-testid="bring-over"
                  disabled={pending}
                  onClick={() => onBring(found)}
                >
                  {found.broughtHere ? t('peers.elsewhere.open') : t('peers.elsewhere.bring')}
                  {i === 0 && (
                    <>
                      {' '}
                      <kbd>Enter</kbd>
                    </>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {elsewhere.notAsked.map((n) => (
        <p key={n.counterId} className="elsewhere-missing" data-testid="elsewhere-not-asked" data-counter={n.counterLetter}>
          {t('peers.elsewhere.notReachable', { letter: n.counterLetter })}{' '}
          <span className="hint">({t(`peers.problem.${n.problem}`)})</span>
        </p>
      ))}
    </section>
  );
}
