// reports.* — the OPD census, fees and the HMIS monthly OPD figures over a
// range of days, on screen, as CSV and as PDF.
import { z } from 'zod';
import type { MethodSpec } from '../method-spec';
import {
  CensusReport,
  DateRange,
  FeeReport,
  HmisMonth,
  HmisReport,
  HospitalCensus,
  HospitalHmis,
  ReportExportInput,
  ReportFile,
} from './report-schemas';

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
  'reports.hospitalCensus': {
    summary:
      "The whole hospital's OPD census: this counter's and every paired counter's that answers over the hospital network (those that do not are named).",
    input: DateRange,
    output: HospitalCensus,
  },
  'reports.hospitalHmis': {
    summary: "The whole hospital's monthly HMIS OPD figures, added up from every paired counter that answers.",
    input: z.object({ month: HmisMonth }).strict(),
    output: HospitalHmis,
  },
  // What one counter asks another for the whole hospital's figures (docs/peers.md; peers only).
  'peer.census': {
    summary: "This counter's own OPD census of a range of days, for a counter adding up the hospital's.",
    input: DateRange,
    output: CensusReport,
  },
  'peer.hmis': {
    summary: "This counter's own monthly HMIS OPD figures, for a counter adding up the hospital's.",
    input: z.object({ month: HmisMonth }).strict(),
    output: HmisReport,
  },
  'reports.export': {
    summary: 'A report as a CSV or PDF file (English or Hindi).',
    input: ReportExportInput,
    output: ReportFile,
  },
} as const satisfies Record<string, MethodSpec>;
