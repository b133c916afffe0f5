// Nobody reaches the counter screen without a desk session. A new counter
// first asks who it is and for its administrator; then whoever works here signs in. When
// the counter locks (idle, the Lock button / F8, or the core answering
// LOCKED), the screen stays mounted under the lock overlay, inert, so a
// half-typed registration is still there after the password.
import { useEffect, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { callCounter } from '../api/counter-client';
import { CallErrorMessage } from '../components/call-error-message';
import { useKeyHandler } from '../hooks/use-key-handler';
import { AuthScreen } from './auth-screen';
import { CredentialsForm } from './credentials-form';
import { DeskContext, LOCK_KEY, type Desk } from './desk-context';
import { FirstRun } from './first-run';
import { LockOverlay } from './lock-overlay';
import { useDeskAuth } from './use-desk-auth';
import { useIdleLock } from './use-idle-lock';
import './auth.css';

/**
 * The core counts only calls as the clerk being present; a clerk filling a
 * long form makes none. auth.touch now and then, while they type, keeps the
 * core's idle lock in step with the screen's.
 */
function tellCoreClerkIsHere() {
  void callCounter('auth.touch', {});
}

export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useDeskAuth('clerk');
  const { phase } = auth;
  const session = phase.name === 'signedIn' ? phase.session : null;
  const locked = session?.locked ?? false;
  const lastFocus = useRef<HTMLElement | null>(null);
  const [unlocks, setUnlocks] = useState(0);

  // Unlocked: back where the clerk was, in the field they were typing in.
  useEffect(() => {
    if (locked || !lastFocus.current?.isConnected) return;
    lastFocus.current.focus();
  }, [locked]);

  useIdleLock(session !== null && !locked, session?.idleLockMinutes ?? 0, () => void auth.lock(), tellCoreClerkIsHere);
  useKeyHandler(
    (e) => {
      if (e.key !== LOCK_KEY || e.defaultPrevented) return;
      e.preventDefault();
      void auth.lock();
    },
    session !== null && !locked,
  );

  if (phase.name === 'loading') {
    return (
      <AuthScreen>
        <p className="hint">{t('app.loading')}</p>
      </AuthScreen>
    );
  }
  if (phase.name === 'unavailable') {
    return (
      <AuthScreen>
        <div className="auth-form">
          <CallErrorMessage error={phase.error} title={t('auth.statusFailed')} testId="auth-status-error" />
          <button type="button" className="primary" onClick={auth.retry}>
            {t('auth.retry')}
          </button>
        </div>
      </AuthScreen>
    );
  }
  if (phase.name === 'setup') {
    return (
      <AuthScreen>
        <FirstRun setup={auth.setup} />
      </AuthScreen>
    );
  }
  if (phase.name === 'signIn') {
    return (
      <AuthScreen>
        <CredentialsForm
          mode="signIn"
          submit={({ username, password }) => auth.signIn({ username, password })}
          notice={phase.ended ? t('auth.signIn.ended') : undefined}
        />
      </AuthScreen>
    );
  }

  const desk: Desk = { session: phase.session, unlocks, lock: () => void auth.lock(), signOut: () => void auth.signOut() };
  return (
    <DeskContext value={desk}>
      <div
        className="desk-screen"
        inert={locked}
        onFocus={(e: FocusEvent<HTMLDivElement>) => {
          if (e.target instanceof HTMLElement) lastFocus.current = e.target;
        }}
      >
        {children}
      </div>
      {locked && (
        <LockOverlay
          session={phase.session}
          unlock={async (password) => {
            const result = await auth.unlock({ password });
            if (result.ok) setUnlocks((n) => n + 1);
            return result;
          }}
          switchUser={() => void auth.signOut()}
        />
      )}
    </DeskContext>
  );
}
