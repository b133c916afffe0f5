// The sex select of the quick forms at the door (emergency, newborn): one key
// picks (m, f, o as on the registration form) and moves on to the next field,
// so a clerk with a patient on a stretcher does not open a drop-down.
import { useTranslation } from 'react-i18next';
import { keyLetter } from '../lib/key-place';
import { GENDERS, ONE_KEY, type GenderValue } from '../lib/registration-form';

export function GenderKeysSelect({
  testId,
  value,
  onChange,
  nextFieldId,
}: {
  testId: string;
  value: GenderValue | '';
  onChange: (gender: GenderValue | '') => void;
  /** Where focus goes once a key has picked. */
  nextFieldId: string;
}) {
  const { t } = useTranslation();
  return (
    <select
      data-testid={testId}
      autoFocus
      value={value}
      onChange={(e) => onChange(GENDERS.find((g) => g === e.target.value) ?? '')}
      onKeyDown={(e) => {
        const pick = ONE_KEY.gender[keyLetter(e).toLowerCase()];
        if (!pick || e.ctrlKey || e.altKey) return;
        e.preventDefault();
        onChange(pick);
        document.getElementById(nextFieldId)?.focus();
      }}
    >
      <option value="">{t('form.choose')}</option>
      {GENDERS.map((g) => (
        <option key={g} value={g}>
          {t(`form.genders.${g}`)}
        </option>
      ))}
    </select>
  );
}
