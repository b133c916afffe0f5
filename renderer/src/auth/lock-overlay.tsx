// The locked counter: the screen stays underneath (inert, nothing lost), and
// this asks the same clerk's password, or lets someone else sign in instead.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../preload/contract';
import type { SessionView } from '../../../preload/contract/methods/auth-schemas';
import { CallErrorMessage } from '../components/call-error-message';
import { authErrors, NO_ERRORS, type AuthErrors } from './auth-errors';
import { AuthInput, ProblemText } from './auth-field';

interface Props {
  session: SessionView;
  unlock: (password: string) => Promise<CallResult<unknown>>;
  switchUser: () => void;
}

/** Keys typed here are for this box only: the counter's shortcuts (Esc starts over!) must not hear them. */
function keepKeysHere(e: KeyboardEvent) {
  e.stopPropagation();
}

export function LockOverlay({ session, unlock, switchUser }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<AuthErrors>(NO_ERRORS);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (pending || password === '') return;
    setPending(true);
    const result = await unlock(password);
    setPending(false);
    if (!result.ok) {
      setPassword('');
      setErrors(authErrors(result.error));
    }
  }

  return (
    <div className="lock-overlay" data-testid="lock-overlay" onKeyDown={keepKeysHere}>
      <form
        className="auth-form lock-form"
        role="dialog"
        aria-modal="true"
        aria-labelledby="lock-title"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
      >
        <h1 id="lock-title">{t('auth.lock.title')}</h1>
        <p className="lock-who" data-testid="lock-user">
          {t('auth.lock.signedIn', { name: session.displayName, role: t(`auth.roles.${session.role}`) })}
        </p>
        <AuthInput
          id="lock-password"
          label={t('auth.lock.password')}
          type="password"
          value={password}
          onChange={(v) => {
            setPassword(v);
            setErrors(NO_ERRORS);
          }}
          problem={errors.fields.password}
          testId="lock-password"
          autoComplete="current-password"
          autoFocus
        />
        {errors.form && (
          <p className="form-errors" role="alert" data-testid="lock-form-error">
            <ProblemText problem={errors.form} />
          </p>
        )}
        {errors.other && <CallErrorMessage error={errors.other} testId="lock-call-error" />}
        <div className="auth-buttons">
          <button type="submit" className="primary" data-testid="lock-submit" disabled={pending}>
            {t('auth.lock.unlock')}
          </button>
          <button type="button" className="secondary" data-testid="lock-switch-user" onClick={switchUser}>
            {t('auth.lock.switchUser')}
          </button>
        </div>
      </form>
    </div>
  );
}
