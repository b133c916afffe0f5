// The header's ways into Maintenance (administrator) and the audit log
// (supervisor and up), shown from the same access table the core enforces.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMayCall } from '../auth/use-may-call';
import { AuditDialog } from './audit-dialog';
import { MaintenanceDialog } from './maintenance-dialog';

export function OpsControls({ timeZone }: { timeZone: string | undefined }) {
  const { t } = useTranslation();
  const mayMaintain = useMayCall('backups.getSettings');
  const mayAudit = useMayCall('audit.list');
  const [open, setOpen] = useState<'maintenance' | 'audit' | null>(null);
  if (!mayMaintain && !mayAudit) return null;
  return (
    <>
      {mayAudit && (
        <button type="button" className="header-button" data-testid="audit-open" onClick={() => setOpen('audit')}>
          {t('ops.open.audit')}
        </button>
      )}
      {mayMaintain && (
        <button type="button" className="header-button" data-testid="maintenance-open" onClick={() => setOpen('maintenance')}>
          {t('ops.open.maintenance')}
        </button>
      )}
      {open === 'maintenance' && <MaintenanceDialog timeZone={timeZone} onClose={() => setOpen(null)} />}
      {open === 'audit' && <AuditDialog timeZone={timeZone} onClose={() => setOpen(null)} />}
    </>
  );
}
