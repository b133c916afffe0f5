// How patients and departments read on screen, in either language (dates: lib/dates.ts).
import type { TFunction } from 'i18next';
import type { Department, PatientSummary } from '../../../preload/contract';
import { ageForm } from '../../../preload/contract/age';
import type { Language } from '../i18n';

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

/** A department's room as this screen says it: its Devanagari form on a Hindi screen, where it has one. */
export function departmentRoom(d: Department, lang: Language): string {
  return lang === 'hi' && d.roomHi ? d.roomHi : d.room;
}

/** Department names come from configuration in both languages. */
export function departmentName(d: Department | undefined, code: string, lang: Language): string {
  if (!d) return code;
  return lang === 'hi' ? d.nameHi || d.nameEn : d.nameEn;
}
