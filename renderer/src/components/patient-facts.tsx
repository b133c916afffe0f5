// Who the clerk is about to give a token to: enough to confirm it is the
// right person before the slip is printed.
import { useTranslation } from 'react-i18next';
import type { Patient, PatientSummary } from '../../../preload/contract';
import { ageSex, guardianText } from '../lib/format';

interface Props {
  patient: PatientSummary;
  /** The full record once loaded: adds address and ABHA address. */
  details: Patient | null;
}

export function PatientFacts({ patient, details }: Props) {
  const { t } = useTranslation();
  const guardian = guardianText(t, patient);
  const address = details
    ? [details.address.line, details.address.district, details.address.state, details.address.pincode].filter(Boolean).join(', ')
    : '';
  return (
    <dl className="patient-facts">
      <div>
        <dt>{t('patient.uhid')}</dt>
        <dd data-testid="patient-uhid">{patient.uhid}</dd>
      </div>
      <div>
        <dt className="visually-hidden">{t('form.gender')}</dt>
        <dd>
          {ageSex(t, patient)} {details?.dateOfBirthEstimated && <span className="muted">{t('patient.ageEstimated')}</span>}
        </dd>
      </div>
      {guardian && (
        <div>
          <dt className="visually-hidden">{t('form.guardianName')}</dt>
          <dd>{guardian}</dd>
        </div>
      )}
      <div>
        <dt>{t('patient.phone')}</dt>
        <dd>{patient.phone ?? t('patient.none')}</dd>
      </div>
      {patient.abhaNumber && (
        <div>
          <dt>{t('patient.abhaNumber')}</dt>
          <dd>{patient.abhaNumber}</dd>
        </div>
      )}
      {details?.abhaAddress && (
        <div>
          <dt>{t('patient.abhaAddress')}</dt>
          <dd>{details.abhaAddress}</dd>
        </div>
      )}
      {address && (
        <div className="wide">
          <dt>{t('patient.address')}</dt>
          <dd>{address}</dd>
        </div>
      )}
    </dl>
  );
}
