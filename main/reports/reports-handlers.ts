// reports.* — the census, fees and HMIS figures over a range of days, and the
// same as CSV or PDF files. Read-only; an export is audited (it leaves the
// counter), though it holds no patient data, only counts and money.
import type { ReportFile } from '../../preload/contract/methods/report-schemas';
import { appendAudit } from '../audit/audit-log';
import { nowIso, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { slipDateTime } from '../printing/slip-layout';
import { censusReport } from './census';
import { feeReport } from './fee-report';
import { hmisReport } from './hmis';
import { queueFigures } from './queue-figures';
import { reportCsv } from './report-csv';
import { reportPdf } from './report-pdf';
import { censusDocument, feeDocument, hmisDocument } from './report-tables';

export function reportsHandlers(ctx: CoreContext): HandlerMap {
  const { db } = ctx;
  const census = (from: string, to: string) => ({ ...censusReport(db, from, to), queue: queueFigures(db, from, to) });

  return {
    'reports.census': ({ from, to }) => census(from, to),
    'reports.fees': ({ from, to }) => feeReport(db, from, to),
    'reports.hmis': ({ month }) => hmisReport(db, month),

    'reports.export': ({ report, from, to, format, language }, call): ReportFile => {
      const generated = slipDateTime(ctx.clock.now(), ctx.identity.timeZone);
      const doc =
        report === 'census'
          ? censusDocument(census(from, to), language, generated)
          : report === 'fees'
            ? feeDocument(feeReport(db, from, to), language, generated)
            : hmisDocument(hmisReport(db, from.slice(0, 7), { from, to }), language, generated);
      const name = `${report}-${from}-${to}-${language}.${format}`;
      const file: ReportFile =
        format === 'csv'
          ? { fileName: name, mimeType: 'text/csv', base64: Buffer.from(reportCsv(doc), 'utf8').toString('base64') }
          : { fileName: name, mimeType: 'application/pdf', base64: reportPdf(doc).toString('base64') };
      writeTransaction(db, () =>
        appendAudit(db, {
          at: nowIso(ctx),
          actor: call.actor,
          action: 'report.export',
          entity: 'report',
          entityId: report,
          detail: { from, to, format, language },
        }),
      );
      return file;
    },
  };
}
