// The counter's way into the door's tasks: Emergency / unknown patient
// (Alt+E) for every clerk; the duplicate list and the MLC register for
// supervisors (preload/contract/method-access.ts decides who sees what).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient, Token } from '../../../preload/contract';
import { useMayCall } from '../auth/use-may-call';
import { DuplicatesDialog } from './duplicates-dialog';
import { EmergencyDialog } from './emergency-dialog';
import { MlcRegisterDialog } from './mlc-register-dialog';

export type PatientTool = 'emergency' | 'duplicates' | 'mlc';

/** Alt+E opens the emergency registration from anywhere on the counter screen. */
export const EMERGENCY_KEY = 'E';

interface Props {
  open: PatientTool | null;
  onOpen: (tool: PatientTool | null) => void;
  today: string;
  timeZone: string | undefined;
  onEmergencyRegistered: (patient: Patient, token: Token) => void;
}

export const PatientTools = memo(function PatientTools({ open, onOpen, today, timeZone, onEmergencyRegistered }: Props) {
  const { t } = useTranslation();
  const mayMerge = useMayCall('patients.merge');
  const mayListMlc = useMayCall('tokens.mlcList');
  const close = () => onOpen(null);
  return (
    <div className="patient-tools">
      <button
        type="button"
        className="emergency-button"
        data-testid="emergency-open"
        aria-keyshortcuts="Alt+E"
        onClick={() => onOpen('emergency')}
      >
        {t('door.emergency.open')} <kbd>Alt+E</kbd>
      </button>
      {mayMerge && (
        <button type="button" className="secondary small" data-testid="duplicates-open" onClick={() => onOpen('duplicates')}>
          {t('door.merge.open')}
        </button>
      )}
      {mayListMlc && (
        <button type="button" className="secondary small" data-testid="mlc-register-open" onClick={() => onOpen('mlc')}>
          {t('door.mlc.register')}
        </button>
      )}
      {open === 'emergency' && (
        <EmergencyDialog
          onClose={close}
          onRegistered={(patient, token) => {
            close();
            onEmergencyRegistered(patient, token);
          }}
        />
      )}
      {open === 'duplicates' && <DuplicatesDialog onClose={close} />}
      {open === 'mlc' && <MlcRegisterDialog today={today} timeZone={timeZone} onClose={close} />}
    </div>
  );
});
