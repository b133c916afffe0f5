// "Register baby of …" from the mother's record (issue 13): sex by one key,
// date and time of birth (hospital time; the core refuses a time still to
// come). Address, mobile and guardian come from the mother.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Patient } from '../../../preload/contract';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { newId } from '../lib/new-id';
import { dayNumeric, parseDay } from '../lib/dates';
import type { GenderValue } from '../lib/registration-form';
import { DoorDialog, DoorField, DoorFormEnd } from './door-dialog';
import { GenderKeysSelect } from './gender-keys-select';

interface Props {
  mother: Pick<Patient, 'id' | 'name'>;
  /** Today as the counter sees it (YYYY-MM-DD), the usual date of birth. */
  today: string;
  onClose: () => void;
  onRegistered: (baby: Patient) => void;
}

export function NewbornDialog({ mother, today, onClose, onRegistered }: Props) {
  const { t } = useTranslation();
  const [id] = useState(newId);
  const [name, setName] = useState('');
  const [gender, setGender] = useState<GenderValue | ''>('');
  const [date, setDate] = useState(dayNumeric(today));
  const [time, setTime] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const register = useCounterMutation('patients.registerNewborn');

  async function submit() {
    setError(null);
    const iso = parseDay(date);
    const hhmm = /^(\d{1,2})[:.]?(\d{2})$/.exec(time.trim());
    if (gender === '' || !iso || !hhmm) return setProblem(t('door.newborn.needAll'));
    setProblem(null);
    const result = await register.run({
      id,
      motherId: mother.id,
      name,
      gender,
      dateOfBirth: iso,
      birthTime: `${hhmm[1]!.padStart(2, '0')}:${hhmm[2]}`,
    });
    if (result?.ok) onRegistered(result.value);
    else if (result?.error.issues?.some((i) => i.code === 'future')) setProblem(t('door.newborn.future'));
    else if (result) setError(result.error);
  }

  return (
    <DoorDialog title={t('door.newborn.title', { mother: mother.name })} testId="newborn-dialog" onClose={onClose}>
      <form
        className="door-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="door-row">
          <DoorField label={t('door.newborn.name')} hint={t('door.newborn.nameHint', { mother: mother.name })}>
            <input
              data-testid="newborn-name"
              maxLength={100}
              placeholder={`Baby of ${mother.name}`}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </DoorField>
          <DoorField label={t('door.form.genderKeys')}>
            <GenderKeysSelect testId="newborn-gender" value={gender} onChange={setGender} nextFieldId="newborn-time" />
          </DoorField>
        </div>
        <div className="door-row">
          <DoorField label={t('door.newborn.date')}>
            <input
              data-testid="newborn-date"
              inputMode="numeric"
              maxLength={10}
              placeholder={t('form.dobPlaceholder')}
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          </DoorField>
          <DoorField label={t('door.newborn.time')}>
            <input
              id="newborn-time"
              data-testid="newborn-time"
              inputMode="numeric"
              maxLength={5}
              placeholder="14:05"
              value={time}
              onChange={(e) => setTime(e.target.value)}
            />
          </DoorField>
        </div>
        <DoorFormEnd
          testIdPrefix="newborn"
          problem={problem}
          error={error}
          failedTitle={t('door.newborn.failed')}
          submitLabel={t('door.newborn.submit')}
          pending={register.pending}
        />
      </form>
    </DoorDialog>
  );
}
