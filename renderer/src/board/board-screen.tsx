// The hall board (?mode=board): on a TV facing the waiting hall. For each of
// its departments: the tokens called now, large, with their rooms; the last
// few called; how many wait. Labels and rooms only (first names only if the
// supervisor allowed them). When it cannot hear the counter it says so and
// hides the numbers, rather than show a queue that has moved on.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardGrant } from '../../../preload/contract/methods/auth-schemas';
import type { BoardCall, BoardDepartment } from '../../../preload/contract/methods/queue-schemas';
import { currentLanguage, localeOf, type Language } from '../i18n';
import { BoardSettingsDialog } from './board-settings-dialog';
import { loadSpeech, saveSpeech } from './board-settings';
import type { Announcement } from './speech/announcer';
import { useAnnouncer } from './use-announcer';
import { useBoardFeed } from './use-board-feed';

interface Props {
  grant: BoardGrant;
  hospitalName: string | null;
  recheck: () => Promise<void>;
}

export function BoardScreen({ grant, hospitalName, recheck }: Props) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const [speech, setSpeech] = useState(loadSpeech);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { announce, state, audio } = useAnnouncer(speech);
  const onCall = useCallback((call: Parameters<typeof announce>[0]) => void announce(call), [announce]);
  const feed = useBoardFeed(grant, onCall, recheck);
  const now = useClock();
  const connection = feed.connected ? 'connected' : feed.downLong ? 'offline' : 'connecting';
  const speaking = state.queue.find((a) => a.state === 'playing');

  return (
    <div className="board" data-testid="board" data-connection={connection} data-departments={grant.departmentCodes.join(',')}>
      <header className="board-header">
        <span className="board-hospital">{hospitalName ?? t('app.title')}</span>
        <time className="board-clock" data-testid="board-clock">
          {new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit', hour12: false }).format(now)}
        </time>
        <span className={`board-connection ${connection}`} data-testid="board-connection" data-state={connection}>
          {t(`board.connection.${connection}`)}
        </span>
        <button type="button" className="board-gear" data-testid="board-settings-open" onClick={() => setSettingsOpen(true)}>
          {t('board.settings.open')}
        </button>
      </header>
      {audio !== 'running' && (
        <p className="board-sound-off" role="status" data-testid="board-sound-blocked">
          {t('board.soundBlocked')}
        </p>
      )}
      {connection === 'connected' && feed.view ? (
        <main className={`board-departments count-${Math.min(feed.view.departments.length, 4)}`}>
          {feed.view.departments.map((d) => (
            <DepartmentPanel key={d.code} department={d} language={language} />
          ))}
        </main>
      ) : (
        <main className="board-offline" data-testid="board-offline" role="alert">
          <p className="board-offline-title">{t(connection === 'connecting' ? 'board.connecting' : 'board.offline.title')}</p>
          {connection === 'offline' && <p>{t('board.offline.body')}</p>}
        </main>
      )}
      <footer className="board-footer" aria-live="polite">
        {speaking && (
          <span data-testid="board-speaking">{t('board.speaking', { label: speaking.label, room: speaking.room })}</span>
        )}
      </footer>
      <AnnouncementRecord queue={state.queue} log={state.log} audio={audio} />
      {settingsOpen && (
        <BoardSettingsDialog
          settings={speech}
          onTest={() => announce({ key: `test:${Date.now()}`, label: 'B-017', room: '101', departmentCode: 'TEST' })}
          onSave={(next) => {
            saveSpeech(next);
            setSpeech(next);
          }}
          onClose={() => setSettingsOpen(false)}
        />
      )}
    </div>
  );
}

function DepartmentPanel({ department, language }: { department: BoardDepartment; language: Language }) {
  const { t } = useTranslation();
  const name = language === 'hi' ? department.nameHi : department.nameEn;
  const other = language === 'hi' ? department.nameEn : department.nameHi;
  return (
    <section className="board-department" data-testid="board-department" data-code={department.code}>
      <h2>
        {name} <span className="board-department-other">{other}</span>
      </h2>
      <p className="board-label">{t('board.nowCalling')}</p>
      <ol className="board-now">
        {department.nowCalling.length === 0 && <li className="board-none">—</li>}
        {department.nowCalling.map((call, i) => (
          <li
            key={call.tokenId}
            className={i === 0 ? 'board-call latest' : 'board-call'}
            data-testid="board-now"
            data-label={call.label}
          >
            <span className="board-token">{call.label}</span>
            <span className="board-arrow" aria-hidden="true">
              →
            </span>
            <span className="board-room">{t('board.room', { room: call.room })}</span>
            {call.firstName && <span className="board-name">{call.firstName}</span>}
          </li>
        ))}
      </ol>
      <p className="board-label">{t('board.recent')}</p>
      <ol className="board-recent">
        {department.recent.map((call: BoardCall) => (
          <li key={call.tokenId} data-testid="board-recent" data-label={call.label}>
            {call.label} · {call.room}
          </li>
        ))}
      </ol>
      <p className="board-waiting" data-testid="board-waiting" data-count={department.waiting}>
        {t('board.waiting', { count: department.waiting })}
      </p>
    </section>
  );
}

/**
 * What was and will be announced, for the record: hidden from the hall, read
 * by whoever checks the board (and by the end-to-end tests), bounded in size.
 */
function AnnouncementRecord({
  queue,
  log,
  audio,
}: {
  queue: readonly Announcement[];
  log: readonly Announcement[];
  audio: string;
}) {
  const item = (a: Announcement) => (
    <li
      key={`${a.key}:${a.state}`}
      data-key={a.key}
      data-label={a.label}
      data-state={a.state}
      data-engines={a.engines.join(',')}
      data-peak={a.peak.toFixed(3)}
      data-started={a.startedAt ?? ''}
      data-ended={a.endedAt ?? ''}
    >
      {a.label} {a.room}
    </li>
  );
  return (
    <div className="visually-hidden" data-testid="announcements" data-audio={audio}>
      <ol data-testid="announce-queue">{queue.map(item)}</ol>
      <ol data-testid="announce-log">{log.map(item)}</ol>
    </div>
  );
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
