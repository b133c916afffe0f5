// reports.* — the census, fees and HMIS figures over a range of days, and the
// same as CSV or PDF files. Read-only; an export is audited (it leaves the
// counter), though it holds no patient data, only counts and money. The whole
// hospital's census and HMIS figures add up every paired counter's own
// (peer.census, peer.hmis over the hospital network); a counter that does not
// answer is named, never guessed at.
import type { MethodName, MethodOutput } from '../../preload/contract/methods';
import type { CensusReport, HmisReport, ReportFile } from '../../preload/contract/methods/report-schemas';
import type { PeerService } from '../peers/peer-service';
import { mergeCensus, mergeHmis } from './merge-reports';
import { appendAudit } from '../audit/audit-log';
import { nowIso, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { slipDateTime } from '../printing/slip-layout';
import { censusReport } from './census';
import { feeReport } from './fee-report';
import { hmisReport } from './hmis';
import { reportCsv } from './report-csv';
import { reportPdf } from './report-pdf';
import { censusDocument, feeDocument, hmisDocument } from './report-tables';

/** How long the whole hospital's figures wait for each counter. */
const PEER_REPORT_TIMEOUT_MS = 5000;

export function reportsHandlers(ctx: CoreContext, peers: Pick<PeerService, 'callAll'>): HandlerMap {
  const { db } = ctx;
  const census = (from: string, to: string): CensusReport => censusReport(db, from, to);
  const here = () => ctx.identity.counterLetter ?? '';

  /** This counter's figures and every paired counter's that answers, with the ones that did not. */
  async function everyCounter<M extends 'peer.census' | 'peer.hmis'>(
    method: M & MethodName,
    input: unknown,
    own: MethodOutput<M>,
  ) {
    const answers = await peers.callAll(method, input, PEER_REPORT_TIMEOUT_MS);
    const reports = [own];
    const unreachable: { counterLetter: string; problem: string }[] = [];
    for (const { peer, result } of answers) {
      if (result.ok) reports.push(result.value);
      else unreachable.push({ counterLetter: peer.counter_letter, problem: result.problem });
    }
    return { reports, unreachable };
  }

  async function hospitalCensus(from: string, to: string) {
    const own = census(from, to);
    if (!own.counters.includes(here())) own.counters.push(here());
    const { reports, unreachable } = await everyCounter('peer.census', { from, to }, own);
    return { ...mergeCensus(reports), unreachable };
  }

  async function hospitalHmis(month: string, range?: { from: string; to: string }) {
    const own: HmisReport = hmisReport(db, month, range);
    if (!own.counters.includes(here())) own.counters.push(here());
    const { reports, unreachable } = await everyCounter('peer.hmis', { month }, own);
    return { ...mergeHmis(reports), unreachable };
  }

  return {
    'reports.census': ({ from, to }) => census(from, to),
    'reports.fees': ({ from, to }) => feeReport(db, from, to),
    'reports.hmis': ({ month }) => hmisReport(db, month),
    'reports.hospitalCensus': ({ from, to }) => hospitalCensus(from, to),
    'reports.hospitalHmis': ({ month }) => hospitalHmis(month),
    'peer.census': ({ from, to }) => census(from, to),
    'peer.hmis': ({ month }) => hmisReport(db, month),

    'reports.export': async ({ report, from, to, format, language, hospital }, call): Promise<ReportFile> => {
      const generated = slipDateTime(ctx.clock.now(), ctx.identity.timeZone);
      const doc =
        report === 'census'
          ? censusDocument(hospital ? await hospitalCensus(from, to) : census(from, to), language, generated)
          : report === 'fees'
            ? feeDocument(feeReport(db, from, to), language, generated)
            : hmisDocument(
                hospital ? await hospitalHmis(from.slice(0, 7), { from, to }) : hmisReport(db, from.slice(0, 7), { from, to }),
                language,
                generated,
              );
      const name = `${report}${hospital ? '-hospital' : ''}-${from}-${to}-${language}.${format}`;
      const file: ReportFile =
        format === 'csv'
          ? { fileName: name, mimeType: 'text/csv', base64: Buffer.from(reportCsv(doc), 'utf8').toString('base64') }
          : { fileName: name, mimeType: 'application/pdf', base64: (await reportPdf(doc)).toString('base64') };
      writeTransaction(db, () =>
        appendAudit(db, {
          at: nowIso(ctx),
          actor: call.actor,
          action: 'report.export',
          entity: 'report',
          entityId: report,
          detail: { from, to, format, language, hospital },
        }),
      );
      return file;
    },
  };
}
