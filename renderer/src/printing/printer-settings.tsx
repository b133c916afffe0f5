// Printer settings: type, paper width, interface (and a fallback), code page,
// status check, footer; save, test print, and a live preview of the slip
// drawn from the same layout the printer gets.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterSettings as Settings } from '../../../preload/contract/methods/printing-methods';
import { useMayCall } from '../auth/use-may-call';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { useCounterQuery } from '../hooks/use-counter-query';
import { SlipPreview } from './slip-preview';
import { Dialog } from '../components/dialog';
import { useRefusalWords } from '../i18n/use-refusal-words';

interface Draft {
  type: Settings['type'];
  paperWidth: Settings['paperWidth'];
  interface: string;
  fallbackInterface: string;
  characterSet: Settings['characterSet'];
  statusQuery: Settings['statusQuery'];
  footer: string;
}

const toDraft = (s: Settings): Draft => ({
  ...s,
  interface: s.interface ?? '',
  fallbackInterface: s.fallbackInterface ?? '',
  footer: s.footer ?? '',
});
const fromDraft = (d: Draft): Settings => ({
  ...d,
  interface: d.interface.trim() || null,
  fallbackInterface: d.fallbackInterface.trim() || null,
  footer: d.footer.trim() || null,
});

export function PrinterSettings({ onClose, refreshKey }: { onClose: () => void; refreshKey: number }) {
  const { t } = useTranslation();
  const words = useRefusalWords();
  const saved = useCounterQuery('printers.getSettings', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const current = draft ?? (saved.data ? toDraft(saved.data) : null);
  // A test print uses the saved settings: it waits until what is shown is saved.
  const dirty = draft !== null && saved.data !== null && JSON.stringify(fromDraft(draft)) !== JSON.stringify(saved.data);
  const preview = useCounterQuery(
    'print.preview',
    current ? { paperWidth: current.paperWidth, footer: current.footer.trim() || null } : null,
  );
  const save = useCounterMutation('printers.saveSettings');
  // A clerk may look and test print; a supervisor changes the printer (preload/contract/method-access.ts).
  const mayChange = useMayCall('printers.saveSettings');
  const test = useCounterMutation('printers.testPrint');
  const [message, setMessage] = useState<'saved' | 'testQueued' | null>(null);
  const [error, setError] = useState<Parameters<typeof CallErrorMessage>[0]['error'] | null>(null);
  const jobs = useCounterQuery('print.jobs', { limit: 6 }, refreshKey);

  if (!current)
    return <div className="printer-settings">{saved.error ? <CallErrorMessage error={saved.error} /> : t('app.loading')}</div>;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft({ ...current, [key]: value });
    setMessage(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await save.run(fromDraft(current!));
    if (!result) return;
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setDraft(toDraft(result.value));
      saved.reload();
      setMessage('saved');
    }
  }

  async function testPrint() {
    const result = await test.run({});
    if (!result) return;
    setError(result.ok ? null : result.error);
    if (result.ok) setMessage('testQueued');
    jobs.reload();
  }

  const fieldError = (field: string) =>
    error?.field === field ? (
      <span className="field-error" data-testid={`printer-error-${field}`} data-message={error.message}>
        {words(error)}
      </span>
    ) : null;

  return (
    <Dialog className="printer-settings" labelledBy="printer-settings-title" testId="printer-settings" onClose={onClose}>
      <form className="printer-form" onSubmit={(e) => void submit(e)}>
        <h2 id="printer-settings-title">{t('printing.settings.title')}</h2>
        <label>
          {t('printing.settings.type')}
          <select data-testid="printer-type" value={current.type} onChange={(e) => set('type', e.target.value as Draft['type'])}>
            <option value="epson">EPSON (ESC/POS)</option>
            <option value="star">STAR</option>
          </select>
        </label>
        <label>
          {t('printing.settings.paperWidth')}
          <select
            data-testid="printer-width"
            value={current.paperWidth}
            onChange={(e) => set('paperWidth', Number(e.target.value) as Draft['paperWidth'])}
          >
            <option value={58}>58 mm</option>
            <option value={80}>80 mm</option>
          </select>
        </label>
        <label>
          {t('printing.settings.interface')}
          <input
            data-testid="printer-interface"
            value={current.interface}
            placeholder="tcp://192.168.1.50:9100"
            onChange={(e) => set('interface', e.target.value)}
          />
          <span className="hint">{t('printing.settings.interfaceHint')}</span>
          {fieldError('interface')}
        </label>
        <label>
          {t('printing.settings.fallback')}
          <input
            data-testid="printer-fallback"
            value={current.fallbackInterface}
            onChange={(e) => set('fallbackInterface', e.target.value)}
          />
          {fieldError('fallbackInterface')}
        </label>
        <label>
          {t('printing.settings.characterSet')}
          <select
            data-testid="printer-charset"
            value={current.characterSet}
            onChange={(e) => set('characterSet', e.target.value as Draft['characterSet'])}
          >
            <option value="PC437_USA">PC437 (USA)</option>
            <option value="PC858_EURO">PC858 (Euro)</option>
            <option value="WPC1252">Windows-1252</option>
          </select>
        </label>
        <label>
          {t('printing.settings.statusQuery')}
          <select
            data-testid="printer-status-query"
            value={current.statusQuery}
            onChange={(e) => set('statusQuery', e.target.value as Draft['statusQuery'])}
          >
            <option value="gs_r">{t('printing.settings.statusGsR')}</option>
            <option value="dle_eot">{t('printing.settings.statusDleEot')}</option>
            <option value="none">{t('printing.settings.statusNone')}</option>
          </select>
        </label>
        <label>
          {t('printing.settings.footer')}
          <input
            data-testid="printer-footer"
            value={current.footer}
            maxLength={120}
            onChange={(e) => set('footer', e.target.value)}
          />
          {fieldError('footer')}
        </label>
        {error && <CallErrorMessage error={error} title={t('printing.settings.failed')} testId="printer-error" />}
        {message && (
          <p className="print-saved" data-testid="printer-message" role="status">
            {t(`printing.settings.${message}`)}
          </p>
        )}
        {!mayChange && <p className="hint">{t('printing.settings.supervisorChanges')}</p>}
        <div className="printer-buttons">
          <button type="submit" data-testid="printer-save" disabled={save.pending || !mayChange}>
            {t('printing.settings.save')}
          </button>
          <button
            type="button"
            className="secondary"
            data-testid="printer-test"
            disabled={test.pending || dirty}
            onClick={() => void testPrint()}
          >
            {t('printing.settings.test')}
          </button>
          <button type="button" className="secondary" data-testid="printer-close" onClick={onClose}>
            {t('printing.settings.close')}
          </button>
        </div>
        <h3>{t('printing.settings.recent')}</h3>
        <ul className="print-jobs">
          {(jobs.data ?? []).map((job) => (
            <li key={job.id} data-testid="print-job-row" data-status={job.status}>
              <span>{job.tokenLabel ?? t('printing.settings.testSlip')}</span>
              {job.duplicate && <span className="chip">{t('printing.settings.duplicate')}</span>}
              <span className={`job-status ${job.status}`}>{t(`printing.status.${job.status}`)}</span>
              {job.errorCode && (
                <span className="hint">
                  {t(`printing.errors.${job.errorCode}`, { defaultValue: job.errorMessage ?? job.errorCode })}
                </span>
              )}
            </li>
          ))}
        </ul>
      </form>
      <div className="printer-preview">
        <h3>{t('printing.settings.preview')}</h3>
        {preview.data && <SlipPreview layout={preview.data} />}
        {preview.error && <CallErrorMessage error={preview.error} />}
      </div>
    </Dialog>
  );
}
