// How patients, departments and dates read on screen, in either language.
import type { TFunction } from 'i18next';
import type { Department, PatientSummary } from '../../../preload/contract';
import { ageForm } from '../../../preload/contract/age';
import { localeOf, type Language } from '../i18n';

type Who = Pick<PatientSummary, 'ageYears' | 'ageMonths' | 'gender'>;

/** "34 y", "2 y 3 m", "5 m", "<1 m" — the same rule as the slip (preload/contract/age.ts). */
export function ageText(t: TFunction, p: Pick<Who, 'ageYears' | 'ageMonths'>): string {
  const age = ageForm(p.ageYears, p.ageMonths);
  switch (age.kind) {
    case 'years':
      return t('patient.age.years', { years: age.years });
    case 'yearsMonths':
      return t('patient.age.yearsMonths', { years: age.years, months: age.months });
    case 'months':
      return t('patient.age.months', { months: age.months });
    case 'underOneMonth':
      return t('patient.age.underOneMonth');
  }
}

export function ageSex(t: TFunction, p: Who): string {
  return t('patient.ageSex', { age: ageText(t, p), sex: t(`patient.sexShort.${p.gender}`) });
}

/** "S/o Ramesh" — how a guardian is written on Indian registration slips. */
export function guardianText(t: TFunction, p: Pick<PatientSummary, 'guardianName' | 'guardianRelation'>): string | null {
  if (!p.guardianName) return null;
  if (!p.guardianRelation) return p.guardianName;
  return t('patient.guardian', { relation: t(`patient.relation.${p.guardianRelation}`), name: p.guardianName });
}

/** Department names come from configuration in both languages. */
export function departmentName(d: Department | undefined, code: string, lang: Language): string {
  if (!d) return code;
  return lang === 'hi' ? d.nameHi || d.nameEn : d.nameEn;
}

/** The counter's local date (YYYY-MM-DD) as the clerk reads it, e.g. "Tue, 25 Nov 2025". */
export function formatDate(isoDate: string, lang: Language): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC', // the date is already local; do not shift it again
  }).format(d);
}

/** Issue time of a token as HH:MM in the counter's time zone. */
export function formatTime(isoInstant: string, lang: Language, timeZone: string | undefined): string {
  const d = new Date(isoInstant);
  if (Number.isNaN(d.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(d);
  } catch {
    // An unknown time zone name from configuration: fall back to the browser's.
    return new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  }
}
