// Who and when: hospital, counter letter, today's date, the signed-in clerk
// (children: auth/desk-controls.tsx) and the language switch.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CounterInfo } from '../../../preload/contract';
import type { Language } from '../i18n';
import { dayWithWeekday } from '../lib/dates';
import { CallErrorMessage } from './call-error-message';
import { hospitalNameIn } from '../lib/hospital-name';

interface Props {
  info: CounterInfo | null;
  error: CallError | null;
  language: Language;
  onToggleLanguage: () => void;
  children?: ReactNode;
}

export function AppHeader({ info, error, language, onToggleLanguage, children }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="hospital-name" data-testid="hospital-name">
          {info ? hospitalNameIn(info, language) : t('app.title')}
        </span>
        {info?.counterLetter && (
          <span className="counter-letter" data-testid="counter-letter">
            {t('app.counter', { letter: info.counterLetter })}
          </span>
        )}
      </div>
      {error && <CallErrorMessage error={error} title={t('app.infoFailed')} testId="header-error" />}
      <div className="header-right">
        {info && (
          <time className="today" dateTime={info.today} data-testid="today">
            {dayWithWeekday(info.today, language)}
          </time>
        )}
        {children}
        <button
          type="button"
          className="lang-switch"
          data-testid="lang-switch"
          data-lang={language}
          aria-label={t('lang.switchAria')}
          onClick={onToggleLanguage}
        >
          {/* Written in the language it switches to; its spoken name starts with the same word (WCAG 2.5.3). */}
          <span lang={language === 'en' ? 'hi' : 'en'}>{t('lang.switch')}</span>
        </button>
      </div>
    </header>
  );
}
