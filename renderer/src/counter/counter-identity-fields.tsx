// Who this counter is, as a form section: at first run (auth/credentials-form)
// and in the administrator's This counter dialog. A field set by the start-up
// configuration, or a letter or hospital code already used for UHIDs and
// tokens, is shown but cannot be typed in, with the reason under it.
import { useTranslation } from 'react-i18next';
import type { IdentityField } from '../../../preload/contract/methods/counter-schemas';
import type { AuthProblem } from '../auth/auth-errors';
import { AuthInput } from '../auth/auth-field';

export type IdentityValues = Record<IdentityField, string>;

/** Fields whose value is in every UHID or token label: fixed once something was issued. */
const MINTING: ReadonlySet<IdentityField> = new Set(['hospitalCode', 'counterLetter']);

interface Props {
  idPrefix: string;
  values: IdentityValues;
  onChange: (field: IdentityField, value: string) => void;
  problems: Partial<Record<IdentityField, AuthProblem>>;
  pinned: readonly IdentityField[];
  /** Something was issued with the letter and hospital code. */
  identityLocked: boolean;
  /** The field the cursor starts in, if any. */
  autoFocus?: IdentityField | null;
}

const timeZones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Kolkata'];

export function CounterIdentityFields({ idPrefix, values, onChange, problems, pinned, identityLocked, autoFocus = null }: Props) {
  const { t } = useTranslation();
  const fixedBecause = (field: IdentityField): string | null =>
    pinned.includes(field)
      ? t('counter.fields.pinned')
      : identityLocked && MINTING.has(field)
        ? t('counter.fields.locked')
        : null;

  const input = (field: IdentityField, extra: { maxLength: number; upper?: boolean; list?: string }) => {
    const fixed = fixedBecause(field);
    return (
      <AuthInput
        id={`${idPrefix}-${field}`}
        label={t(`counter.fields.${field}`)}
        value={values[field]}
        onChange={(value) => onChange(field, extra.upper ? value.toUpperCase() : value)}
        problem={problems[field]}
        testId={`identity-${field}`}
        hint={fixed ?? t(`counter.fields.${field}Hint`)}
        readOnly={fixed !== null}
        aria-readonly={fixed !== null}
        data-fixed={fixed !== null || undefined}
        maxLength={extra.maxLength}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus === field}
        {...(extra.upper ? { autoCapitalize: 'characters' } : {})}
        {...(extra.list ? { list: extra.list } : {})}
      />
    );
  };

  return (
    <>
      {input('hospitalName', { maxLength: 80 })}
      {input('hospitalNameHi', { maxLength: 80 })}
      {input('hospitalCode', { maxLength: 6, upper: true })}
      {input('counterLetter', { maxLength: 1, upper: true })}
      {input('timeZone', { maxLength: 64, list: `${idPrefix}-time-zones` })}
      <datalist id={`${idPrefix}-time-zones`}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}

/** Where the cursor starts: the first field the person can and must fill. */
export function firstOpenField(values: IdentityValues, pinned: readonly IdentityField[]): IdentityField | null {
  return (
    (['hospitalName', 'hospitalCode', 'counterLetter'] as const).find((f) => !pinned.includes(f) && values[f] === '') ?? null
  );
}
