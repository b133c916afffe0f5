// A card's details as the registration form's values: what cards.resolve
// offers when the card's holder is new at this hospital.
import type { RegistrationPrefill } from '../../../preload/contract/methods/card-schemas';
import { emptyValues, type RegistrationValues } from '../lib/registration-form';

export function valuesFromCard(prefill: RegistrationPrefill): RegistrationValues {
  const values = emptyValues({ kind: 'none', value: '' });
  return {
    ...values,
    name: prefill.name ?? '',
    gender: prefill.gender ?? '',
    birthMode: prefill.dateOfBirth ? 'dob' : 'age',
    ageYears: prefill.ageYears !== undefined ? String(prefill.ageYears) : '',
    // The form takes day-first dates as clerks type them.
    dateOfBirth: prefill.dateOfBirth ? prefill.dateOfBirth.split('-').reverse().join('/') : '',
    phone: prefill.phone ?? '',
    addressLine: prefill.address?.line ?? '',
    district: prefill.address?.district ?? '',
    state: prefill.address?.state ?? '',
    pincode: prefill.address?.pincode ?? '',
    abhaNumber: prefill.abhaNumber ?? '',
    abhaAddress: prefill.abhaAddress ?? '',
  };
}
