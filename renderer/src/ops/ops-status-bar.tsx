// Under the header, for everyone at the counter: what is wrong with this
// computer's clock (in words, with what to do), and a backup that failed or
// is overdue. Shown only when something is wrong.
import { useTranslation } from 'react-i18next';
import { useDesk } from '../auth/desk-context';
import { currentLanguage } from '../i18n';
import { backupBanner, clockLine, type Words } from './ops-words';
import { dateTimeText } from '../lib/dates';
import { useOpsStatus } from './use-ops-status';
import './ops.css';

export function OpsStatusBar({ timeZone }: { timeZone: string | undefined }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { clock, backup } = useOpsStatus();
  const isAdmin = useDesk()?.session.role === 'admin';
  const when = (iso: string) => dateTimeText(iso, language, timeZone);
  const say = (w: Words) => t(w.key as never, w.values as never) as unknown as string;
  const banner = backup ? backupBanner(backup, isAdmin, when) : null;
  if ((!clock || clock.ok) && !banner) return null;
  return (
    <div className="ops-status">
      {clock && !clock.ok && (
        <div className="ops-line danger" role="alert" data-testid="clock-warning" data-can-issue={clock.canIssue}>
          {clock.problems.map((p, i) => (
            <p key={`${p.kind}-${i}`}>{say(clockLine(p, clock.now, when, say))}</p>
          ))}
        </div>
      )}
      {banner && backup && (
        <div className={`ops-line ${banner.tone}`} role="status" data-testid="backup-warning" data-state={backup.state}>
          <p>{say(banner)}</p>
        </div>
      )}
    </div>
  );
}
