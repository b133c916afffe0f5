// The full record of the chosen patient (search results carry only a summary)
// and the tokens they already hold today, so a second token is a choice.
import type { CallError, Patient, Token } from '../../../preload/contract';
import { useCounterQuery } from './use-counter-query';

export interface PatientDetails {
  patient: Patient | null;
  error: CallError | null;
  tokensToday: Token[];
}

export function usePatientDetails(patientId: string | null, refreshKey: number): PatientDetails {
  // Reloaded with the tokens: a photo taken or a patient identified in the panel shows at once.
  const patient = useCounterQuery('patients.get', patientId ? { id: patientId } : null, refreshKey);
  const tokens = useCounterQuery('tokens.list', patientId ? { patientId } : null, refreshKey);
  return { patient: patient.data, error: patient.error, tokensToday: tokens.data ?? [] };
}
