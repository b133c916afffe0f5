// Maintenance, for the administrator: backups and restore, this computer
// (disk encryption, clock), updates and the support bundle. The lead's "This
// counter" screen (hospital, time zone) links here.
import { useTranslation } from 'react-i18next';
import { BackupSection } from './backup-section';
import { ComputerSection } from './computer-section';
import { DialogFrame } from './dialog-frame';
import { SupportSection, UpdatesSection } from './service-sections';

export function MaintenanceDialog({ timeZone, onClose }: { timeZone: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <DialogFrame id="maintenance-title" title={t('ops.open.maintenance')} testId="maintenance" onClose={onClose}>
      <div className="ops-columns">
        <BackupSection timeZone={timeZone} />
        <div>
          <ComputerSection timeZone={timeZone} />
          <UpdatesSection />
          <SupportSection />
        </div>
      </div>
    </DialogFrame>
  );
}
