// fees.* — the fee schedule, exemptions, quotes, receipts and refunds (issue
// 12). A fee is collected with its token (tokens.issue's `payment`); these are
// everything around it.
import { z } from 'zod';
import { DepartmentCode, IsoDate, Uuid, requiredText } from '../fields';
import type { MethodSpec } from '../method-spec';
import { PrintJob } from './printing-methods';
import {
  ExemptionInput,
  FeeQuote,
  FeeQuoteInput,
  FeeSettings,
  FeePaise,
  PaymentMethod,
  PeerTicket,
  RefundView,
  ScheduleDepartment,
  TokenFee,
  UpiVpa,
} from './fee-schemas';

export const feeMethods = {
  'fees.settings': {
    summary: 'The fee schedule, the exemptions, how receipts print and the UPI address.',
    input: z.object({}).strict(),
    output: FeeSettings,
  },
  'fees.saveSettings': {
    summary: 'How receipts print (with the token or on a slip of their own) and the hospital’s UPI address (audited).',
    input: z
      .object({
        receiptSlips: z.enum(['one', 'two']),
        upiVpa: UpiVpa.nullable(),
        upiPayeeName: requiredText(60).nullable(),
      })
      .strict(),
    output: FeeSettings,
  },
  'fees.saveSchedule': {
    summary:
      "A department's fees and ticket validity ('*' for every department without its own row); useDefault removes a department's own row (audited).",
    input: z
      .object({
        departmentCode: ScheduleDepartment,
        newPaise: FeePaise,
        revisitPaise: FeePaise,
        followUpPaise: FeePaise,
        validityDays: z.number().int().min(0).max(366, { message: 'must be at most 366 days' }),
        useDefault: z.boolean().default(false),
      })
      .strict(),
    output: FeeSettings,
  },
  'fees.saveExemption': {
    summary: 'Add or change an exemption category (whether it needs a proof, whether it is offered); audited.',
    input: ExemptionInput,
    output: FeeSettings,
  },
  'fees.quote': {
    summary:
      'What a token would cost: new, revisit or follow-up within a valid ticket, the exemption, the amount due and a UPI request for it.',
    input: FeeQuoteInput,
    output: FeeQuote,
  },
  'fees.forToken': {
    summary: "A token's fee record, receipt and refunds.",
    input: z.object({ tokenId: Uuid }).strict(),
    output: z.object({ fee: TokenFee.nullable(), refunds: z.array(RefundView) }),
  },
  'fees.refund': {
    summary:
      'Give money back on a receipt, with a reason (a supervisor; audited). A cancellation gives back all that is left and voids the ticket; never more than was paid.',
    input: z
      .object({
        receiptId: Uuid,
        kind: z.enum(['refund', 'cancellation']),
        /** A refund's amount; a cancellation gives back what is left (an amount, if given, must equal it). */
        amountPaise: FeePaise.optional(),
        method: PaymentMethod,
        reason: requiredText(200),
        /** Client-made id: a retried refund returns the first. */
        id: Uuid.optional(),
      })
      .strict(),
    output: RefundView,
  },
  'fees.reprintReceipt': {
    summary: 'Print a receipt again, marked DUPLICATE (audited).',
    input: z.object({ receiptId: Uuid }).strict(),
    output: PrintJob,
  },
  'fees.printUpiRequest': {
    summary: 'Print the UPI request (a QR for the exact amount) for the patient to scan before the token is issued.',
    input: FeeQuoteInput,
    output: PrintJob,
  },
  // What one counter asks another (docs/peers.md; peers only): a ticket bought there is honoured here.
  'peer.ticket': {
    summary:
      "This counter's valid OPD ticket for a patient (by the patient's id, the same at every counter) in a department on a day, and whether the patient was seen there before.",
    input: z.object({ patientId: Uuid, departmentCode: DepartmentCode, day: IsoDate }).strict(),
    output: PeerTicket,
  },
} as const satisfies Record<string, MethodSpec>;
