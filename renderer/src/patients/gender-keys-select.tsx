// The sex select of the quick forms at the door (emergency, newborn): one key
// picks (m, f, o as on the registration form) and moves on to the next field,
// so a clerk with a patient on a stretcher does not open a drop-down. Enter
// sends the form, as it does from the dialog's inputs (a browser sends a form
// on Enter only from an input, never from a select).
import { useTranslation } from 'react-i18next';
import { keyLetter } from '../lib/key-place';
import { GENDERS, ONE_KEY, type GenderValue } from '../lib/registration-form';
import { doorInputA11y } from './door-dialog';

export function GenderKeysSelect({
  testId,
  value,
  onChange,
  nextFieldId,
  error,
}: {
  testId: string;
  value: GenderValue | '';
  onChange: (gender: GenderValue | '') => void;
  /** Where focus goes once a key has picked. */
  nextFieldId: string;
  /** Set while the sex is refused: the select is marked and points at the words under it. */
  error?: string | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <select
      data-testid={testId}
      id={testId}
      autoFocus
      {...doorInputA11y(error, `${testId}-error`)}
      value={value}
      onChange={(e) => onChange(GENDERS.find((g) => g === e.target.value) ?? '')}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.ctrlKey && !e.altKey) {
          e.preventDefault();
          e.currentTarget.form?.requestSubmit();
          return;
        }
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
