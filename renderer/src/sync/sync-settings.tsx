// HIMS settings: address, auth (none, static bearer token, OAuth2 client
// credentials), custom CA, time-out; "test connection" asks the server for
// its CapabilityStatement. Secrets are write-only: the form shows "set".
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSettings } from '../../../preload/contract/methods/sync-schemas';
import type { MethodOutput } from '../../../preload/contract';
import { callCounter } from '../api/counter-client';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { useCounterQuery } from '../hooks/use-counter-query';
import { Dialog } from '../components/dialog';

type AuthKind = SyncSettings['authKind'];

export function SyncSettingsForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const save = useCounterMutation('sync.saveSettings');
  const test = useCounterMutation('sync.testConnection');
  const [loaded, setLoaded] = useState<SyncSettings | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [baseUrl, setBaseUrl] = useState('');
  const [authKind, setAuthKind] = useState<AuthKind>('none');
  const [bearerToken, setBearerToken] = useState('');
  const [tokenUrl, setTokenUrl] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [caPem, setCaPem] = useState('');
  const [timeoutSeconds, setTimeoutSeconds] = useState(15);
  const [error, setError] = useState<Parameters<typeof CallErrorMessage>[0]['error'] | null>(null);
  const [testResult, setTestResult] = useState<MethodOutput<'sync.testConnection'> | null>(null);
  // Whether patients' photos go with their records is the HIMS's business too, so it is set here.
  const photos = useCounterQuery('photos.getSettings', {});
  const savePhotos = useCounterMutation('photos.saveSettings');
  const [sendPhotos, setSendPhotos] = useState<boolean | null>(null);

  useEffect(() => {
    void callCounter('sync.getSettings', {}).then((r) => {
      if (!r.ok) return;
      const s = r.value;
      setLoaded(s);
      setEnabled(s.enabled);
      setBaseUrl(s.baseUrl ?? '');
      setAuthKind(s.authKind);
      setTokenUrl(s.tokenUrl ?? '');
      setClientId(s.clientId ?? '');
      setCaPem(s.caPem ?? '');
      setTimeoutSeconds(Math.round(s.timeoutMs / 1000));
    });
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTestResult(null);
    const result = await save.run({
      enabled,
      baseUrl: baseUrl.trim() || null,
      authKind,
      tokenUrl: tokenUrl.trim() || null,
      clientId: clientId.trim() || null,
      caPem: caPem.trim() || null,
      timeoutMs: timeoutSeconds * 1000,
      ...(bearerToken ? { bearerToken } : {}),
      ...(clientSecret ? { clientSecret } : {}),
    });
    if (!result) return;
    if (!result.ok) return setError(result.error);
    if (sendPhotos !== null && sendPhotos !== photos.data?.sendToHims) {
      const saved = await savePhotos.run({ sendToHims: sendPhotos });
      if (saved && !saved.ok) return setError(saved.error);
      photos.reload();
    }
    setError(null);
    setLoaded(result.value);
    setBearerToken('');
    setClientSecret('');
    const tested = await test.run({});
    if (tested?.ok) setTestResult(tested.value);
  }

  if (!loaded) return null;
  return (
    <Dialog className="sync-settings panel" labelledBy="sync-settings-title" testId="sync-settings" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="sync-settings-title">{t('sync.settings.title')}</h2>
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="sync-enabled" />
          {t('sync.settings.enabled')}
        </label>
        {photos.data && (
          <label className="check">
            <input
              type="checkbox"
              data-testid="photos-send-to-hims"
              checked={sendPhotos ?? photos.data.sendToHims}
              onChange={(e) => setSendPhotos(e.target.checked)}
            />
            {t('door.photo.sendToHims')}
          </label>
        )}
        <label>
          {t('sync.settings.baseUrl')}
          <input
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            placeholder="https://hims.example.gov.in/fhir"
            data-testid="sync-base-url"
          />
        </label>
        <label>
          {t('sync.settings.auth')}
          <select value={authKind} onChange={(e) => setAuthKind(e.target.value as AuthKind)} data-testid="sync-auth-kind">
            <option value="none">{t('sync.settings.authNone')}</option>
            <option value="bearer">{t('sync.settings.authBearer')}</option>
            <option value="client_credentials">{t('sync.settings.authOauth')}</option>
          </select>
        </label>
        {authKind === 'bearer' && (
          <label>
            {t('sync.settings.bearerToken')}{' '}
            {loaded.hasBearerToken && <span className="hint">{t('sync.settings.secretSet')}</span>}
            <input type="password" value={bearerToken} onChange={(e) => setBearerToken(e.target.value)} autoComplete="off" />
          </label>
        )}
        {authKind === 'client_credentials' && (
          <>
            <label>
              {t('sync.settings.tokenUrl')}
              <input value={tokenUrl} onChange={(e) => setTokenUrl(e.target.value)} />
            </label>
            <label>
              {t('sync.settings.clientId')}
              <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" />
            </label>
            <label>
              {t('sync.settings.clientSecret')}{' '}
              {loaded.hasClientSecret && <span className="hint">{t('sync.settings.secretSet')}</span>}
              <input type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} autoComplete="off" />
            </label>
          </>
        )}
        <label>
          {t('sync.settings.caPem')}
          <textarea rows={3} value={caPem} onChange={(e) => setCaPem(e.target.value)} placeholder="-----BEGIN CERTIFICATE-----" />
        </label>
        <label>
          {t('sync.settings.timeout')}
          <input
            type="number"
            min={1}
            max={300}
            value={timeoutSeconds}
            onChange={(e) => setTimeoutSeconds(Number(e.target.value) || 15)}
          />
        </label>
        {error && <CallErrorMessage error={error} />}
        {testResult && (
          <p className={testResult.ok ? 'sync-test ok' : 'sync-test failed'} data-testid="sync-test-result" role="status">
            {testResult.ok
              ? `${t('sync.settings.testOk', { ms: testResult.elapsedMs })} FHIR ${testResult.fhirVersion ?? '?'}${testResult.software ? ` · ${testResult.software}` : ''}`
              : `${t('sync.settings.testFailed')} ${testResult.message}`}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={save.pending || test.pending} data-testid="sync-save">
            {t('sync.settings.saveAndTest')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('sync.close')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
