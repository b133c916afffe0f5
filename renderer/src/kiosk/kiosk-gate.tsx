// The entrance kiosk runs on a kiosk session, which a supervisor (or an
// administrator) starts with their own username and password; it never
// idle-locks. Without one, or when the core stops knowing it (a restart,
// the supervisor's account changed), the kiosk shows this form again.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthScreen } from '../auth/auth-screen';
import { CredentialsForm } from '../auth/credentials-form';
import { useDeskAuth } from '../auth/use-desk-auth';
import { CallErrorMessage } from '../components/call-error-message';
import '../auth/auth.css';

export function KioskGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useDeskAuth('kiosk');
  const { phase } = auth;
  if (phase.name === 'signedIn') return children;
  return (
    <AuthScreen testId="kiosk-start">
      {phase.name === 'loading' && <p className="hint">{t('app.loading')}</p>}
      {phase.name === 'unavailable' && (
        <div className="auth-form">
          <CallErrorMessage error={phase.error} title={t('auth.statusFailed')} />
          <button type="button" className="primary" onClick={auth.retry}>
            {t('auth.retry')}
          </button>
        </div>
      )}
      {(phase.name === 'signIn' || phase.name === 'setup') && (
        <CredentialsForm
          mode="kiosk"
          submit={({ username, password }) => auth.startKiosk({ username, password })}
          notice={phase.name === 'signIn' && phase.ended ? t('auth.kiosk.ended') : undefined}
        />
      )}
    </AuthScreen>
  );
}
