// The latest instant and day this counter has dated a token or a
// registration with, kept in the database (migration 0110). A counter PC's
// clock is not to be trusted (dead CMOS batteries, docs/design.md §7): when
// it says a time before what is already written, the counter refuses to
// date anything new rather than hand out a token for yesterday or a UHID
// for last year. A small step back (an NTP correction of seconds) is not a
// refusal: the new record takes the high-water mark's instant instead.
import type { Database } from 'better-sqlite3';
import { AppError } from '../core/app-error';
import { localDate } from '../core/clock';
import { sql } from '../db/statements';

/** Steps back up to this much are absorbed (the record is dated at the mark). */
export const CLOCK_SLACK_MS = 2 * 60_000;

export interface Watermark {
  latestAt: string;
  latestDay: string;
}

/** `details` of a CLOCK_BEHIND error: what the clock says and what was already written. */
export interface ClockBehindDetails {
  clockAt: string;
  clockDay: string;
  latestAt: string;
  latestDay: string;
}

export function readWatermark(db: Database): Watermark | null {
  const row = sql<[], { latest_at: string; latest_day: string }>(
    db,
    'SELECT latest_at, latest_day FROM clock_watermark WHERE id = 1',
  ).get();
  return row ? { latestAt: row.latest_at, latestDay: row.latest_day } : null;
}

function writeWatermark(db: Database, mark: Watermark): void {
  sql(
    db,
    `INSERT INTO clock_watermark (id, latest_at, latest_day) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET latest_at = excluded.latest_at, latest_day = excluded.latest_day`,
  ).run(mark.latestAt, mark.latestDay);
}

/**
 * On a database written before the mark existed: the latest of what the
 * counter dated (audit entries, tokens, the year of its UHID sequence).
 */
export function initWatermark(db: Database, timeZone: string): void {
  if (readWatermark(db)) return;
  const latest = db
    .prepare(
      `SELECT max(coalesce((SELECT max(at) FROM audit_log), ''), coalesce((SELECT max(issued_at) FROM tokens), '')) AS at,
              (SELECT max(visit_date) FROM tokens) AS day,
              (SELECT max(CAST(substr(name, instr(substr(name, 6), ':') + 6) AS INTEGER)) FROM sequences WHERE name LIKE 'uhid:%') AS year`,
    )
    .get() as { at: string; day: string | null; year: number | null };
  if (!latest.at) return;
  const days = [localDate(new Date(latest.at), timeZone), latest.day ?? '', latest.year ? `${latest.year}-01-01` : ''];
  const latestDay = days.reduce((a, b) => (b > a ? b : a));
  db.transaction(() => {
    if (!readWatermark(db)) writeWatermark(db, { latestAt: latest.at, latestDay });
  }).immediate();
}

function clockBehind(now: Date, day: string, mark: Watermark, timeZone: string): AppError {
  const words = (iso: string) =>
    new Intl.DateTimeFormat('en-IN', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const details: ClockBehindDetails = {
    clockAt: now.toISOString(),
    clockDay: day,
    latestAt: mark.latestAt,
    latestDay: mark.latestDay,
  };
  return new AppError(
    'CLOCK_BEHIND',
    `This computer's clock says ${words(now.toISOString())}, but this counter already dated a record ${words(mark.latestAt)}. ` +
      'Correct the date and time on this computer (or call IT), then try again.',
    { details },
  );
}

/** Whether a record dated `now` on `day` would go back past the mark. */
export function isBehind(now: Date, day: string, mark: Watermark | null): boolean {
  if (!mark) return false;
  return day < mark.latestDay || now.getTime() < Date.parse(mark.latestAt) - CLOCK_SLACK_MS;
}

/**
 * Call inside the writing transaction of a token or a registration: refuses
 * (CLOCK_BEHIND) a clock behind the mark, moves the mark forward, and returns
 * the instant to date the record with (never before an earlier record).
 */
export function stampClock(db: Database, now: Date, day: string, timeZone: string): string {
  if (!db.inTransaction) throw new Error('stampClock belongs inside the record’s own transaction');
  const mark = readWatermark(db);
  if (mark && isBehind(now, day, mark)) throw clockBehind(now, day, mark, timeZone);
  const at = mark && mark.latestAt > now.toISOString() ? mark.latestAt : now.toISOString();
  writeWatermark(db, { latestAt: at, latestDay: mark && mark.latestDay > day ? mark.latestDay : day });
  return at;
}

/**
 * An administrator's decision that the clock as it is now is right (after a
 * clock that ran ahead dated records in the future): the mark is set to now,
 * so the counter can issue again. Earlier records keep their dates.
 */
export function acceptClock(db: Database, now: Date, day: string): Watermark | null {
  const before = readWatermark(db);
  writeWatermark(db, { latestAt: now.toISOString(), latestDay: day });
  return before;
}

/** stampClock with the counter's own clock and time zone. */
export function stampNow(ctx: { db: Database; clock: { now(): Date }; identity: { timeZone: string } }, day: string): string {
  return stampClock(ctx.db, ctx.clock.now(), day, ctx.identity.timeZone);
}
