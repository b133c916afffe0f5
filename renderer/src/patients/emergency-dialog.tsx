// Registering the patient who cannot give a name: sex by one key,
// an age at a glance, who brought them, and if the police did, the MLC. The
// core names them "Unknown Male 35 — <time> — <token>" and issues a Casualty
// token at once; they are identified later from the patient panel.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Patient, Token } from '../../../preload/contract';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import type { GenderValue } from '../lib/registration-form';
import { newId } from '../lib/new-id';
import { DoorDialog, DoorField, DoorFormEnd, doorInputA11y } from './door-dialog';
import { GenderKeysSelect } from './gender-keys-select';
import { EMPTY_MLC, MlcFields, mlcInput } from './mlc-fields';

interface Props {
  onClose: () => void;
  onRegistered: (patient: Patient, token: Token) => void;
}

export function EmergencyDialog({ onClose, onRegistered }: Props) {
  const { t } = useTranslation();
  // One pair of ids per opened dialog: a double Enter registers once.
  const [ids] = useState(() => ({ id: newId(), tokenId: newId() }));
  const [gender, setGender] = useState<GenderValue | ''>('');
  const [age, setAge] = useState('');
  const [broughtBy, setBroughtBy] = useState('');
  const [isMlc, setIsMlc] = useState(false);
  const [mlc, setMlc] = useState(EMPTY_MLC);
  const [missing, setMissing] = useState<{ sex?: string; age?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const register = useCounterMutation('patients.registerEmergency');

  async function submit() {
    setError(null);
    const years = Number(age);
    const found = {
      ...(gender === '' ? { sex: t('door.emergency.needSex') } : {}),
      ...(!/^\d{1,3}$/.test(age.trim()) || years > 130 ? { age: t('door.emergency.needAge') } : {}),
    };
    setMissing(found);
    if (gender === '' || found.age) {
      // The cursor goes to the first field to put right, where its words are.
      document.getElementById(gender === '' ? 'emergency-gender' : 'emergency-age')?.focus();
      return;
    }
    const mlcValue = isMlc ? mlcInput(mlc) : null;
    if (isMlc && !mlcValue) return setProblem(t('door.mlc.needAll'));
    setProblem(null);
    const result = await register.run({
      ...ids,
      gender,
      ageYears: years,
      broughtBy,
      ...(mlcValue ? { mlc: mlcValue } : {}),
    });
    if (result?.ok) onRegistered(result.value.patient, result.value.token);
    else if (result) setError(result.error);
  }

  return (
    <DoorDialog title={t('door.emergency.title')} testId="emergency-dialog" onClose={onClose}>
      <p className="hint">{t('door.emergency.hint')}</p>
      <form
        className="door-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="door-row">
          <DoorField label={t('door.form.genderKeys')} error={missing.sex} errorId="emergency-gender-error">
            <GenderKeysSelect
              testId="emergency-gender"
              value={gender}
              onChange={(g) => {
                setGender(g);
                if (missing.sex) setMissing((m) => ({ ...m, sex: undefined }));
              }}
              nextFieldId="emergency-age"
              error={missing.sex}
            />
          </DoorField>
          <DoorField label={t('door.emergency.age')} error={missing.age} errorId="emergency-age-error">
            <input
              id="emergency-age"
              data-testid="emergency-age"
              inputMode="numeric"
              maxLength={3}
              value={age}
              {...doorInputA11y(missing.age, 'emergency-age-error')}
              onChange={(e) => {
                setAge(e.target.value);
                if (missing.age) setMissing((m) => ({ ...m, age: undefined }));
              }}
            />
          </DoorField>
          <DoorField label={t('door.emergency.broughtBy')}>
            <input
              data-testid="emergency-brought-by"
              maxLength={100}
              value={broughtBy}
              onChange={(e) => setBroughtBy(e.target.value)}
            />
          </DoorField>
        </div>
        <label className="toggle">
          <input type="checkbox" data-testid="emergency-mlc" checked={isMlc} onChange={(e) => setIsMlc(e.target.checked)} />
          {t('door.mlc.toggle')}
        </label>
        {isMlc && <MlcFields value={mlc} onChange={setMlc} />}
        <DoorFormEnd
          testIdPrefix="emergency"
          problem={problem}
          error={error}
          failedTitle={t('door.emergency.failed')}
          submitLabel={t('door.emergency.submit')}
          pending={register.pending}
        />
      </form>
    </DoorDialog>
  );
}
