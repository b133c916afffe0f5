// The header's part of the desk session: who is signed in (name and role),
// Lock (F8) and Sign out. The settings screens are in the tools menu beside it.
import { useTranslation } from 'react-i18next';
import { LOCK_KEY, useDesk } from './desk-context';

export function DeskControls() {
  const { t } = useTranslation();
  const desk = useDesk();
  if (!desk) return null;
  const { session } = desk;
  return (
    <div className="desk-controls">
      <span className="desk-user" data-testid="desk-user" data-role={session.role}>
        <span className="desk-name">{session.displayName}</span>
        <span className="desk-role">{t(`auth.roles.${session.role}`)}</span>
      </span>
      <button type="button" className="header-button" data-testid="desk-lock" aria-keyshortcuts={LOCK_KEY} onClick={desk.lock}>
        {t('auth.lockButton')} <kbd>{LOCK_KEY}</kbd>
      </button>
      <button type="button" className="header-button" data-testid="desk-sign-out" onClick={desk.signOut}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
