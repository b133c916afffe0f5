// Reports, loaded only when opened: Chart.js and the report views
// stay out of the counter screen's bundle. Census and HMIS for every clerk,
// fees and the CSV/PDF files for a supervisor; English or Hindi as the screen.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMayCall } from '../auth/use-may-call';
import { CallErrorMessage } from '../components/call-error-message';
import { DayInput } from '../components/day-input';
import { Dialog, DialogTitle } from '../components/dialog';
import { monthText } from '../lib/dates';
import { currentLanguage } from '../i18n';
import { CensusView } from './census-view';
import { monthsUpTo, PRESETS, presetRange, type Preset } from './date-range';
import { FeesView } from './fees-view';
import { HmisView } from './hmis-view';
import { useCensus, useFeeReport, useHmis, useReportExport } from './use-reports';
import './reports.css';
import { useMoneyT } from '../money/use-money-t';

type Tab = 'census' | 'fees' | 'hmis';

export default function ReportsScreen({ today, onClose }: { today: string; onClose: () => void }) {
  const { i18n } = useTranslation();
  const tm = useMoneyT();
  const language = currentLanguage(i18n.language);
  const mayFees = useMayCall('reports.fees');
  const mayExport = useMayCall('reports.export');
  const mayHospital = useMayCall('reports.hospitalCensus');
  const [hospital, setHospital] = useState(false);
  const [tab, setTab] = useState<Tab>('census');
  const [range, setRange] = useState(presetRange('today', today));
  const [month, setMonth] = useState(today.slice(0, 7));
  const wholeHospital = hospital && tab !== 'fees';
  const census = useCensus(tab === 'census' ? range : null, wholeHospital);
  const fees = useFeeReport(tab === 'fees' ? range : null);
  const hmis = useHmis(tab === 'hmis' ? month : null, wholeHospital);
  const exporter = useReportExport();
  const link = useRef<HTMLAnchorElement>(null);
  const current = tab === 'census' ? census : tab === 'fees' ? fees : hmis;

  // A file just made is saved at once (the link stays for a second try).
  useEffect(() => {
    if (exporter.file) link.current?.click();
  }, [exporter.file]);

  function exportAs(format: 'csv' | 'pdf') {
    const period = tab === 'hmis' ? { from: `${month}-01`, to: lastDayOf(month) } : range;
    void exporter.run({ report: tab, ...period, format, language, hospital: wholeHospital });
  }

  return (
    <Dialog onClose={onClose} labelledBy="reports-title" testId="reports" className="money-dialog reports" modal>
      <DialogTitle
        id="reports-title"
        title={tm('reports.title')}
        closeLabel={tm('reports.close')}
        closeTestId="reports-close"
        onClose={onClose}
      />
      <div className="report-tabs" role="tablist">
        {(['census', ...(mayFees ? ['fees'] : []), 'hmis'] as Tab[]).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            data-testid={`reports-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {tm(`reports.${name}`)}
          </button>
        ))}
      </div>
      <div className="report-range">
        {tab === 'hmis' ? (
          <label>
            <span>{tm('reports.month')}</span>
            <select data-testid="reports-month" value={month} onChange={(e) => setMonth(e.target.value)}>
              {monthsUpTo(today).map((m) => (
                <option key={m} value={m}>
                  {monthText(m, language)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label>
              <span>{tm('reports.from')}</span>
              <DayInput data-testid="reports-from" value={range.from} onChange={(from) => setRange((r) => ({ ...r, from }))} />
            </label>
            <label>
              <span>{tm('reports.to')}</span>
              <DayInput data-testid="reports-to" value={range.to} onChange={(to) => setRange((r) => ({ ...r, to }))} />
            </label>
            <div className="report-presets">
              {PRESETS.map((p: Preset) => (
                <button
                  key={p}
                  type="button"
                  className="secondary small"
                  data-testid={`reports-preset-${p}`}
                  onClick={() => setRange(presetRange(p, today))}
                >
                  {tm(`reports.${p}`)}
                </button>
              ))}
            </div>
          </>
        )}
        {mayHospital && tab !== 'fees' && (
          <label className="report-scope">
            <input
              type="checkbox"
              data-testid="reports-hospital"
              checked={hospital}
              onChange={(e) => setHospital(e.target.checked)}
            />
            <span>{tm('reports.wholeHospital')}</span>
          </label>
        )}
        {mayExport ? (
          <div className="report-export">
            <button
              type="button"
              className="secondary small"
              data-testid="reports-csv"
              disabled={exporter.pending}
              onClick={() => exportAs('csv')}
            >
              {tm('reports.csv')}
            </button>
            <button
              type="button"
              className="secondary small"
              data-testid="reports-pdf"
              disabled={exporter.pending}
              onClick={() => exportAs('pdf')}
            >
              {tm('reports.pdf')}
            </button>
            {exporter.file && (
              <a ref={link} href={exporter.file.url} download={exporter.file.fileName} data-testid="reports-file">
                {exporter.file.fileName}
              </a>
            )}
          </div>
        ) : (
          <p className="hint">{tm('reports.exportOnlySupervisor')}</p>
        )}
      </div>
      {exporter.error && <CallErrorMessage error={exporter.error} testId="reports-export-error" />}
      {current.error && <CallErrorMessage error={current.error} testId="reports-error" />}
      {current.loading && <p className="hint">{tm('reports.loading')}</p>}
      {tab === 'census' && census.data && <Scope counters={census.data.counters} hospital={wholeHospital} />}
      {tab !== 'fees' && (tab === 'census' ? census.data : hmis.data)?.unreachable.length ? (
        <p className="call-error" role="alert" data-testid="reports-unreachable">
          {tm('reports.unreachable', {
            list: (tab === 'census' ? census.data : hmis.data)!.unreachable.map((u) => u.counterLetter).join(', '),
          })}
        </p>
      ) : null}
      {tab === 'census' && census.data && <CensusView report={census.data} language={language} />}
      {tab === 'fees' && fees.data && <FeesView report={fees.data} language={language} />}
      {tab === 'hmis' && hmis.data && <HmisView report={hmis.data} language={language} />}
    </Dialog>
  );
}

function Scope({ counters, hospital }: { counters: string[]; hospital: boolean }) {
  const tm = useMoneyT();
  return (
    <p className="hint" data-testid="reports-scope">
      {counters.length > 0 && `${tm('reports.counters', { list: counters.join(', ') })} · `}
      {hospital ? tm('reports.scopeHospital') : tm('reports.scope')}
    </p>
  );
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
