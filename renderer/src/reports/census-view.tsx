// The OPD census of a range of days: totals, tokens per day and per hour as
// charts (with their numbers), per department, by sex and age band, by
// priority and fee category; no-shows and waiting times once rooms record calls.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CensusReport } from '../../../preload/contract/methods/report-schemas';
import type { Language } from '../i18n';
import { BarChart } from './bar-chart';
import { ReportTable } from './report-table';

const minutes = (s: number | null) => (s === null ? '–' : (s / 60).toFixed(1));

export function CensusView({ report, language }: { report: CensusReport; language: Language }) {
  const { t } = useTranslation();
  const days = useMemo(
    () => ({
      labels: report.byDay.map((d) => d.day.slice(5)),
      series: [{ label: t('money.reports.tokens'), values: report.byDay.map((d) => d.tokens) }],
    }),
    [report, t],
  );
  const hours = useMemo(
    () => ({
      labels: report.byHour.map((h) => `${h.hour}:00`),
      series: [{ label: t('money.reports.tokens'), values: report.byHour.map((h) => h.tokens) }],
    }),
    [report, t],
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
            <dt>{t(`money.reports.${key}` as 'money.reports.tokens')}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!report.queue && <p className="hint">{t('money.reports.queueLater')}</p>}
      {totals.tokens === 0 ? (
        <p className="hint" data-testid="report-empty">
          {t('money.reports.noData')}
        </p>
      ) : (
        <>
          <div className="report-charts">
            <section>
              <h3>{t('money.reports.byDay')}</h3>
              <BarChart testId="chart-by-day" title={t('money.reports.byDay')} {...days} />
            </section>
            <section>
              <h3>{t('money.reports.byHour')}</h3>
              <BarChart testId="chart-by-hour" title={t('money.reports.byHour')} {...hours} />
            </section>
          </div>
          <h3>{t('money.reports.byDepartment')}</h3>
          <ReportTable
            testId="report-departments"
            columns={[
              t('money.reports.department'),
              t('money.reports.tokens'),
              t('money.reports.newVisits'),
              t('money.reports.followUps'),
              ...sex.map((s) => t(`money.reports.${s}`)),
              t('money.reports.cancelled'),
              t('money.reports.transferred'),
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
              <h3>{t('money.reports.bySexAge')}</h3>
              <ReportTable
                testId="report-sex-age"
                columns={[t('money.reports.ageBand'), ...sex.map((s) => t(`money.reports.${s}`)), t('money.reports.total')]}
                rows={report.bySexAge.map((b) => ({
                  key: b.band,
                  cells: [b.band, b.male, b.female, b.other, b.male + b.female + b.other],
                }))}
              />
            </section>
            <section>
              <h3>{t('money.reports.byPriority')}</h3>
              <ReportTable
                testId="report-priorities"
                columns={[t('money.reports.priority'), t('money.reports.tokens')]}
                rows={report.byPriority.map((p) => ({
                  key: p.code,
                  cells: [t(`priority.${p.code}` as 'priority.none'), p.tokens],
                }))}
              />
              <h3>{t('money.reports.byCategory')}</h3>
              <ReportTable
                testId="report-categories"
                columns={[t('money.reports.category'), t('money.reports.tokens')]}
                rows={report.byCategory.map((c) => ({ key: c.code, cells: [language === 'hi' ? c.nameHi : c.nameEn, c.tokens] }))}
              />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
