// Maintenance → Updates (the hospital's update server) and Support bundle.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { useCounterQuery } from '../hooks/use-counter-query';
import { sizeText } from './ops-words';

export function UpdatesSection() {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const settings = useCounterQuery('updates.getSettings', {}, reload);
  const save = useCounterMutation('updates.saveSettings');
  const [feed, setFeed] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [saved, setSaved] = useState(false);
  const shown = feed ?? settings.data?.feedUrl ?? '';

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = await save.run({ feedUrl: shown.trim() === '' ? null : shown.trim() });
    if (!result) return;
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
    if (result.ok) setReload((n) => n + 1);
  }

  return (
    <section className="ops-section" aria-labelledby="ops-updates" data-testid="updates-section">
      <h3 id="ops-updates">{t('ops.updates.title')}</h3>
      <form className="ops-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <label className="ops-field" htmlFor="update-feed">
          <span>{t('ops.updates.feed')}</span>
          <input
            id="update-feed"
            data-testid="update-feed"
            value={shown}
            placeholder="https://updates.hospital.example/hims-counter"
            onChange={(e) => {
              setFeed(e.target.value);
              setSaved(false);
            }}
            spellCheck={false}
            lang="en"
          />
          <span className="hint">{t('ops.updates.feedHint')}</span>
        </label>
        {error && <CallErrorMessage error={error} testId="update-error" />}
        <div className="ops-row">
          <button type="submit" className="primary small" data-testid="update-save" disabled={save.pending}>
            {t('ops.updates.save')}
          </button>
          {saved && (
            <span className="ops-ok" role="status" data-testid="update-saved">
              {t('ops.updates.saved')}
            </span>
          )}
        </div>
      </form>
      {settings.data && !settings.data.selfUpdating && <p className="hint">{t('ops.updates.browser')}</p>}
      {settings.data?.updaterStatus && <p>{t('ops.updates.status', { status: settings.data.updaterStatus })}</p>}
    </section>
  );
}

export function SupportSection() {
  const { t } = useTranslation();
  const make = useCounterMutation('maintenance.supportBundle');
  const [done, setDone] = useState<{ file: string; bytes: number } | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  async function onMake() {
    const result = await make.run({});
    if (!result) return;
    setError(result.ok ? null : result.error);
    setDone(result.ok ? result.value : null);
  }

  return (
    <section className="ops-section" aria-labelledby="ops-support" data-testid="support-section">
      <h3 id="ops-support">{t('ops.support.title')}</h3>
      <p className="hint">{t('ops.support.intro')}</p>
      <button
        type="button"
        className="secondary small"
        data-testid="support-make"
        disabled={make.pending}
        onClick={() => void onMake()}
      >
        {t('ops.support.make')}
      </button>
      {done && (
        <p className="ops-ok" role="status" data-testid="support-done">
          {t('ops.support.done', { file: done.file, size: sizeText(done.bytes) })}
        </p>
      )}
      {error && <CallErrorMessage error={error} testId="support-error" />}
    </section>
  );
}
