// The inputs of the registration form, in the order a patient answers:
// name, gender, age, mobile, guardian, address, then ABHA if they have it.
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GENDERS,
  GUARDIAN_RELATIONS,
  showsAgeMonths,
  type FieldErrors,
  type FieldPath,
  type RegistrationValues,
} from '../lib/registration-form';
import { FormField, inputA11y } from './form-field';

/** The values typed as free text (the rest come from selects and toggles). */
type TextKey =
  | 'name'
  | 'nameOtherScript'
  | 'ageYears'
  | 'ageMonths'
  | 'dateOfBirth'
  | 'phone'
  | 'guardianName'
  | 'addressLine'
  | 'district'
  | 'state'
  | 'pincode'
  | 'abhaNumber'
  | 'abhaAddress';

function textPatch(key: TextKey, value: string): Partial<RegistrationValues> {
  const patch: Partial<RegistrationValues> = {};
  patch[key] = value;
  return patch;
}

interface Props {
  values: RegistrationValues;
  errors: FieldErrors;
  onChange: (patch: Partial<RegistrationValues>) => void;
}

export function RegistrationFields({ values, errors, onChange }: Props) {
  const { t } = useTranslation();

  // One plain text input bound to one value and one contract path.
  const text = (path: FieldPath, key: TextKey, testId: string, label: string, extra: Record<string, string | number> = {}) => (
    <FormField path={path} label={label} messages={errors[path]} className={`field-${key}`}>
      <input
        {...inputA11y(path, errors[path])}
        data-testid={testId}
        type="text"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={values[key]}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(textPatch(key, e.target.value))}
        {...extra}
      />
    </FormField>
  );

  return (
    <div className="registration-fields">
      <div className="form-row">
        {text('name', 'name', 'reg-name', t('form.name'), { maxLength: 100 })}
        {text('nameOtherScript', 'nameOtherScript', 'reg-name-other', t('form.nameOtherScript'), { maxLength: 100 })}
        <FormField path="gender" label={t('form.gender')} messages={errors.gender} className="field-gender">
          <select
            {...inputA11y('gender', errors.gender)}
            data-testid="reg-gender"
            value={values.gender}
            onChange={(e) => {
              const v = GENDERS.find((g) => g === e.target.value);
              onChange({ gender: v ?? '' });
            }}
          >
            <option value="">{t('form.choose')}</option>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {t(`form.genders.${g}`)}
              </option>
            ))}
          </select>
        </FormField>
      </div>

      <div className="form-row birth-row">
        {values.birthMode === 'age' ? (
          <>
            {text('ageYears', 'ageYears', 'reg-age', t('form.ageYears'), { inputMode: 'numeric', maxLength: 3 })}
            {showsAgeMonths(values) &&
              text('ageMonths', 'ageMonths', 'reg-age-months', t('form.ageMonths'), { inputMode: 'numeric', maxLength: 2 })}
          </>
        ) : (
          <FormField path="dateOfBirth" label={t('form.dateOfBirth')} messages={errors.dateOfBirth} className="field-dob">
            <input
              {...inputA11y('dateOfBirth', errors.dateOfBirth)}
              data-testid="reg-dob"
              type="text"
              inputMode="numeric"
              placeholder={t('form.dobPlaceholder')}
              autoComplete="off"
              maxLength={10}
              value={values.dateOfBirth}
              onChange={(e) => onChange({ dateOfBirth: e.target.value })}
            />
          </FormField>
        )}
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="reg-age-mode"
            checked={values.birthMode === 'dob'}
            onChange={(e) => onChange({ birthMode: e.target.checked ? 'dob' : 'age' })}
          />
          {t('form.birthToggle')}
        </label>
        {text('phone', 'phone', 'reg-phone', t('form.phone'), { inputMode: 'tel', maxLength: 20 })}
      </div>

      <div className="form-row">
        <FormField
          path="guardianRelation"
          label={t('form.guardianRelation')}
          messages={errors.guardianRelation}
          className="field-relation"
        >
          <select
            {...inputA11y('guardianRelation', errors.guardianRelation)}
            data-testid="reg-guardian-relation"
            value={values.guardianRelation}
            onChange={(e) => {
              const v = GUARDIAN_RELATIONS.find((r) => r === e.target.value);
              onChange({ guardianRelation: v ?? '' });
            }}
          >
            <option value="">{t('patient.none')}</option>
            {GUARDIAN_RELATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`form.relations.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        {text('guardianName', 'guardianName', 'reg-guardian-name', t('form.guardianName'), { maxLength: 100 })}
      </div>

      <fieldset className="form-group">
        <legend>{t('form.address')}</legend>
        <div className="form-row">{text('address.line', 'addressLine', 'reg-address-line', t('form.addressLine'))}</div>
        <div className="form-row">
          {text('address.district', 'district', 'reg-district', t('form.district'), { maxLength: 60 })}
          {text('address.state', 'state', 'reg-state', t('form.state'), { maxLength: 60 })}
          {text('address.pincode', 'pincode', 'reg-pincode', t('form.pincode'), { inputMode: 'numeric', maxLength: 6 })}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('form.abha')}</legend>
        <div className="form-row">
          {text('abhaNumber', 'abhaNumber', 'reg-abha-number', t('form.abhaNumber'), { inputMode: 'numeric', maxLength: 24 })}
          {text('abhaAddress', 'abhaAddress', 'reg-abha-address', t('form.abhaAddress'), { maxLength: 80 })}
        </div>
      </fieldset>
    </div>
  );
}
