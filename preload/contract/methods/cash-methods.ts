// cash.* — a clerk's shift at the cash drawer and the day book.
import { z } from 'zod';
import { IsoDate, Uuid, optionalText } from '../fields';
import type { MethodSpec } from '../method-spec';
import { PrintJob } from './printing-methods';
import { CashShift, DayBook, DenominationCounts, FloatPaise } from './cash-schemas';

export const cashMethods = {
  'cash.current': {
    summary: "The signed-in clerk's open shift with what the drawer should hold now (null: none open).",
    input: z.object({}).strict(),
    output: CashShift.nullable(),
  },
  'cash.openShift': {
    summary: 'Open a shift with an optional float (audited). One open shift per clerk.',
    input: z.object({ floatPaise: FloatPaise.default(0) }).strict(),
    output: CashShift,
  },
  'cash.closeShift': {
    summary:
      'Close your shift with the count of notes and coins: expected against counted, the difference, printed for the supervisor (audited). A closed shift stays closed.',
    input: z.object({ shiftId: Uuid, counts: DenominationCounts, note: optionalText(200) }).strict(),
    output: CashShift,
  },
  'cash.signOff': {
    summary: 'A supervisor signs off a closed shift (audited); once.',
    input: z.object({ shiftId: Uuid, note: optionalText(200) }).strict(),
    output: CashShift,
  },
  'cash.shifts': {
    summary: "A day's shifts at this counter (every clerk), newest first.",
    input: z.object({ date: IsoDate.optional() }).strict(),
    output: z.array(CashShift),
  },
  'cash.dayBook': {
    summary: "A day's receipts and refunds at this counter, with totals per clerk and payment method.",
    input: z.object({ date: IsoDate.optional(), clerk: z.string().max(32).optional() }).strict(),
    output: DayBook,
  },
  'cash.reprintClosing': {
    summary: "Print a shift's closing again, marked DUPLICATE.",
    input: z.object({ shiftId: Uuid }).strict(),
    output: PrintJob,
  },
} as const satisfies Record<string, MethodSpec>;
