// The HIMS's answer about this counter's letter, in the clerk's words.
import type { TFunction } from 'i18next';
import type { CounterInfo } from '../../../preload/contract';
import type { Language } from '../i18n';
import { dateTimeText } from '../lib/dates';

/** "25 Nov 2026, 10:42" in the counter's time zone. */
function when(iso: string, info: CounterInfo, lang: Language): string {
  return dateTimeText(iso, lang, info.timeZone);
}

export function letterCheckSummary(t: TFunction, info: CounterInfo, lang: Language): string {
  const check = info.letterCheck;
  const letter = info.counterLetter ?? '';
  if (check.state === 'unchecked') return t(`counter.letterCheck.${check.reason ?? 'hims_not_reached'}`);
  if (check.state === 'unique')
    return t('counter.letterCheck.unique', { letter, when: check.checkedAt ? when(check.checkedAt, info, lang) : '' });
  return t('counter.letterCheck.duplicate', { letter, count: check.otherCounters.length });
}

/** One line per other counter with this letter: its name at the HIMS and when its record changed. */
export function otherCounterLines(t: TFunction, info: CounterInfo, lang: Language): string[] {
  return info.letterCheck.otherCounters.map((c) =>
    t('counter.letterCheck.other', { name: c.name ?? c.counterId, when: c.updatedAt ? when(c.updatedAt, info, lang) : '—' }),
  );
}
