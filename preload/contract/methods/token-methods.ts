// tokens.* — OPD tokens per department and day.
import { z } from 'zod';
import { DepartmentCode, FeeCategory, IsoDate, Priority, Uuid, VisitType, optionalText, requiredText } from '../fields';
import { Token } from '../records';
import { ExemptionProof, Payment } from './fee-schemas';
import type { MethodSpec } from '../method-spec';
import { MlcInput } from './arrival-schemas';

export const tokenMethods = {
  'tokens.issue': {
    summary: 'Issue an OPD token for a patient in a department, today.',
    input: z
      .object({
        /** Client-made id: a retried issue with the same id returns the same token. */
        id: Uuid.optional(),
        patientId: Uuid,
        departmentCode: DepartmentCode,
        priority: Priority.default('none'),
        visitType: VisitType.default('new'),
        feeCategory: FeeCategory.default('general'),
        /** An exemption that waives a fee needs its proof; an Aadhaar number is kept as its last 4 digits. */
        exemptionProof: ExemptionProof.optional(),
        /** The fee collected with the token: exactly what fees.quote says is due (none when nothing is). */
        payment: Payment.optional(),
        /** A medico-legal case: recorded with the token, so its slip prints it. */
        mlc: MlcInput.optional(),
      })
      .strict(),
    output: Token,
  },
  'tokens.cancel': {
    summary: 'Cancel a token with a reason; its number is never reused.',
    input: z.object({ tokenId: Uuid, reason: requiredText(200) }).strict(),
    output: Token,
  },
  'tokens.transfer': {
    summary: 'Move a visit to another department: a new token there, the old one marked transferred.',
    input: z.object({ tokenId: Uuid, departmentCode: DepartmentCode, reason: optionalText(200) }).strict(),
    output: z.object({ from: Token, to: Token }),
  },
  'tokens.list': {
    summary: "A day's tokens in queue order (issue time), optionally for one department.",
    input: z
      .object({
        date: IsoDate.optional(),
        departmentCode: DepartmentCode.optional(),
        patientId: Uuid.optional(),
      })
      .strict(),
    output: z.array(Token),
  },
} as const satisfies Record<string, MethodSpec>;
