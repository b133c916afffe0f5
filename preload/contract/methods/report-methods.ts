// reports.* — the OPD census, fees and the HMIS monthly OPD figures over a
// range of days, on screen, as CSV and as PDF (issue 12).
import { z } from 'zod';
import type { MethodSpec } from '../method-spec';
import { CensusReport, DateRange, FeeReport, HmisMonth, HmisReport, ReportExportInput, ReportFile } from './report-schemas';

export const reportMethods = {
  'reports.census': {
    summary:
      'The OPD census of a range of days: tokens per department, hour, sex and age band, priority, category; cancellations, transfers.',
    input: DateRange,
    output: CensusReport,
  },
  'reports.fees': {
    summary: 'Fees asked, waived, collected and refunded over a range of days, per category, counter, clerk and payment method.',
    input: DateRange,
    output: FeeReport,
  },
  'reports.hmis': {
    summary: "A month's OPD attendance as the state HMIS monthly facility report asks for it, to copy into the form.",
    input: z.object({ month: HmisMonth }).strict(),
    output: HmisReport,
  },
  'reports.export': {
    summary: 'A report as a CSV or PDF file (English or Hindi).',
    input: ReportExportInput,
    output: ReportFile,
  },
} as const satisfies Record<string, MethodSpec>;
