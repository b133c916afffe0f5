// The inputs of the registration form, in the order a patient answers:
// name, gender, age, mobile, guardian, address (PIN first: it fills district
// and state), then ID proof and ABHA if they have them. Gender and guardian
// relation take one key (M/F/O, S/D/W/C) and move on (registration-form.tsx).
import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ID_PROOF_TYPES } from '../../../preload/contract/id-proof';
import type { Place, State } from '../../../preload/contract/methods/place-methods';
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
  | 'abhaAddress'
  | 'idProofNumber';

function textPatch(key: TextKey, value: string): Partial<RegistrationValues> {
  const patch: Partial<RegistrationValues> = {};
  patch[key] = value;
  return patch;
}

interface Props {
  values: RegistrationValues;
  errors: FieldErrors;
  onChange: (patch: Partial<RegistrationValues>) => void;
  /** What the PIN typed belongs to, shown under district and state (null: nothing looked up). */
  pinPlaces: Place[] | null;
  states: State[];
  districts: Place[];
}

export function RegistrationFields({ values, errors, onChange, pinPlaces, states, districts }: Props) {
  const { t } = useTranslation();

  // One plain text input bound to one value and one contract path.
  const text = (
    path: FieldPath,
    key: TextKey,
    testId: string,
    label: string,
    extra: Record<string, string | number> = {},
    after?: ReactNode,
  ) => (
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
      {after}
    </FormField>
  );

  // Both languages: the clerk reads one, the patient may read the other.
  const pinHint =
    pinPlaces && pinPlaces.length > 0 ? pinPlaces.map((p) => `${p.district}, ${p.state} (${p.stateHi})`).join(' · ') : null;

  return (
    <div className="registration-fields">
      <div className="form-row">
        {text('name', 'name', 'reg-name', t('form.name'), { maxLength: 100 })}
        <FormField path="gender" label={t('door.form.genderKeys')} messages={errors.gender} className="field-gender">
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
          label={t('door.form.relationKeys')}
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
          {text(
            'address.pincode',
            'pincode',
            'reg-pincode',
            t('form.pincode'),
            { inputMode: 'numeric', maxLength: 6 },
            pinHint && (
              <span className="pin-places" data-testid="reg-pin-places">
                {pinHint}
              </span>
            ),
          )}
          {text('address.district', 'district', 'reg-district', t('form.district'), { maxLength: 60, list: 'reg-district-list' })}
          {text('address.state', 'state', 'reg-state', t('form.state'), { maxLength: 60, list: 'reg-state-list' })}
          <datalist id="reg-district-list">
            {districts.map((d) => (
              <option key={`${d.stateCode}:${d.district}`} value={d.district}>
                {d.state}
              </option>
            ))}
          </datalist>
          <datalist id="reg-state-list">
            {states.map((s) => (
              <option key={s.code} value={s.en}>
                {s.hi}
              </option>
            ))}
          </datalist>
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('door.form.optional')}</legend>
        <div className="form-row">
          {text('nameOtherScript', 'nameOtherScript', 'reg-name-other', t('form.nameOtherScript'), { maxLength: 100 })}
        </div>
        <div className="form-row">
          <FormField
            path="idProof.type"
            label={t('door.idProof.type')}
            messages={errors['idProof.type']}
            className="field-relation"
          >
            <select
              {...inputA11y('idProof.type', errors['idProof.type'])}
              data-testid="reg-id-proof-type"
              value={values.idProofType}
              onChange={(e) => onChange({ idProofType: ID_PROOF_TYPES.find((v) => v === e.target.value) ?? '' })}
            >
              <option value="">{t('patient.none')}</option>
              {ID_PROOF_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`door.idProof.types.${type}`)}
                </option>
              ))}
            </select>
          </FormField>
          {text('idProof.number', 'idProofNumber', 'reg-id-proof-number', t('door.idProof.number'), {
            maxLength: 40,
            placeholder: values.idProofType === 'aadhaar' ? '1234 5678 9012' : '',
          })}
        </div>
        <div className="form-row">
          {text('abhaNumber', 'abhaNumber', 'reg-abha-number', t('form.abhaNumber'), { inputMode: 'numeric', maxLength: 24 })}
          {text('abhaAddress', 'abhaAddress', 'reg-abha-address', t('form.abhaAddress'), { maxLength: 80 })}
        </div>
      </fieldset>
    </div>
  );
}
