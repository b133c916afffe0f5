// The hall board (?mode=board): on a TV facing the waiting hall. For each of
// its departments: the tokens called now, large, with their rooms; the last
// few called; how many wait. Labels and rooms only (first names only if the
// supervisor allowed them). When it cannot hear the counter it says so and
// hides the numbers, rather than show a queue that has moved on.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardGrant } from '../../../preload/contract/methods/auth-schemas';
import { currentLanguage } from '../i18n';
import { BoardClock } from './board-clock';
import { DepartmentPanel } from './board-department';
import { fitBoard } from './board-fit';
import { BoardSettingsDialog } from './board-settings-dialog';
import { loadSpeech, saveSpeech } from './board-settings';
import type { Announcement } from './speech/announcer';
import { useAnnouncer } from './use-announcer';
import { useBoardFeed } from './use-board-feed';
import { NotShownNote } from '../peers/not-shown-note';
import { hospitalNameIn, type HospitalNames } from '../lib/hospital-name';

interface Props {
  grant: BoardGrant;
  /** Shown in the board's language (counter.info); null until known. */
  hospitalNames: HospitalNames | null;
  /** The hospital's time zone (counter.info): the clock's, not the machine's. */
  timeZone: string | undefined;
  recheck: () => Promise<void>;
}

export function BoardScreen({ grant, hospitalNames, timeZone, recheck }: Props) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const [speech, setSpeech] = useState(loadSpeech);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { announce, state, audio } = useAnnouncer(speech);
  const onCall = useCallback((call: Parameters<typeof announce>[0]) => void announce(call), [announce]);
  const feed = useBoardFeed(grant, onCall, recheck);
  const connection = feed.connected ? 'connected' : feed.downLong ? 'offline' : 'connecting';
  const speaking = state.queue.find((a) => a.state === 'playing');
  // The key is "token id:call count": the token being said now.
  const announcing = speaking ? speaking.key.slice(0, speaking.key.lastIndexOf(':')) : null;
  const mainRef = useRef<HTMLElement>(null);

  // After every change of what is shown, and whenever the screen's size or the fonts change: make it fit.
  useLayoutEffect(() => {
    const main = mainRef.current;
    if (main) fitBoard(main);
  });
  useLayoutEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    const observer = new ResizeObserver(() => fitBoard(main));
    observer.observe(main);
    void document.fonts.ready.then(() => fitBoard(main));
    return () => observer.disconnect();
  }, [connection]);

  return (
    <div className="board" data-testid="board" data-connection={connection} data-departments={grant.departmentCodes.join(',')}>
      <header className="board-header">
        <span className="board-hospital" data-testid="board-hospital">
          {hospitalNames ? hospitalNameIn(hospitalNames, language) : t('app.title')}
        </span>
        <BoardClock serverTime={feed.view?.serverTime} timeZone={timeZone} />
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
        <main ref={mainRef} className={`board-departments count-${Math.min(feed.view.departments.length, 4)}`}>
          {feed.view.departments.map((d) => (
            <DepartmentPanel key={d.code} department={d} language={language} announcing={announcing} />
          ))}
        </main>
      ) : (
        <main className="board-offline" data-testid="board-offline" role="alert">
          <p className="board-offline-title">{t(connection === 'connecting' ? 'board.connecting' : 'board.offline.title')}</p>
          {connection === 'offline' && <p>{t('board.offline.body')}</p>}
        </main>
      )}
      {connection === 'connected' && <NotShownNote notShown={feed.view?.notShown} className="board-not-shown" />}
      <footer className="board-footer" aria-live="polite">
        {speaking && (
          <span data-testid="board-speaking" data-label={speaking.label}>
            {t('board.speaking', { label: speaking.label, room: speaking.room })}
          </span>
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
      data-form={a.form ?? ''}
      data-queued={a.queuedAt}
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
