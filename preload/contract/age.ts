// How an age is written, on screen and on the slip: whole years from five up;
// years and months for small children and months for infants, where the
// paediatric OPD needs them (doses and growth charts go by months).
export type AgeForm =
  | { kind: 'years'; years: number }
  | { kind: 'yearsMonths'; years: number; months: number }
  | { kind: 'months'; months: number }
  | { kind: 'underOneMonth' };

/** Below this many years the months are shown too. */
export const MONTHS_SHOWN_BELOW_YEARS = 5;

export function ageForm(years: number, months: number): AgeForm {
  if (years >= MONTHS_SHOWN_BELOW_YEARS || (years > 0 && months === 0)) return { kind: 'years', years };
  if (years > 0) return { kind: 'yearsMonths', years, months };
  if (months > 0) return { kind: 'months', months };
  return { kind: 'underOneMonth' };
}
