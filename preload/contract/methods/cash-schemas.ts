// A clerk's cash shift: opened with an optional float, closed by
// counting notes and coins by denomination, signed off by a supervisor.
import { z } from 'zod';
import { IsoDate } from '../fields';
import { PaymentMethod } from './fee-schemas';

/** The notes and coins in an Indian cash drawer, largest first (₹20 and ₹10 come as both). */
export const DENOMINATIONS = [
  { key: 'n2000', paise: 200_000, kind: 'note' },
  { key: 'n500', paise: 50_000, kind: 'note' },
  { key: 'n200', paise: 20_000, kind: 'note' },
  { key: 'n100', paise: 10_000, kind: 'note' },
  { key: 'n50', paise: 5_000, kind: 'note' },
  { key: 'n20', paise: 2_000, kind: 'note' },
  { key: 'n10', paise: 1_000, kind: 'note' },
  { key: 'c20', paise: 2_000, kind: 'coin' },
  { key: 'c10', paise: 1_000, kind: 'coin' },
  { key: 'c5', paise: 500, kind: 'coin' },
  { key: 'c2', paise: 200, kind: 'coin' },
  { key: 'c1', paise: 100, kind: 'coin' },
] as const;
export type DenominationKey = (typeof DENOMINATIONS)[number]['key'];

const Count = z
  .number({ message: 'must be a number of notes or coins' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must not be negative' })
  .max(100_000, { message: 'must be at most 100000' });

/** How many of each: absent means none. */
export const DenominationCounts = z
  .object(
    Object.fromEntries(DENOMINATIONS.map((d) => [d.key, Count.default(0)])) as Record<
      DenominationKey,
      z.ZodDefault<typeof Count>
    >,
  )
  .strict();
export type DenominationCounts = z.output<typeof DenominationCounts>;

/** The drawer's total in paise. */
export function countedPaise(counts: Partial<Record<DenominationKey, number>>): number {
  return DENOMINATIONS.reduce((sum, d) => sum + (counts[d.key] ?? 0) * d.paise, 0);
}

/** A float up to ₹1,00,000. */
export const FloatPaise = z
  .number({ message: 'must be an amount in paise' })
  .int({ message: 'must be a whole number of paise' })
  .min(0, { message: 'must not be negative' })
  .max(10_000_000, { message: 'must be at most ₹1,00,000 (10000000 paise)' });

export const ShiftStatus = z.enum(['open', 'closed', 'signed_off']);

export const CashShift = z.object({
  id: z.string(),
  clerk: z.string(),
  counterLetter: z.string(),
  businessDate: z.string(),
  openedAt: z.string(),
  status: ShiftStatus,
  floatPaise: z.number().int(),
  cashReceiptsPaise: z.number().int(),
  upiReceiptsPaise: z.number().int(),
  cashRefundsPaise: z.number().int(),
  receiptCount: z.number().int(),
  refundCount: z.number().int(),
  /** Float + cash taken − cash given back: what the drawer should hold. */
  expectedPaise: z.number().int(),
  closedAt: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()).nullable(),
  countedPaise: z.number().int().nullable(),
  /** Counted − expected: negative is short, positive is over. */
  differencePaise: z.number().int().nullable(),
  closeNote: z.string().nullable(),
  signedOffBy: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  signOffNote: z.string().nullable(),
});
export type CashShift = z.infer<typeof CashShift>;

export const DayBookLine = z.object({
  kind: z.enum(['receipt', 'refund', 'cancellation']),
  number: z.string(),
  at: z.string(),
  clerk: z.string(),
  tokenLabel: z.string(),
  departmentCode: z.string(),
  category: z.string(),
  method: PaymentMethod,
  /** Money in is positive, money given back negative. */
  amountPaise: z.number().int(),
  shiftId: z.string().nullable(),
  /** The receipt this line is (or gives money back on): what a refund names. */
  receiptId: z.string(),
});

export const DayBook = z.object({
  date: IsoDate,
  counterLetter: z.string(),
  lines: z.array(DayBookLine),
  /** Per clerk and method: money in, money back, net. */
  totals: z.array(
    z.object({
      clerk: z.string(),
      method: PaymentMethod,
      inPaise: z.number().int(),
      outPaise: z.number().int(),
      netPaise: z.number().int(),
    }),
  ),
});
export type DayBook = z.infer<typeof DayBook>;
