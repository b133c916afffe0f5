// Fees over a range of days: asked, waived, collected and refunded, per day
// (chart), per category, counter, clerk and payment method.
import { dayMonthNumeric } from '../lib/dates';
import { useMemo } from 'react';
import type { FeeFigures, FeeReport } from '../../../preload/contract/methods/report-schemas';
import { inr } from '../../../preload/contract/money';
import type { Language } from '../i18n';
import { BarChart } from './bar-chart';
import { ReportTable } from './report-table';
import { useMoneyT } from '../money/use-money-t';

export function FeesView({ report, language }: { report: FeeReport; language: Language }) {
  const tm = useMoneyT();
  const perDay = useMemo(
    () => ({
      labels: report.byDay.map((d) => dayMonthNumeric(d.day)),
      series: [{ label: tm('reports.net'), values: report.byDay.map((d) => d.netPaise / 100) }],
    }),
    [report, tm],
  );
  const columns = (first: string) => [
    first,
    tm('reports.charges'),
    tm('reports.scheduled'),
    tm('reports.waived'),
    tm('reports.receipts'),
    tm('reports.collected'),
    tm('reports.refunded'),
    tm('reports.net'),
  ];
  const cells = (f: FeeFigures) => [
    f.charges,
    inr(f.scheduledPaise),
    `${f.waivedCount} · ${inr(f.waivedPaise)}`,
    f.receipts,
    inr(f.collectedPaise),
    inr(f.refundedPaise),
    inr(f.netPaise),
  ];
  const tot = report.totals;
  return (
    <div className="report-body" data-testid="report-fees">
      <dl className="report-figures" data-testid="report-fee-totals">
        {(
          [
            ['collected', inr(tot.collectedPaise)],
            ['waived', inr(tot.waivedPaise)],
            ['refunded', inr(tot.refundedPaise)],
            ['net', inr(tot.netPaise)],
            ['receipts', tot.receipts],
          ] as const
        ).map(([key, value]) => (
          <div key={key} data-testid={`report-fee-${key}`}>
            <dt>{tm(`reports.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.byDay.length > 1 && (
        <section>
          <h3>{tm('reports.feesByDay')}</h3>
          <BarChart testId="chart-fees-by-day" title={tm('reports.feesByDay')} {...perDay} />
        </section>
      )}
      <h3>{tm('reports.byCategory')}</h3>
      <ReportTable
        testId="report-fee-categories"
        columns={columns(tm('reports.category'))}
        rows={report.byCategory.map((c) => ({ key: c.code, cells: [language === 'hi' ? c.nameHi : c.nameEn, ...cells(c)] }))}
      />
      <h3>{tm('reports.byClerk')}</h3>
      <ReportTable
        testId="report-fee-clerks"
        columns={columns(tm('reports.clerk'))}
        rows={report.byClerk.map((c) => ({ key: c.clerk, cells: [c.clerk, ...cells(c)] }))}
      />
      <div className="report-columns">
        <section>
          <h3>{tm('reports.byCounter')}</h3>
          <ReportTable
            testId="report-fee-counters"
            columns={columns(tm('reports.counter'))}
            rows={report.byCounter.map((c) => ({ key: c.counterLetter, cells: [c.counterLetter, ...cells(c)] }))}
          />
        </section>
        <section>
          <h3>{tm('reports.byMethod')}</h3>
          <ReportTable
            testId="report-fee-methods"
            columns={[tm('reports.method'), tm('reports.receipts'), tm('reports.collected'), tm('reports.refunded')]}
            rows={report.byMethod.map((m) => ({
              key: m.method,
              cells: [tm(`pay.${m.method === 'upi' ? 'upi' : 'cash'}`), m.receipts, inr(m.collectedPaise), inr(m.refundedPaise)],
            }))}
          />
        </section>
      </div>
    </div>
  );
}
