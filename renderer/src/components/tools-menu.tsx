// The header's one way into the settings screens, so the hospital name, the
// counter letter and the date keep their room however many screens a role
// may open. Each item is shown only to the roles the core lets call it
// (preload/contract/method-access.ts), and opens its dialog.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountsDialog } from '../auth/accounts-dialog';
import { useDesk } from '../auth/desk-context';
import { useMayCall } from '../auth/use-may-call';
import { ThisCounterDialog } from '../counter/this-counter-dialog';
import { DepartmentsDialog } from '../departments/departments-dialog';
import { AuditDialog } from '../ops/audit-dialog';
import { MaintenanceDialog } from '../ops/maintenance-dialog';
import { PeersDialog } from '../peers/peers-dialog';

type Tool = 'peers' | 'departments' | 'audit' | 'thisCounter' | 'accounts' | 'maintenance';

export function ToolsMenu({ timeZone }: { timeZone: string | undefined }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const allowed: Record<Tool, boolean> = {
    peers: useMayCall('peers.add'),
    departments: useMayCall('departments.update'),
    audit: useMayCall('audit.list'),
    thisCounter: useMayCall('counter.update'),
    accounts: useMayCall('clerks.list'),
    maintenance: useMayCall('backups.getSettings'),
  };
  const [menuOpen, setMenuOpen] = useState(false);
  const [tool, setTool] = useState<Tool | null>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const tools = (Object.keys(allowed) as Tool[]).filter((name) => allowed[name]);

  useEffect(() => {
    if (!menuOpen) return;
    menuRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const close = (e: MouseEvent) => {
      if (!menuRef.current?.parentElement?.contains(e.target as Node)) setMenuOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [menuOpen]);

  if (!desk || tools.length === 0) return null;

  function onMenuKey(e: KeyboardEvent) {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      setMenuOpen(false);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  }

  const close = () => setTool(null);
  return (
    <div className="tools-menu" onKeyDown={onMenuKey}>
      <button
        type="button"
        className="header-button"
        data-testid="tools-menu"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((o) => !o)}
      >
        {t('tools.open')} ▾
      </button>
      {menuOpen && (
        <ul className="tools-list" role="menu" ref={menuRef}>
          {tools.map((name) => (
            <li key={name} role="none">
              <button
                type="button"
                role="menuitem"
                data-testid={TEST_IDS[name]}
                onClick={() => {
                  setMenuOpen(false);
                  setTool(name);
                }}
              >
                {t(`tools.${name}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {tool === 'peers' && <PeersDialog onClose={close} />}
      {tool === 'departments' && <DepartmentsDialog timeZone={timeZone} onClose={close} />}
      {tool === 'audit' && <AuditDialog timeZone={timeZone} onClose={close} />}
      {tool === 'thisCounter' && <ThisCounterDialog onClose={close} />}
      {tool === 'accounts' && <AccountsDialog self={desk.session.username} onClose={close} />}
      {tool === 'maintenance' && <MaintenanceDialog timeZone={timeZone} onClose={close} />}
    </div>
  );
}

/** The items keep the testids the buttons had before the menu. */
const TEST_IDS: Record<Tool, string> = {
  peers: 'peers-open',
  departments: 'departments-open',
  audit: 'audit-open',
  thisCounter: 'this-counter-open',
  accounts: 'accounts-open',
  maintenance: 'maintenance-open',
};
