// A day typed the Indian way (08-12-2026, 8/12/2026 or 08122026), given to
// the screen as YYYY-MM-DD: what this app uses instead of <input type="date">,
// which draws the machine's locale (12/08/2026 on a US-English Windows).
import { useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { dayNumeric, parseDay } from '../lib/dates';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  /** YYYY-MM-DD. */
  value: string;
  /** Told only when what is typed is a whole, real day. */
  onChange: (isoDay: string) => void;
};

export function DayInput({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState({ text: dayNumeric(value), forValue: value });
  // What the clerk is typing stays; a day set from outside (a preset) replaces it.
  const text = typed.forValue === value || parseDay(typed.text) === value ? typed.text : dayNumeric(value);
  const invalid = text.trim() !== '' && parseDay(text) === null;
  return (
    <input
      {...rest}
      inputMode="numeric"
      maxLength={10}
      placeholder={t('form.dobPlaceholder')}
      aria-invalid={invalid || undefined}
      value={text}
      onChange={(e) => {
        setTyped({ text: e.target.value, forValue: value });
        const day = parseDay(e.target.value);
        if (day) onChange(day);
      }}
    />
  );
}
