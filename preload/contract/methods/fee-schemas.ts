// The shapes of fees, exemptions, receipts and refunds (docs/design.md
// §11). Money is always integer paise on the wire and in the database: ₹10 is
// 1000. Pure zod, shared by the core and the renderer.
import { z } from 'zod';
import { DepartmentCode, VisitType, requiredText } from '../fields';
import { aadhaarDigits, maskAadhaar } from '../id-proof';

/** ₹10,000: no OPD fee comes near it, so anything above is a typing slip (an extra zero or two). */
export const MAX_FEE_PAISE = 1_000_000;

/** A fee amount in paise: a whole number, not negative, not absurd. */
export const FeePaise = z
  .number({ message: 'must be an amount in paise (a whole number)' })
  .int({ message: 'must be a whole number of paise (₹10 is 1000)' })
  .min(0, { message: 'must not be negative' })
  .max(MAX_FEE_PAISE, { message: 'must be at most ₹10,000 (1000000 paise)' });

/** A fee category: 'general' (pays by the schedule) or the code of an exemption the supervisor keeps. */
export const FeeCategoryCode = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, {
  message: 'must be general or an exemption code like bpl',
});

/** Why this visit costs what it costs: first visit, again after the ticket's validity, within it, or a transfer. */
export const FeeBasis = z.enum(['new', 'revisit', 'follow_up', 'transfer']);
export type FeeBasis = z.infer<typeof FeeBasis>;

export const PaymentMethod = z.enum(['cash', 'upi']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** Documents that prove an exemption, as Indian OPD counters see them. */
export const ProofType = z.enum([
  'bpl_card',
  'ration_card',
  'aadhaar',
  'disability_certificate',
  'government_id',
  'senior_citizen_id',
  'pension_order',
  'scheme_card',
  'court_or_jail_order',
  'police_memo',
  'other',
]);
export type ProofType = z.infer<typeof ProofType>;

/**
 * An exemption's proof. An Aadhaar number is never kept whole (docs/design.md
 * §7): the schema itself keeps only its last four digits, so the core never
 * sees the rest. Other documents keep their number as written.
 */
export const ExemptionProof = z
  .object({
    type: ProofType,
    number: z.string().max(80, { message: 'must be at most 40 characters' }),
  })
  .strict()
  .transform((proof, ctx) => {
    const number = proof.number.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (proof.type === 'aadhaar') {
      // The whole number is checked as registration checks it (preload/contract/id-proof.ts); a masked
      // Aadhaar card shows only its last four digits, which are all that is kept either way.
      const lastFour = /^\d{4}$/.test(number) ? number : aadhaarDigits(number)?.slice(-4);
      if (!lastFour) {
        ctx.addIssue({
          code: 'custom',
          path: ['number'],
          message: 'must be the 12-digit Aadhaar number (its last digit is a check digit) or the last 4 digits of a masked card',
        });
        return z.NEVER;
      }
      return { type: proof.type, number: maskAadhaar(`00000000${lastFour}`) };
    }
    if (!/^[\p{L}\p{N}][\p{L}\p{M}\p{N} ./#()-]{0,39}$/u.test(number)) {
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        message: 'must be the document number: 1-40 letters, digits, spaces and - . / # ( )',
      });
      return z.NEVER;
    }
    return { type: proof.type, number };
  });
export type ExemptionProof = z.output<typeof ExemptionProof>;

/** The UPI transaction reference (UTR / RRN) a payer's app shows: 12 digits. */
export const UpiRef = z
  .string()
  .max(30)
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{12}$/, { message: 'must be the 12-digit UPI reference (UTR) from the payer’s app' }));

/** What the clerk collected with the token: exactly the fee due (fees.quote), by cash or UPI. */
export const Payment = z
  .object({
    method: PaymentMethod,
    amountPaise: FeePaise.refine((n) => n > 0, { message: 'must be more than zero' }),
    /** UPI only, optional: the reference the patient's app shows, to find the payment in the bank statement. */
    upiRef: UpiRef.optional(),
  })
  .strict()
  .refine((p) => p.method === 'upi' || p.upiRef === undefined, {
    message: 'a UPI reference goes with a UPI payment',
    path: ['upiRef'],
  });

/** A UPI virtual payment address: name@bank. */
export const UpiVpa = z
  .string()
  .max(100)
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .regex(/^[a-zA-Z0-9._-]{2,64}@[a-zA-Z][a-zA-Z0-9.-]{1,32}$/, { message: 'must be a UPI address like hospital@sbi' }),
  );

export const Exemption = z.object({
  code: FeeCategoryCode,
  nameEn: z.string(),
  nameHi: z.string(),
  proofRequired: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type Exemption = z.infer<typeof Exemption>;

export const ExemptionInput = z
  .object({
    code: FeeCategoryCode.refine((c) => c !== 'general', { message: 'general is the category of everyone who pays' }),
    nameEn: requiredText(60),
    nameHi: requiredText(60),
    proofRequired: z.boolean(),
    active: z.boolean().default(true),
    sortOrder: z.number().int().min(0).max(10000).optional(),
  })
  .strict();

/** '*' is every department without its own row. */
export const ScheduleDepartment = z.union([z.literal('*'), DepartmentCode]);

export const ScheduleRow = z.object({
  departmentCode: ScheduleDepartment,
  newPaise: FeePaise,
  revisitPaise: FeePaise,
  followUpPaise: FeePaise,
  /** Days an OPD ticket stays valid, the day of issue counting as the first (0: no validity). */
  validityDays: z.number().int().min(0).max(366, { message: 'must be at most 366 days' }),
});
export type ScheduleRow = z.infer<typeof ScheduleRow>;

export const FeeSettings = z.object({
  /** 'one': the receipt is part of the token slip; 'two': a separate receipt slip follows it. */
  receiptSlips: z.enum(['one', 'two']),
  upiVpa: z.string().nullable(),
  upiPayeeName: z.string().nullable(),
  schedule: z.array(ScheduleRow),
  exemptions: z.array(Exemption),
});
export type FeeSettings = z.infer<typeof FeeSettings>;

export const ReceiptView = z.object({
  id: z.string(),
  number: z.string(),
  amountPaise: z.number().int(),
  method: PaymentMethod,
  upiRef: z.string().nullable(),
  clerk: z.string(),
  issuedAt: z.string(),
  /** Given back so far (refunds and a cancellation). */
  refundedPaise: z.number().int(),
  cancelled: z.boolean(),
});
export type ReceiptView = z.infer<typeof ReceiptView>;

/** A token's fee record as the counter shows and prints it. */
export const TokenFee = z.object({
  chargeId: z.string(),
  basis: FeeBasis,
  category: z.string(),
  categoryNameEn: z.string(),
  categoryNameHi: z.string(),
  scheduledPaise: z.number().int(),
  waivedPaise: z.number().int(),
  duePaise: z.number().int(),
  proofType: ProofType.nullable(),
  proofNumber: z.string().nullable(),
  /** Last day the OPD ticket is valid (null: no validity at this hospital). */
  validUntil: z.string().nullable(),
  receipt: ReceiptView.nullable(),
});
export type TokenFee = z.infer<typeof TokenFee>;

export const FeeQuoteInput = z
  .object({
    patientId: z.uuid(),
    departmentCode: DepartmentCode,
    visitType: VisitType.default('new'),
    feeCategory: FeeCategoryCode.default('general'),
    /** The token's client id, if the panel has one: it becomes the UPI request's reference. */
    tokenId: z.uuid().optional(),
  })
  .strict();

export const FeeQuote = z.object({
  basis: FeeBasis,
  /** The visit type the token will carry: a follow-up within a valid ticket whatever was chosen. */
  visitType: VisitType,
  category: z.string(),
  scheduledPaise: z.number().int(),
  waivedPaise: z.number().int(),
  duePaise: z.number().int(),
  /** The exemption chosen waives a fee and needs its proof's type and number. */
  proofRequired: z.boolean(),
  validUntil: z.string().nullable(),
  /** The valid ticket that makes this visit a follow-up. */
  ticket: z.object({ label: z.string(), visitDate: z.string(), validUntil: z.string() }).nullable(),
  /**
   * Paired counters whose tickets were not seen (they did not answer): a
   * ticket bought there may make this visit a follow-up, so the clerk asks.
   */
  ticketsNotSeen: z.array(z.string()),
  /** A UPI request for the exact amount (when something is due and the hospital's UPI address is set). */
  upi: z.object({ uri: z.string(), qrSvg: z.string() }).nullable(),
});
export type FeeQuote = z.infer<typeof FeeQuote>;

export const RefundView = z.object({
  id: z.string(),
  number: z.string(),
  receiptId: z.string(),
  receiptNumber: z.string(),
  kind: z.enum(['refund', 'cancellation']),
  amountPaise: z.number().int(),
  method: PaymentMethod,
  reason: z.string(),
  approvedBy: z.string(),
  createdAt: z.string(),
});
export type RefundView = z.infer<typeof RefundView>;

/**
 * What one counter knows of a patient's OPD ticket in a department, for
 * another counter pricing a visit (peer.ticket): its best valid ticket, and
 * whether the patient was seen there in the department on an earlier day.
 */
export const PeerTicket = z.object({
  ticket: z.object({ chargeId: z.string(), label: z.string(), visitDate: z.string(), validUntil: z.string() }).nullable(),
  seenBefore: z.boolean(),
});
export type PeerTicket = z.infer<typeof PeerTicket>;
