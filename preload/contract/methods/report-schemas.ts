// The day's numbers: the OPD census, fees, and the OPD figures of
// the state HMIS monthly facility report, over a range of days.
import { z } from 'zod';
import { IsoDate } from '../fields';

/** The longest range a report covers in one go. */
export const MAX_REPORT_DAYS = 366;

/** The census's age bands, in years at the visit. */
export const AGE_BANDS = [
  { code: '0-4', maxYears: 4 },
  { code: '5-14', maxYears: 14 },
  { code: '15-29', maxYears: 29 },
  { code: '30-44', maxYears: 44 },
  { code: '45-59', maxYears: 59 },
  { code: '60+', maxYears: Number.POSITIVE_INFINITY },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['code'];

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const DateRange = z
  .object({ from: IsoDate, to: IsoDate })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'must not be before the first day', path: ['to'] })
  .refine((r) => daysBetween(r.from, r.to) < MAX_REPORT_DAYS, {
    message: `must be at most ${MAX_REPORT_DAYS} days after the first day`,
    path: ['to'],
  });
export type DateRange = z.infer<typeof DateRange>;

const Count = z.number().int();

export const CensusTotals = z.object({
  tokens: Count,
  /** New patients registered at this counter. */
  registrations: Count,
  newVisits: Count,
  followUps: Count,
  cancelled: Count,
  transferred: Count,
  /** Tokens issued by a transfer from another department (counted in `tokens` too). */
  transferIn: Count,
});

export const QueueFigures = z.object({
  /** Tokens marked no-show (each time one was). */
  noShows: Count,
  /** Issue to first call, seconds, to the 5-minute bin (its middle); null when nobody was called. */
  waitMedianSeconds: z.number().int().nullable(),
  waitP90Seconds: z.number().int().nullable(),
  waitCount: Count,
  /** Tokens per 5-minute bin of the wait (minutes from: 0, 5 …; 300 is five hours or more), to add up across counters. */
  waits: z.array(z.object({ fromMinutes: z.number().int(), tokens: Count })),
});
export type QueueFigures = z.infer<typeof QueueFigures>;

export const CensusReport = z.object({
  from: z.string(),
  to: z.string(),
  /** Which counters the figures cover. */
  counters: z.array(z.string()),
  totals: CensusTotals,
  byDay: z.array(z.object({ day: z.string(), tokens: Count, newVisits: Count, followUps: Count, cancelled: Count })),
  byDepartment: z.array(
    z.object({
      code: z.string(),
      nameEn: z.string(),
      nameHi: z.string(),
      tokens: Count,
      newVisits: Count,
      followUps: Count,
      cancelled: Count,
      transferred: Count,
      male: Count,
      female: Count,
      other: Count,
    }),
  ),
  byHour: z.array(z.object({ hour: z.string(), tokens: Count })),
  bySexAge: z.array(z.object({ band: z.string(), male: Count, female: Count, other: Count })),
  byPriority: z.array(z.object({ code: z.string(), tokens: Count })),
  byCategory: z.array(z.object({ code: z.string(), nameEn: z.string(), nameHi: z.string(), tokens: Count })),
  /** No-shows and waiting times from the queue's moves (null when no token was called or marked no-show). */
  queue: QueueFigures.nullable(),
});
export type CensusReport = z.infer<typeof CensusReport>;

const Money = z.number().int();
export const FeeFigures = z.object({
  charges: Count,
  scheduledPaise: Money,
  waivedCount: Count,
  waivedPaise: Money,
  receipts: Count,
  collectedPaise: Money,
  refunds: Count,
  refundedPaise: Money,
  /** Collected − refunded. */
  netPaise: Money,
});
export type FeeFigures = z.infer<typeof FeeFigures>;

export const FeeReport = z.object({
  from: z.string(),
  to: z.string(),
  counters: z.array(z.string()),
  totals: FeeFigures,
  byCategory: z.array(FeeFigures.extend({ code: z.string(), nameEn: z.string(), nameHi: z.string() })),
  byCounter: z.array(FeeFigures.extend({ counterLetter: z.string() })),
  byClerk: z.array(FeeFigures.extend({ clerk: z.string() })),
  byMethod: z.array(z.object({ method: z.string(), receipts: Count, collectedPaise: Money, refundedPaise: Money })),
  byDay: z.array(FeeFigures.extend({ day: z.string() })),
});
export type FeeReport = z.infer<typeof FeeReport>;

export const HmisMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month as YYYY-MM' });

export const HmisRow = z.object({
  /** Row label (English / Hindi) as the form's OPD section puts it. */
  labelEn: z.string(),
  labelHi: z.string(),
  /** Indent level: 0 a heading item, 1 an "of which" item. */
  level: z.number().int(),
  male: Count,
  female: Count,
  other: Count,
  total: Count,
});
export type HmisRow = z.infer<typeof HmisRow>;

export const HmisReport = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  counters: z.array(z.string()),
  rows: z.array(HmisRow),
});
export type HmisReport = z.infer<typeof HmisReport>;

/** A counter of the hospital that did not answer for the whole hospital's figures, and why. */
export const Unreachable = z.object({ counterLetter: z.string(), problem: z.string() });

export const HospitalCensus = CensusReport.extend({ unreachable: z.array(Unreachable) });
export type HospitalCensus = z.infer<typeof HospitalCensus>;
export const HospitalHmis = HmisReport.extend({ unreachable: z.array(Unreachable) });
export type HospitalHmis = z.infer<typeof HospitalHmis>;

export const ReportExportInput = z
  .object({
    report: z.enum(['census', 'fees', 'hmis']),
    from: IsoDate,
    to: IsoDate,
    format: z.enum(['csv', 'pdf']),
    language: z.enum(['en', 'hi']).default('en'),
    /** The whole hospital (every paired counter that answers) instead of this counter: census and HMIS only. */
    hospital: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'must not be before the first day', path: ['to'] })
  .refine((r) => daysBetween(r.from, r.to) < MAX_REPORT_DAYS, {
    message: `must be at most ${MAX_REPORT_DAYS} days after the first day`,
    path: ['to'],
  });

export const ReportFile = z.object({
  fileName: z.string(),
  mimeType: z.enum(['text/csv', 'application/pdf']),
  /** The file's bytes, base64 (JSON carries no binary). */
  base64: z.string(),
});
export type ReportFile = z.infer<typeof ReportFile>;
