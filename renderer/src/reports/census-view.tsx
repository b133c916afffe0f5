// The OPD census of a range of days: totals, tokens per day and per hour as
// charts (with their numbers), per department, by sex and age band, by
// priority and fee category; no-shows and waiting times once rooms record calls.
import { dayMonthNumeric } from '../lib/dates';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CensusReport } from '../../../preload/contract/methods/report-schemas';
import type { Language } from '../i18n';
import { BarChart } from './bar-chart';
import { ReportTable } from './report-table';
import { useMoneyT, type MoneyKey } from '../money/use-money-t';

const minutes = (s: number | null) => (s === null ? '–' : (s / 60).toFixed(1));

export function CensusView({ report, language }: { report: CensusReport; language: Language }) {
  const { t } = useTranslation();
  const tm = useMoneyT();
  const days = useMemo(
    () => ({
      labels: report.byDay.map((d) => dayMonthNumeric(d.day)),
      series: [{ label: tm('reports.tokens'), values: report.byDay.map((d) => d.tokens) }],
    }),
    [report, tm],
  );
  const hours = useMemo(
    () => ({
      labels: report.byHour.map((h) => `${h.hour}:00`),
      series: [{ label: tm('reports.tokens'), values: report.byHour.map((h) => h.tokens) }],
    }),
    [report, tm],
  );
  const totals = report.totals;
  const figures: [string, number | string][] = [
    ['tokens', totals.tokens],
    ['newVisits', totals.newVisits],
    ['followUps', totals.followUps],
    ['registrations', totals.registrations],
    ['cancelled', totals.cancelled],
    ['transferred', totals.transferred],
    ['transferIn', totals.transferIn],
  ];
  if (report.queue) {
    figures.push(
      ['noShows', report.queue.noShows],
      ['waitMedian', minutes(report.queue.waitMedianSeconds)],
      ['waitP90', minutes(report.queue.waitP90Seconds)],
    );
  }
  const sex = ['male', 'female', 'other'] as const;
  return (
    <div className="report-body" data-testid="report-census">
      <dl className="report-figures" data-testid="report-totals">
        {figures.map(([key, value]) => (
          <div key={key} data-testid={`report-total-${key}`} data-value={value}>
            <dt>{tm(`reports.${key}` as MoneyKey)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!report.queue && <p className="hint">{tm('reports.queueLater')}</p>}
      {totals.tokens === 0 ? (
        <p className="hint" data-testid="report-empty">
          {tm('reports.noData')}
        </p>
      ) : (
        <>
          <div className="report-charts">
            <section>
              <h3>{tm('reports.byDay')}</h3>
              <BarChart testId="chart-by-day" title={tm('reports.byDay')} {...days} />
            </section>
            <section>
              <h3>{tm('reports.byHour')}</h3>
              <BarChart testId="chart-by-hour" title={tm('reports.byHour')} {...hours} />
            </section>
          </div>
          <h3>{tm('reports.byDepartment')}</h3>
          <ReportTable
            testId="report-departments"
            columns={[
              tm('reports.department'),
              tm('reports.tokens'),
              tm('reports.newVisits'),
              tm('reports.followUps'),
              ...sex.map((s) => tm(`reports.${s}`)),
              tm('reports.cancelled'),
              tm('reports.transferred'),
            ]}
            rows={report.byDepartment.map((d) => ({
              key: d.code,
              cells: [
                language === 'hi' ? d.nameHi : d.nameEn,
                d.tokens,
                d.newVisits,
                d.followUps,
                d.male,
                d.female,
                d.other,
                d.cancelled,
                d.transferred,
              ],
            }))}
          />
          <div className="report-columns">
            <section>
              <h3>{tm('reports.bySexAge')}</h3>
              <ReportTable
                testId="report-sex-age"
                columns={[tm('reports.ageBand'), ...sex.map((s) => tm(`reports.${s}`)), tm('reports.total')]}
                rows={report.bySexAge.map((b) => ({
                  key: b.band,
                  cells: [b.band, b.male, b.female, b.other, b.male + b.female + b.other],
                }))}
              />
            </section>
            <section>
              <h3>{tm('reports.byPriority')}</h3>
              <ReportTable
                testId="report-priorities"
                columns={[tm('reports.priority'), tm('reports.tokens')]}
                rows={report.byPriority.map((p) => ({
                  key: p.code,
                  cells: [t(`priority.${p.code}` as 'priority.none'), p.tokens],
                }))}
              />
              <h3>{tm('reports.byCategory')}</h3>
              <ReportTable
                testId="report-categories"
                columns={[tm('reports.category'), tm('reports.tokens')]}
                rows={report.byCategory.map((c) => ({ key: c.code, cells: [language === 'hi' ? c.nameHi : c.nameEn, c.tokens] }))}
              />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
