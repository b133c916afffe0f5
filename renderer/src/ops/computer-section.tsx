// Maintenance → This computer: whether the data folder's disk is encrypted
// (and what to ask IT for if not), and the clock (with the administrator's
// "the clock is right now" after it ran ahead).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { CallErrorMessage } from '../components/call-error-message';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { useCounterQuery } from '../hooks/use-counter-query';
import { currentLanguage } from '../i18n';
import { clockLine, type Words } from './ops-words';
import { dateTimeText } from '../lib/dates';

const METHOD_NAMES = { luks: 'LUKS', 'dm-crypt': 'dm-crypt', bitlocker: 'BitLocker', filevault: 'FileVault' } as const;

export function ComputerSection({ timeZone }: { timeZone: string | undefined }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const [reload, setReload] = useState(0);
  const disk = useCounterQuery('maintenance.diskEncryption', {});
  const clock = useCounterQuery('clock.status', {}, reload);
  const accept = useCounterMutation('clock.accept');
  const [accepted, setAccepted] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const when = (iso: string) => dateTimeText(iso, language, timeZone);
  const say = (w: Words) => t(w.key as never, w.values as never) as unknown as string;

  async function onAccept() {
    const result = await accept.run({ confirm: true });
    if (!result) return;
    setError(result.ok ? null : result.error);
    setAccepted(result.ok);
    setReload((n) => n + 1);
  }

  const d = disk.data;
  return (
    <section className="ops-section" aria-labelledby="ops-computer" data-testid="computer-section">
      <h3 id="ops-computer">{t('ops.computer.title')}</h3>
      <h4>{t('ops.computer.disk')}</h4>
      {disk.error && <CallErrorMessage error={disk.error} />}
      {d && (
        <div className={`ops-disk state-${d.state}`} data-testid="disk-encryption" data-state={d.state}>
          <p>
            <strong>
              {d.state === 'encrypted'
                ? t('ops.computer.encrypted', { method: d.method ? METHOD_NAMES[d.method] : '' })
                : d.state === 'not_encrypted'
                  ? t('ops.computer.notEncrypted')
                  : t('ops.computer.unknown')}
            </strong>
          </p>
          {d.state !== 'encrypted' && (
            <p>{d.state === 'not_encrypted' ? t('ops.computer.notEncryptedTodo') : t('ops.computer.unknownTodo')}</p>
          )}
          <p className="hint" lang="en">
            {t('ops.computer.said', { detail: d.detail })}
          </p>
          <p className="hint">
            {t('ops.computer.dataDir')}: <code lang="en">{d.dataDir}</code>
          </p>
        </div>
      )}
      <h4>{t('ops.computer.clock')}</h4>
      {clock.data && (
        <div data-testid="clock-state" data-ok={clock.data.ok}>
          {clock.data.ok ? (
            <p>{t('ops.computer.clockOk')}</p>
          ) : (
            clock.data.problems.map((p, i) => <p key={`${p.kind}-${i}`}>{say(clockLine(p, clock.data!.now, when, say))}</p>)
          )}
          {!clock.data.canIssue && (
            <>
              <p className="hint">{t('ops.computer.acceptIntro')}</p>
              <button
                type="button"
                className="danger small"
                data-testid="clock-accept"
                disabled={accept.pending}
                onClick={() => void onAccept()}
              >
                {t('ops.computer.accept')}
              </button>
            </>
          )}
          {accepted && (
            <p className="ops-ok" role="status">
              {t('ops.computer.accepted')}
            </p>
          )}
        </div>
      )}
      {error && <CallErrorMessage error={error} />}
    </section>
  );
}
