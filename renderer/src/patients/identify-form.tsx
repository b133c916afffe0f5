// An unidentified emergency patient named at last: patients.update
// with the version the clerk saw; the core keeps the temporary name, moves the
// version and logs who identified them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Patient } from '../../../preload/contract';
import { callCounter } from '../api/counter-client';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { DoorField } from './door-dialog';

interface Props {
  patient: Patient;
  onDone: (patient: Patient) => void;
  onCancel: () => void;
}

export function IdentifyForm({ patient, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [age, setAge] = useState(String(patient.ageYears));
  const [phone, setPhone] = useState('');
  const [line, setLine] = useState('');
  const [pincode, setPincode] = useState('');
  const [error, setError] = useState<CallError | null>(null);
  const update = useCounterMutation('patients.update');

  async function submit() {
    setError(null);
    const years = /^\d{1,3}$/.test(age.trim()) ? Number(age) : undefined;
    // The PIN fills district and state here too, when it names one place.
    const pin = /^[1-9]\d{5}$/.test(pincode.trim()) ? await callCounter('places.pincode', { pincode: pincode.trim() }) : null;
    const places = pin?.ok ? pin.value.places : [];
    const states = [...new Set(places.map((p) => p.state))];
    const result = await update.run({
      id: patient.id,
      version: patient.version,
      changes: {
        name,
        ...(years !== undefined && years !== patient.ageYears ? { ageYears: years } : {}),
        ...(phone.trim() ? { phone } : {}),
        ...(line.trim() || pincode.trim()
          ? {
              address: {
                line,
                ...(pincode.trim() ? { pincode: pincode.trim() } : {}),
                ...(places.length === 1 ? { district: places[0]!.district } : {}),
                ...(states.length === 1 ? { state: states[0]! } : {}),
              },
            }
          : {}),
      },
    });
    if (result?.ok) onDone(result.value);
    else if (result) setError(result.error);
  }

  return (
    <form
      className="identify-form"
      data-testid="identify-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('door.identify.title')}</h3>
      <div className="door-row">
        <DoorField label={t('form.name')}>
          <input data-testid="identify-name" autoFocus maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </DoorField>
        <DoorField label={t('form.ageYears')}>
          <input
            data-testid="identify-age"
            inputMode="numeric"
            maxLength={3}
            value={age}
            onChange={(e) => setAge(e.target.value)}
          />
        </DoorField>
        <DoorField label={t('form.phone')}>
          <input
            data-testid="identify-phone"
            inputMode="tel"
            maxLength={20}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </DoorField>
      </div>
      <div className="door-row">
        <DoorField label={t('form.addressLine')}>
          <input data-testid="identify-address" maxLength={200} value={line} onChange={(e) => setLine(e.target.value)} />
        </DoorField>
        <DoorField label={t('form.pincode')}>
          <input
            data-testid="identify-pincode"
            inputMode="numeric"
            maxLength={6}
            value={pincode}
            onChange={(e) => setPincode(e.target.value)}
          />
        </DoorField>
      </div>
      {error && <CallErrorMessage error={error} title={t('door.identify.failed')} testId="identify-error" />}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t('door.cancel')}
        </button>
        <button type="submit" className="primary" data-testid="identify-submit" disabled={update.pending || name.trim() === ''}>
          {t('door.identify.submit')}
        </button>
      </div>
    </form>
  );
}
