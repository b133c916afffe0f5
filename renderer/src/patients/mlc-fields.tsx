// The police register's columns for a medico-legal case, shown when the clerk
// ticks "Medico-legal case" (emergency registration, the patient panel).
import { useTranslation } from 'react-i18next';
import { DoorField } from './door-dialog';

export interface MlcValues {
  number: string;
  policeStation: string;
  broughtBy: string;
}

export const EMPTY_MLC: MlcValues = { number: '', policeStation: '', broughtBy: '' };

/** All three are needed; null while one is empty. */
export function mlcInput(values: MlcValues): MlcValues | null {
  const trimmed = {
    number: values.number.trim(),
    policeStation: values.policeStation.trim(),
    broughtBy: values.broughtBy.trim(),
  };
  return trimmed.number && trimmed.policeStation && trimmed.broughtBy ? trimmed : null;
}

export function MlcFields({ value, onChange }: { value: MlcValues; onChange: (value: MlcValues) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="mlc-fields" data-testid="mlc-fields">
      <legend>{t('door.mlc.title')}</legend>
      <DoorField label={t('door.mlc.number')}>
        <input
          data-testid="mlc-number"
          maxLength={40}
          value={value.number}
          onChange={(e) => onChange({ ...value, number: e.target.value })}
        />
      </DoorField>
      <DoorField label={t('door.mlc.policeStation')}>
        <input
          data-testid="mlc-police-station"
          maxLength={100}
          value={value.policeStation}
          onChange={(e) => onChange({ ...value, policeStation: e.target.value })}
        />
      </DoorField>
      <DoorField label={t('door.mlc.broughtBy')}>
        <input
          data-testid="mlc-brought-by"
          maxLength={100}
          value={value.broughtBy}
          onChange={(e) => onChange({ ...value, broughtBy: e.target.value })}
        />
      </DoorField>
    </fieldset>
  );
}
