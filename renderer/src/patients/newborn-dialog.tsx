// "Register baby of …" from the mother's record: sex by one key,
// date and time of birth (hospital time; the core refuses a time still to
// come). Address, mobile and guardian come from the mother.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Patient } from '../../../preload/contract';
import { isDevanagari, newbornNames } from '../../../preload/contract/temporary-names';
import { currentLanguage } from '../i18n';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { newId } from '../lib/new-id';
import { dayNumeric, parseDay } from '../lib/dates';
import type { GenderValue } from '../lib/registration-form';
import { DoorDialog, DoorField, DoorFormEnd, doorInputA11y } from './door-dialog';
import { GenderKeysSelect } from './gender-keys-select';

/** The dialog's fields in on-screen order; each input's id is newborn-<field>. */
const NEWBORN_FIELDS = ['gender', 'date', 'time'] as const;
type NewbornField = (typeof NEWBORN_FIELDS)[number];

interface Props {
  mother: Pick<Patient, 'id' | 'name' | 'nameOtherScript'>;
  /** Today as the counter sees it (YYYY-MM-DD), the usual date of birth. */
  today: string;
  onClose: () => void;
  onRegistered: (baby: Patient) => void;
}

export function NewbornDialog({ mother, today, onClose, onRegistered }: Props) {
  const { t, i18n } = useTranslation();
  const [id] = useState(newId);
  // The name the baby gets when none is typed, in the script of the screen where the mother has a name in it.
  const given = newbornNames(mother);
  const givenShown =
    given.nameOtherScript !== null && isDevanagari(given.nameOtherScript) === (currentLanguage(i18n.language) === 'hi')
      ? given.nameOtherScript
      : given.name;
  const [name, setName] = useState('');
  const [gender, setGender] = useState<GenderValue | ''>('');
  const [date, setDate] = useState(dayNumeric(today));
  const [time, setTime] = useState('');
  const [missing, setMissing] = useState<Partial<Record<NewbornField, string>>>({});
  const [error, setError] = useState<CallError | null>(null);
  const register = useCounterMutation('patients.registerNewborn');

  function mark(found: Partial<Record<NewbornField, string>>) {
    setMissing(found);
    // The cursor goes to the first field to put right, where its words are.
    const first = NEWBORN_FIELDS.find((f) => found[f]);
    if (first) document.getElementById(`newborn-${first}`)?.focus();
  }

  function edited(field: NewbornField) {
    // Only while the field is marked: a state change per key is one more render under a burst of typing.
    if (missing[field]) setMissing((m) => ({ ...m, [field]: undefined }));
  }

  async function submit() {
    setError(null);
    const iso = parseDay(date);
    const hhmm = /^(\d{1,2})[:.]?(\d{2})$/.exec(time.trim());
    const found = {
      ...(gender === '' ? { gender: t('door.newborn.needSex') } : {}),
      ...(!iso ? { date: t('door.newborn.needDate') } : {}),
      ...(!hhmm ? { time: t('door.newborn.needTime') } : {}),
    };
    mark(found);
    if (gender === '' || !iso || !hhmm) return;
    const result = await register.run({
      id,
      motherId: mother.id,
      name,
      gender,
      dateOfBirth: iso,
      birthTime: `${hhmm[1]!.padStart(2, '0')}:${hhmm[2]}`,
    });
    if (result?.ok) onRegistered(result.value);
    else if (result?.error.issues?.some((i) => i.code === 'future')) mark({ time: t('door.newborn.future') });
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
          <DoorField label={t('door.newborn.name')} hint={t('door.newborn.nameHint', { name: givenShown })}>
            <input
              data-testid="newborn-name"
              maxLength={100}
              placeholder={givenShown}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </DoorField>
          <DoorField label={t('door.form.genderKeys')} error={missing.gender} errorId="newborn-gender-error">
            <GenderKeysSelect
              testId="newborn-gender"
              value={gender}
              onChange={(g) => {
                setGender(g);
                edited('gender');
              }}
              nextFieldId="newborn-time"
              error={missing.gender}
            />
          </DoorField>
        </div>
        <div className="door-row">
          <DoorField label={t('door.newborn.date')} error={missing.date} errorId="newborn-date-error">
            <input
              id="newborn-date"
              data-testid="newborn-date"
              inputMode="numeric"
              maxLength={10}
              placeholder={t('form.dobPlaceholder')}
              value={date}
              {...doorInputA11y(missing.date, 'newborn-date-error')}
              onChange={(e) => {
                setDate(e.target.value);
                edited('date');
              }}
            />
          </DoorField>
          <DoorField label={t('door.newborn.time')} error={missing.time} errorId="newborn-time-error">
            <input
              id="newborn-time"
              data-testid="newborn-time"
              inputMode="numeric"
              maxLength={5}
              placeholder="14:05"
              value={time}
              {...doorInputA11y(missing.time, 'newborn-time-error')}
              onChange={(e) => {
                setTime(e.target.value);
                edited('time');
              }}
            />
          </DoorField>
        </div>
        <DoorFormEnd
          testIdPrefix="newborn"
          problem={null}
          error={error}
          failedTitle={t('door.newborn.failed')}
          submitLabel={t('door.newborn.submit')}
          pending={register.pending}
        />
      </form>
    </DoorDialog>
  );
}
