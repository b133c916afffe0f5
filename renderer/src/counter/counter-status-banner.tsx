// Said loudly on the counter screen, to everyone at it: this counter cannot
// issue (no letter yet), or another counter of the hospital has its letter,
// so the numbers both hand out clash. Nothing is shown when all is well.
import { useTranslation } from 'react-i18next';
import type { CounterInfo } from '../../../preload/contract';
import { currentLanguage } from '../i18n';
import { letterCheckSummary, otherCounterLines } from './letter-check-text';
import './counter.css';

export function CounterStatusBanner({ info }: { info: CounterInfo | null }) {
  const { t, i18n } = useTranslation();
  if (!info) return null;
  if (!info.configured) {
    return (
      <div className="counter-banner" role="alert" data-testid="counter-not-set-up">
        {t('counter.notSetUp')}
      </div>
    );
  }
  if (info.letterCheck.state !== 'duplicate') return null;
  const language = currentLanguage(i18n.language);
  return (
    <div className="counter-banner" role="alert" data-testid="letter-duplicate">
      <strong>{letterCheckSummary(t, info, language)}</strong> {t('counter.letterCheck.duplicateAdvice')}
      <ul>
        {otherCounterLines(t, info, language).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
