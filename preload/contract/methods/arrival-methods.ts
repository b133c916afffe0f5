// Emergency and unknown patients, newborns and medico-legal cases.
import { z } from 'zod';
import { IsoDate, Uuid } from '../fields';
import { Patient, PatientSummary, Token } from '../records';
import type { MethodSpec } from '../method-spec';
import { EmergencyInput, MlcInput, NewbornInput } from './arrival-schemas';

export const arrivalMethods = {
  'patients.registerEmergency': {
    summary:
      'Register an unidentified patient by sex and approximate age ("Unknown Male 35 — <date time> — <token>") and give a token in Casualty at once.',
    input: EmergencyInput,
    output: z.object({ patient: Patient, token: Token }),
  },
  'patients.registerNewborn': {
    summary:
      "Register a baby from the mother's record: her address and mobile copied, she is the guardian and the linked mother.",
    input: NewbornInput,
    output: Patient,
  },
  'tokens.setMlc': {
    summary: 'Record a visit as a medico-legal case (MLC number, police station, brought by, when); printed on the slip.',
    input: z.object({ tokenId: Uuid, mlc: MlcInput }).strict(),
    output: Token,
  },
  'tokens.mlcList': {
    summary: 'Medico-legal visits between two dates (the police register), oldest first.',
    input: z.object({ from: IsoDate, to: IsoDate }).strict(),
    output: z.array(z.object({ token: Token, patient: PatientSummary })),
  },
} as const satisfies Record<string, MethodSpec>;
