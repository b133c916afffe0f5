// The parts of the patient panel for patients at the door: the photo (and taking one),
// an unidentified patient's temporary name and "Identify", a merged record's
// survivor, a newborn's mother, ID proof, and "Register baby of …".
import { dayNumeric } from '../lib/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient, PatientLink } from '../../../preload/contract';
import { callCounter } from '../api/counter-client';
import { useCounterQuery } from '../hooks/use-counter-query';
import { IdentifyForm } from './identify-form';
import { PhotoCapture } from './lazy-photo-capture';
import { NewbornDialog } from './newborn-dialog';
import './patients.css';

/** Mothers register babies; the button is offered from this age. */
const MOTHER_MIN_AGE = 12;

interface Props {
  details: Patient;
  today: string;
  /** The record changed here (identified, photo): the panel shows it anew. */
  onChanged: (patient: Patient) => void;
  /** Open another patient: the mother, the survivor of a merge, a newborn just registered. */
  onOpen: (patient: Patient) => void;
}

function Linked({
  label,
  link,
  onOpen,
  testId,
}: {
  label: string;
  link: PatientLink;
  onOpen: (id: string) => void;
  testId: string;
}) {
  return (
    <p className="door-link" data-testid={testId}>
      {label}{' '}
      <button type="button" className="link-button" onClick={() => onOpen(link.id)}>
        {link.name} · {link.uhid}
      </button>
    </p>
  );
}

export function PatientDoorFacts({ details, today, onChanged, onOpen }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<null | 'identify' | 'photo' | 'newborn'>(null);
  const photo = useCounterQuery('patients.photo', details.hasPhoto ? { patientId: details.id } : null, details.version);
  const openById = (id: string) => void callCounter('patients.get', { id }).then((r) => r.ok && onOpen(r.value));

  async function removePhoto() {
    const result = await callCounter('patients.removePhoto', { patientId: details.id });
    if (result.ok) onChanged(result.value);
  }

  return (
    <div className="patient-door-facts">
      {details.hasPhoto && photo.data && (
        <img
          className="patient-photo"
          data-testid="patient-photo"
          alt={t('door.photo.alt', { name: details.name })}
          src={`data:image/jpeg;base64,${photo.data.jpeg}`}
        />
      )}
      <div className="door-facts-text">
        {details.mergedInto && (
          <Linked label={t('door.merge.pointer')} link={details.mergedInto} onOpen={openById} testId="patient-merged-into" />
        )}
        {details.unidentified && (
          <p className="unidentified" data-testid="patient-unidentified">
            <span className="chip priority">{t('door.emergency.unidentified')}</span>{' '}
            {details.broughtBy && t('door.emergency.broughtByIs', { who: details.broughtBy })}
          </p>
        )}
        {!details.unidentified && details.temporaryName && (
          <p className="hint" data-testid="patient-temporary-name">
            {t('door.emergency.wasRegisteredAs', { name: details.temporaryName })}
          </p>
        )}
        {details.mother && (
          <Linked label={t('door.newborn.mother')} link={details.mother} onOpen={openById} testId="patient-mother" />
        )}
        {details.birthTime && (
          <p className="hint" data-testid="patient-birth-time">
            {t('door.newborn.bornAt', { date: dayNumeric(details.dateOfBirth), time: details.birthTime })}
          </p>
        )}
        {details.idProof && (
          <p data-testid="patient-id-proof">
            {t(`door.idProof.types.${details.idProof.type}`)}: <span className="mono">{details.idProof.number}</span>
          </p>
        )}
        {!details.mergedInto && (
          <div className="door-actions">
            {details.unidentified && (
              <button type="button" className="secondary small" data-testid="identify-open" onClick={() => setOpen('identify')}>
                {t('door.identify.open')}
              </button>
            )}
            <button type="button" className="secondary small" data-testid="photo-open" onClick={() => setOpen('photo')}>
              {details.hasPhoto ? t('door.photo.again') : t('door.photo.open')}
            </button>
            {details.hasPhoto && (
              <button type="button" className="secondary small" data-testid="photo-remove" onClick={() => void removePhoto()}>
                {t('door.photo.remove')}
              </button>
            )}
            {details.gender === 'female' && details.ageYears >= MOTHER_MIN_AGE && (
              <button type="button" className="secondary small" data-testid="newborn-open" onClick={() => setOpen('newborn')}>
                {t('door.newborn.open')}
              </button>
            )}
          </div>
        )}
      </div>
      {open === 'identify' && (
        <IdentifyForm
          patient={details}
          onCancel={() => setOpen(null)}
          onDone={(p) => {
            setOpen(null);
            onChanged(p);
          }}
        />
      )}
      {open === 'photo' && (
        <PhotoCapture
          patient={details}
          onClose={() => setOpen(null)}
          onSaved={(p) => {
            setOpen(null);
            onChanged(p);
          }}
        />
      )}
      {open === 'newborn' && (
        <NewbornDialog
          mother={details}
          today={today}
          onClose={() => setOpen(null)}
          onRegistered={(baby) => {
            setOpen(null);
            onOpen(baby);
          }}
        />
      )}
    </div>
  );
}
