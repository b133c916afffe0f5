// The core thinks this patient is already registered. Registering twice
// splits a patient's history, so the clerk decides, with the evidence shown.
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, PatientSummary } from '../../../preload/contract';
import { ageSex, guardianText } from '../lib/format';

interface Props {
  candidates: DuplicateCandidate[];
  pending: boolean;
  onUseExisting: (patient: PatientSummary) => void;
  onRegisterAnyway: () => void;
}

export function DuplicateWarning({ candidates, pending, onUseExisting, onRegisterAnyway }: Props) {
  const { t } = useTranslation();
  return (
    <div className="duplicate-warning" role="alert" data-testid="duplicate-warning">
      <h3>{t('duplicate.title')}</h3>
      <p>{t('duplicate.body')}</p>
      <ul className="duplicate-list">
        {candidates.map(({ patient, reasons }, i) => (
          <li key={patient.id} className="duplicate-candidate" data-testid="duplicate-candidate">
            <div className="candidate-text">
              <strong>{patient.name}</strong> {guardianText(t, patient)} · {ageSex(t, patient)} · {t('patient.uhid')}{' '}
              {patient.uhid} · {patient.phone ?? t('patient.none')}
              <span className="candidate-reasons">{reasons.map((r) => t(`duplicate.reasons.${r}`)).join(', ')}</span>
            </div>
            <button
              type="button"
              data-testid="use-existing"
              // The first one gets the cursor: using the existing record is the safe choice.
              autoFocus={i === 0}
              onClick={() => onUseExisting(patient)}
            >
              {t('duplicate.useThis')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" data-testid="register-anyway" disabled={pending} onClick={onRegisterAnyway}>
        {t('duplicate.registerAnyway')}
      </button>
    </div>
  );
}
