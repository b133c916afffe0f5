// Watches this computer's clock and says, in a status the header shows, when
// it cannot be trusted: it is earlier than records the counter already dated
// (clock-watermark.ts), it jumped while the counter was running, or it
// differs from the HIMS's clock (the Date header of its answers) or a peer
// counter's by more than two minutes. Clock, monotonic time and timers are
// injected (docs/style.md "Sync"), so tests move time by hand.
import type { Database } from 'better-sqlite3';
import type { ClockProblem, ClockStatus } from '../../preload/contract/methods/ops-schemas';
import { localDate, type Clock } from '../core/clock';
import { acceptClock, initWatermark, isBehind, readWatermark } from './clock-watermark';

export const JUMP_TOLERANCE_MS = 3 * 60_000;
export const SKEW_TOLERANCE_MS = 2 * 60_000;
/** A jump is shown for this long; by then the clerk has seen it and the records say the rest. */
const JUMP_SHOWN_MS = 30 * 60_000;
/** A comparison with another clock counts only while it is recent. */
const SKEW_FRESH_MS = 60 * 60_000;

export interface ClockMonitorOptions {
  db: Database;
  clock: Clock;
  timeZone: () => string;
  /** Milliseconds that only ever go forward (performance.now in production). */
  monotonic?: () => number;
  intervalMs?: number;
  onChange?: (status: ClockStatus) => void;
  log?: (message: string, level?: 'info' | 'warn' | 'error') => void;
}

export interface ClockMonitor {
  status(): ClockStatus;
  /** Compare wall-clock and monotonic time since the last tick (the timer calls this). */
  tick(): void;
  /** The HIMS's Date header (`serverDate`), seen at local instant `localAt`. */
  observeServerTime(serverDate: Date, localAt: Date): void;
  /** A peer counter's clock (the peers call this with each answer). */
  observePeerTime(peerId: string, peerNow: Date, localAt: Date): void;
  /** The administrator says the clock is right now: the high-water mark moves to now. */
  acceptCurrentClock(): void;
  start(): void;
  stop(): void;
}

export function createClockMonitor(o: ClockMonitorOptions): ClockMonitor {
  const monotonic = o.monotonic ?? (() => performance.now());
  let last = { wall: o.clock.now().getTime(), mono: monotonic() };
  let jump: { byMs: number; at: number } | null = null;
  const remote = new Map<string, { source: 'hims' | 'peer'; peer: string | null; skewMs: number; at: number }>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let shown = '';
  initWatermark(o.db, o.timeZone());

  function status(): ClockStatus {
    const now = o.clock.now();
    const day = localDate(now, o.timeZone());
    const problems: ClockProblem[] = [];
    const mark = readWatermark(o.db);
    if (mark && isBehind(now, day, mark))
      problems.push({ kind: 'behind_records', latestAt: mark.latestAt, latestDay: mark.latestDay });
    if (jump && now.getTime() - jump.at < JUMP_SHOWN_MS)
      problems.push({ kind: 'jumped', byMinutes: Math.round(jump.byMs / 60_000), at: new Date(jump.at).toISOString() });
    for (const seen of remote.values()) {
      if (Math.abs(seen.skewMs) <= SKEW_TOLERANCE_MS || Math.abs(now.getTime() - seen.at) > SKEW_FRESH_MS) continue;
      problems.push({
        kind: 'differs',
        source: seen.source,
        peer: seen.peer,
        byMinutes: Math.round(seen.skewMs / 60_000),
        at: new Date(seen.at).toISOString(),
      });
    }
    return {
      ok: problems.length === 0,
      now: now.toISOString(),
      today: day,
      canIssue: !problems.some((p) => p.kind === 'behind_records'),
      problems,
    };
  }

  /** Pushes the status when what the clerk would read has changed. */
  function changed(): void {
    const current = status();
    const key = JSON.stringify(current.problems);
    if (key === shown) return;
    shown = key;
    if (current.problems.length > 0) o.log?.(`clock: ${current.problems.map((p) => p.kind).join(', ')}`, 'warn');
    o.onChange?.(current);
  }

  function observe(key: string, source: 'hims' | 'peer', peer: string | null, theirs: Date, localAt: Date): void {
    if (Number.isNaN(theirs.getTime())) return;
    remote.set(key, { source, peer, skewMs: localAt.getTime() - theirs.getTime(), at: localAt.getTime() });
    changed();
  }

  return {
    status,
    tick() {
      const now = { wall: o.clock.now().getTime(), mono: monotonic() };
      const drift = now.wall - last.wall - (now.mono - last.mono);
      last = now;
      if (Math.abs(drift) > JUMP_TOLERANCE_MS) {
        jump = { byMs: drift, at: now.wall };
        o.log?.(`clock jumped by ${Math.round(drift / 60_000)} min while running`, 'warn');
      }
      changed();
    },
    observeServerTime: (serverDate, localAt) => observe('hims', 'hims', null, serverDate, localAt),
    observePeerTime: (peerId, peerNow, localAt) => observe(`peer:${peerId}`, 'peer', peerId, peerNow, localAt),
    acceptCurrentClock() {
      const now = o.clock.now();
      o.db.transaction(() => acceptClock(o.db, now, localDate(now, o.timeZone()))).immediate();
      jump = null;
      changed();
    },
    start() {
      if (timer) return;
      last = { wall: o.clock.now().getTime(), mono: monotonic() };
      timer = setInterval(() => this.tick(), o.intervalMs ?? 30_000);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
