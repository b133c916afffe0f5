// The page behind sign-in, first setup and the kiosk's start form: centred,
// with the language switch, so a clerk can read it before signing in.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';

export function AuthScreen({ children, testId }: { children: ReactNode; testId?: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (
    <div className="auth-screen" data-testid={testId}>
      <button
        type="button"
        className="auth-lang secondary small"
        data-testid="auth-lang-switch"
        data-lang={language}
        aria-label={t('lang.switchAria')}
        onClick={() => void i18n.changeLanguage(language === 'en' ? 'hi' : 'en')}
      >
        {/* Written in the language it switches to; its spoken name starts with the same word (WCAG 2.5.3). */}
        <span lang={language === 'en' ? 'hi' : 'en'}>{t('lang.switch')}</span>
      </button>
      {children}
    </div>
  );
}
