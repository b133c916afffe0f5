// A patient's date of birth from what the clerk gave: the date itself, or an
// age (years, and months for infants) that estimates it.
import type { RegisterPatientInput } from '../../preload/contract/methods';
import { estimateDateOfBirth } from '../core/clock';

type Birth = Pick<RegisterPatientInput, 'dateOfBirth' | 'ageYears' | 'ageMonths'>;

export function resolveBirth(input: Birth, todayDate: string): { dateOfBirth: string; estimated: boolean } {
  if (input.dateOfBirth) return { dateOfBirth: input.dateOfBirth, estimated: false };
  return { dateOfBirth: estimateDateOfBirth(todayDate, input.ageYears ?? 0, input.ageMonths ?? 0), estimated: true };
}
