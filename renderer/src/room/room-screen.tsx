// The room screen (?mode=room): at the doctor's or nurse's desk, on their own
// clerk session. Department and room are chosen once; then one key calls the
// next patient (and finishes the one before), one calls again, one marks the
// patient in, one done, one no-show, one skips. Beside it: the room's queue in
// the order the department's rule gives, what is set aside, and today's
// waiting times. Everything is read again when the core pushes a change.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Token } from '../../../preload/contract';
import { MOVES, type QueueMove } from '../../../preload/contract/queue-rule';
import { useDesk } from '../auth/desk-context';
import { DeskControls } from '../auth/desk-controls';
import { AppHeader } from '../components/app-header';
import { CallErrorMessage } from '../components/call-error-message';
import { isTypingTarget, useKeyHandler } from '../hooks/use-key-handler';
import { useCounterSetup } from '../hooks/use-counter-setup';
import { currentLanguage } from '../i18n';
import { departmentName } from '../lib/format';
import { loadRoomDesk, saveRoomDesk, type RoomDesk } from './room-desk';
import { ROOM_KEYS, roomKeyAction, type RoomKeyAction } from './room-keys';
import { minutesSince, SetAsideList, WaitingList } from './room-lists';
import { RoomSetup } from './room-setup';
import { RoomTimes } from './room-times';
import { useRoomQueue, type RoomQueue } from './use-room-queue';
import './room.css';
import { NotShownNote } from '../peers/not-shown-note';
import { OlderCopiesNote } from '../peers/older-copies-note';

export function RoomScreen() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const setup = useCounterSetup();
  const [desk, setDesk] = useState<RoomDesk | null>(loadRoomDesk);
  const [choosing, setChoosing] = useState(false);
  const department = desk ? setup.departmentByCode.get(desk.departmentCode) : undefined;
  const valid = desk !== null && department !== undefined && department.rooms.includes(desk.room);
  const ready = setup.departments.length > 0;

  return (
    <div className="app room-app">
      <AppHeader
        info={setup.info}
        error={setup.infoError}
        language={language}
        onToggleLanguage={() => void i18n.changeLanguage(language === 'en' ? 'hi' : 'en')}
      >
        <DeskControls />
      </AppHeader>
      {setup.departmentsError && <CallErrorMessage error={setup.departmentsError} title={t('panel.departmentsFailed')} />}
      {ready && (!valid || choosing) ? (
        <RoomSetup
          departments={setup.departments}
          language={language}
          initial={desk}
          onChoose={(chosen) => {
            saveRoomDesk(chosen);
            setDesk(chosen);
            setChoosing(false);
          }}
        />
      ) : (
        valid && (
          <RoomDeskView
            key={`${desk.departmentCode}/${desk.room}`}
            desk={desk}
            where={`${departmentName(department, desk.departmentCode, language)} · ${t('room.roomName', { room: desk.room })}`}
            onChange={() => setChoosing(true)}
          />
        )
      )}
    </div>
  );
}

function RoomDeskView({ desk, where, onChange }: { desk: RoomDesk; where: string; onChange: () => void }) {
  const { t } = useTranslation();
  const locked = useDesk()?.session.locked ?? false;
  const queue = useRoomQueue(desk.departmentCode, desk.room);
  const [nowMs, setNowMs] = useState(() => Date.now());
  const current = queue.view?.atRoom[0] ?? null;

  // Waiting minutes move on between pushes: a local tick, no call to the core.
  useEffect(() => {
    const timer = window.setInterval(() => setNowMs(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  function act(action: RoomKeyAction) {
    if (action === 'next') return void queue.callNext();
    if (current) void queue.move(current, action);
  }

  useKeyHandler((e) => {
    if (e.defaultPrevented || e.repeat || isTypingTarget(e.target)) return;
    const action = roomKeyAction(e);
    if (!action) return;
    e.preventDefault();
    act(action);
  }, !locked);

  return (
    <main className="room-body" data-testid="room-screen" data-department={desk.departmentCode} data-room={desk.room}>
      <section className="room-current" data-testid="room-current" data-status={current?.status ?? 'none'}>
        <div className="room-where" data-testid="room-where">
          <h1>{where}</h1>
          <button type="button" className="secondary small" data-testid="room-change" onClick={onChange}>
            {t('room.change')}
          </button>
        </div>
        {current ? <CurrentToken token={current} nowMs={nowMs + queue.skewMs} /> : <p className="room-idle">{t('room.idle')}</p>}
        <div className="room-actions">
          {ROOM_KEYS.map(({ action, key }) => (
            <button
              key={action}
              type="button"
              className={action === 'next' ? 'primary big' : 'big'}
              data-testid={`room-${action.replace('_', '-')}`}
              disabled={queue.pending || (action !== 'next' && !(current && MOVES[action].from.includes(current.status)))}
              onClick={() => act(action)}
            >
              {t(`room.actions.${action}`)} <kbd>{key}</kbd>
            </button>
          ))}
        </div>
        <Outcome queue={queue} />
        {queue.viewError && <CallErrorMessage error={queue.viewError} title={t('room.loadFailed')} testId="room-load-error" />}
      </section>
      <div className="room-side">
        <NotShownNote notShown={queue.view?.notShown} />
        <OlderCopiesNote olderCopies={queue.view?.olderCopies} />
        <WaitingList
          tokens={queue.view?.waiting ?? []}
          count={queue.view?.waitingCount ?? 0}
          nowMs={nowMs + queue.skewMs}
          pending={queue.pending}
          onMove={(token, move) => void queue.move(token, move)}
        />
        <SetAsideList
          tokens={queue.view?.setAside ?? []}
          pending={queue.pending}
          onMove={(token, move) => void queue.move(token, move)}
        />
        <RoomTimes times={queue.times} departmentCode={desk.departmentCode} room={desk.room} />
      </div>
    </main>
  );
}

function CurrentToken({ token, nowMs }: { token: Token; nowMs: number }) {
  const { t } = useTranslation();
  return (
    <div className="room-token">
      <p className="room-token-status">{t(`queue.status.${token.status}`)}</p>
      <p className="room-token-label" data-testid="room-current-label">
        {token.label}
      </p>
      <p className="room-token-name" data-testid="room-current-name">
        {token.patientName}
        {token.priority !== 'none' && <span className="chip priority">{t(`priority.${token.priority}`)}</span>}
      </p>
      <p className="muted">
        {t('room.calledTimes', { count: token.callCount })} ·{' '}
        {t('room.waited', { minutes: minutesSince(token.issuedAt, Date.parse(token.calledAt ?? token.issuedAt)) })} ·{' '}
        {t('room.sinceCall', { minutes: minutesSince(token.calledAt ?? token.issuedAt, nowMs) })}
      </p>
    </div>
  );
}

/** What the last key did, in words; a lost answer offers to send the same move again. */
function Outcome({ queue }: { queue: RoomQueue }) {
  const { t } = useTranslation();
  const last = queue.last;
  if (!last) return null;
  if (last.error) {
    return (
      <div className="room-outcome">
        <CallErrorMessage error={last.error} title={t('room.moveFailed')} testId="room-error" />
        {last.error.code === 'UNAVAILABLE' && (
          <button type="button" className="small" data-testid="room-retry" onClick={() => void queue.retry()}>
            {t('auth.retry')}
          </button>
        )}
      </div>
    );
  }
  const { token, finished } = last.result!;
  const move: QueueMove | 'next' = last.action.method === 'queue.callNext' ? 'next' : last.action.input.move;
  const text =
    move === 'next' && !token
      ? t('room.outcome.nobody')
      : t(`room.outcome.${move}`, { label: token?.label ?? '', room: token?.callRoom ?? '' });
  return (
    <p className="room-outcome" role="status" data-testid="room-outcome">
      {text}
      {finished && ` ${t('room.outcome.finishedBefore', { label: finished.label })}`}
    </p>
  );
}
