// The header's part of the desk session: who is signed in (name and role),
// Lock (F8), Sign out, and for an administrator the ways into This counter and Accounts.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ThisCounterDialog } from '../counter/this-counter-dialog';
import { PeersDialog } from '../peers/peers-dialog';
import { AccountsDialog } from './accounts-dialog';
import { LOCK_KEY, useDesk } from './desk-context';

export function DeskControls() {
  const { t } = useTranslation();
  const desk = useDesk();
  const [accountsOpen, setAccountsOpen] = useState(false);
  const [counterOpen, setCounterOpen] = useState(false);
  const [peersOpen, setPeersOpen] = useState(false);
  if (!desk) return null;
  const { session } = desk;
  return (
    <div className="desk-controls">
      <span className="desk-user" data-testid="desk-user" data-role={session.role}>
        <span className="desk-name">{session.displayName}</span>
        <span className="desk-role">{t(`auth.roles.${session.role}`)}</span>
      </span>
      {session.role !== 'clerk' && (
        <button type="button" className="header-button" data-testid="peers-open" onClick={() => setPeersOpen(true)}>
          {t('peers.open')}
        </button>
      )}
      {session.role === 'admin' && (
        <>
          <button type="button" className="header-button" data-testid="this-counter-open" onClick={() => setCounterOpen(true)}>
            {t('counter.open')}
          </button>
          <button type="button" className="header-button" data-testid="accounts-open" onClick={() => setAccountsOpen(true)}>
            {t('accounts.open')}
          </button>
        </>
      )}
      <button type="button" className="header-button" data-testid="desk-lock" aria-keyshortcuts={LOCK_KEY} onClick={desk.lock}>
        {t('auth.lockButton')} <kbd>{LOCK_KEY}</kbd>
      </button>
      <button type="button" className="header-button" data-testid="desk-sign-out" onClick={desk.signOut}>
        {t('auth.signOut')}
      </button>
      {accountsOpen && <AccountsDialog self={session.username} onClose={() => setAccountsOpen(false)} />}
      {counterOpen && <ThisCounterDialog onClose={() => setCounterOpen(false)} />}
      {peersOpen && <PeersDialog onClose={() => setPeersOpen(false)} />}
    </div>
  );
}
