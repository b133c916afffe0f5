// Maintenance → Backups: how things stand, where backups go and how many are
// kept, the recovery code, "Back up now", and the backups in the folder with
// Restore. Everything goes through the core (backups.*); nothing here
// touches files.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import type { BackupSettings } from '../../../preload/contract/methods/ops-schemas';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { useCounterQuery } from '../hooks/use-counter-query';
import { currentLanguage } from '../i18n';
import { dateTimeText } from '../lib/dates';
import { sizeText } from './ops-words';
import { RecoveryCodePanel } from './recovery-code';
import { RestoreForm } from './restore-form';

function SettingsForm({ settings, onSaved }: { settings: BackupSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useCounterMutation('backups.saveSettings');
  const [folder, setFolder] = useState(settings.folder ?? '');
  const [everyMinutes, setEvery] = useState(String(settings.everyMinutes));
  const [keepRecent, setKeepRecent] = useState(String(settings.keepRecent));
  const [keepDailyDays, setKeepDaily] = useState(String(settings.keepDailyDays));
  const [error, setError] = useState<CallError | null>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = await save.run({
      folder: folder.trim() === '' ? null : folder.trim(),
      everyMinutes: Number(everyMinutes),
      keepRecent: Number(keepRecent),
      keepDailyDays: Number(keepDailyDays),
    });
    if (!result) return;
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
    if (result.ok) onSaved();
  }

  const number = (value: string, set: (v: string) => void, id: string, label: string) => (
    <label className="ops-field narrow" htmlFor={id}>
      <span>{label}</span>
      <input id={id} data-testid={id} inputMode="numeric" value={value} onChange={(e) => set(e.target.value)} />
    </label>
  );

  return (
    <form className="ops-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <label className="ops-field" htmlFor="backup-folder">
        <span>{t('ops.backup.folder')}</span>
        <input
          id="backup-folder"
          data-testid="backup-folder"
          value={folder}
          onChange={(e) => {
            setFolder(e.target.value);
            setSaved(false);
          }}
          spellCheck={false}
          lang="en"
        />
        <span className="hint">{t('ops.backup.folderHint')}</span>
      </label>
      <div className="ops-row">
        {number(everyMinutes, setEvery, 'backup-every', t('ops.backup.everyMinutes'))}
        {number(keepRecent, setKeepRecent, 'backup-keep-recent', t('ops.backup.keepRecent'))}
        {number(keepDailyDays, setKeepDaily, 'backup-keep-daily', t('ops.backup.keepDailyDays'))}
      </div>
      {error && <CallErrorMessage error={error} testId="backup-settings-error" />}
      <div className="ops-row">
        <button type="submit" className="primary small" data-testid="backup-save" disabled={save.pending}>
          {t('ops.backup.save')}
        </button>
        {saved && (
          <span className="ops-ok" role="status" data-testid="backup-saved">
            {t('ops.backup.saved')}
          </span>
        )}
      </div>
    </form>
  );
}

export function BackupSection({ timeZone }: { timeZone: string | undefined }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const when = (iso: string | null) => (iso ? dateTimeText(iso, language, timeZone) : t('ops.never'));
  const [reload, setReload] = useState(0);
  const status = useCounterQuery('backups.status', {}, reload);
  const settings = useCounterQuery('backups.getSettings', {}, reload);
  const list = useCounterQuery('backups.list', {}, reload);
  const run = useCounterMutation('backups.run');
  const [ran, setRan] = useState<string | null>(null);
  const [runError, setRunError] = useState<CallError | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const again = () => setReload((n) => n + 1);

  // While a backup runs, look again every few seconds so "Backing up…" turns into the outcome.
  const running = status.data?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setReload((n) => n + 1), 3000);
    return () => window.clearInterval(timer);
  }, [running]);

  async function runNow() {
    setRan(null);
    const result = await run.run({});
    if (!result) return;
    setRunError(result.ok ? null : result.error);
    if (result.ok) setRan(result.value.file);
    again();
  }

  const s = status.data;
  return (
    <section className="ops-section" aria-labelledby="ops-backups" data-testid="backup-section">
      <h3 id="ops-backups">{t('ops.backup.title')}</h3>
      {s && (
        <p className={`ops-state state-${s.state}`} data-testid="backup-state" data-state={s.state}>
          <strong>{t(`ops.backup.state.${s.state}`)}</strong>
          <span>{t('ops.backup.last', { time: when(s.lastSuccessAt) })}</span>
          {s.nextDueAt && s.state !== 'off' && <span>{t('ops.backup.next', { time: when(s.nextDueAt) })}</span>}
        </p>
      )}
      {s?.state === 'failed' && s.lastError && (
        <p className="ops-error" data-testid="backup-last-error">
          {t('ops.backup.lastError', { error: s.lastError })}
        </p>
      )}
      {settings.data && <SettingsForm settings={settings.data} onSaved={again} />}
      {settings.data?.sameDiskAsData && <p className="ops-warn">{t('ops.backup.sameDisk')}</p>}
      {settings.data?.keyStore === 'plain-file' && <p className="hint">{t('ops.backup.plainKey')}</p>}
      {settings.data && <RecoveryCodePanel createdAt={settings.data.recoveryCodeCreatedAt} when={when} onMade={again} />}
      <div className="ops-row">
        <button
          type="button"
          className="primary small"
          data-testid="backup-run"
          disabled={run.pending || !settings.data?.folder || !settings.data.recoveryCodeCreatedAt}
          onClick={() => void runNow()}
        >
          {t('ops.backup.runNow')}
        </button>
        {ran && (
          <span className="ops-ok" role="status" data-testid="backup-ran">
            {t('ops.backup.ran', { file: ran })}
          </span>
        )}
      </div>
      {runError && <CallErrorMessage error={runError} testId="backup-run-error" />}
      <h4>{t('ops.backup.list')}</h4>
      {list.data && list.data.length === 0 && <p className="hint">{t('ops.backup.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="ops-table" data-testid="backup-list">
          <thead>
            <tr>
              <th>{t('ops.backup.made')}</th>
              <th>{t('ops.backup.size')}</th>
              <th>{t('ops.backup.ofCounter')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.slice(0, 20).map((file) => (
              <tr key={file.name} data-testid="backup-row" data-name={file.name}>
                <td>{when(file.createdAt)}</td>
                <td>{sizeText(file.bytes)}</td>
                <td>{file.ownCounter ? t('ops.backup.thisCounter') : t('ops.backup.otherCounter')}</td>
                <td>
                  {restoring === file.name ? (
                    <RestoreForm name={file.name} ownCounter={file.ownCounter} onCancel={() => setRestoring(null)} />
                  ) : (
                    <button
                      type="button"
                      className="secondary small"
                      data-testid="backup-restore-open"
                      onClick={() => setRestoring(file.name)}
                    >
                      {t('ops.backup.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
