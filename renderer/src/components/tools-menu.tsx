// The header's one way into the settings screens, so the hospital name, the
// counter letter and the date keep their room however many screens a role
// may open. Each item is shown only to the roles the core lets call it
// (preload/contract/method-access.ts), and opens its dialog.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountsDialog } from '../auth/accounts-dialog';
import { useDesk } from '../auth/desk-context';
import { useMayCall } from '../auth/use-may-call';
import { ThisCounterDialog } from '../counter/this-counter-dialog';
import { DepartmentsDialog } from '../departments/departments-dialog';
import { AuditDialog } from '../ops/audit-dialog';
import { MaintenanceDialog } from '../ops/maintenance-dialog';
import { PeersDialog } from '../peers/peers-dialog';
import { MenuButton } from './menu-button';

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
  const [tool, setTool] = useState<Tool | null>(null);
  const tools = (Object.keys(allowed) as Tool[]).filter((name) => allowed[name]);

  if (!desk || tools.length === 0) return null;

  const close = () => setTool(null);
  return (
    <>
      <MenuButton
        label={t('tools.open')}
        testId="tools-menu"
        className="tools-menu"
        buttonClassName="header-button"
        items={tools.map((name) => ({ label: t(`tools.${name}`), testId: TEST_IDS[name], onChoose: () => setTool(name) }))}
      />
      {tool === 'peers' && <PeersDialog onClose={close} />}
      {tool === 'departments' && <DepartmentsDialog timeZone={timeZone} onClose={close} />}
      {tool === 'audit' && <AuditDialog timeZone={timeZone} onClose={close} />}
      {tool === 'thisCounter' && <ThisCounterDialog onClose={close} />}
      {tool === 'accounts' && <AccountsDialog self={desk.session.username} onClose={close} />}
      {tool === 'maintenance' && <MaintenanceDialog timeZone={timeZone} onClose={close} />}
    </>
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
