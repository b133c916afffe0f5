// SQL functions every connection registers before its migrations run: the
// daily summaries of the reports (migration 0130) are kept by triggers, and a
// trigger needs the hospital's local hour and date of a UTC instant (SQLite
// knows no time zones) and the age band of a visit. One definition here, used
// by the triggers and by the reports' labels alike.
import type { Database } from 'better-sqlite3';
import { DEFAULT_TIME_ZONE } from '../../preload/contract/methods/counter-schemas';
import { AGE_BANDS, type AgeBand } from '../../preload/contract/methods/report-schemas';
import { ageInYears, localDate } from '../core/clock';

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (00-23) of an instant in a time zone. */
export function localHour(instant: Date, timeZone: string): string {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  return format.format(instant).padStart(2, '0');
}

/** The census's age band of a patient on the day of a visit ('?' for a date that is not one). */
export function ageBand(dateOfBirth: string, onDay: string): AgeBand | '?' {
  const age = ageInYears(dateOfBirth, onDay);
  return AGE_BANDS.find((band) => age <= band.maxYears)?.code ?? '?';
}

export function registerSqlFunctions(db: Database): void {
  const zone = (tz: unknown) => (typeof tz === 'string' && tz ? tz : DEFAULT_TIME_ZONE);
  // A row whose time is not one (a hand-edited or very old row) is counted under '' rather than fail the write.
  const instant = (iso: unknown) => {
    const d = new Date(String(iso));
    return Number.isNaN(d.getTime()) ? null : d;
  };
  db.function('hims_local_hour', { deterministic: true }, (iso: unknown, tz: unknown) => {
    const d = instant(iso);
    return d ? localHour(d, zone(tz)) : '';
  });
  db.function('hims_local_date', { deterministic: true }, (iso: unknown, tz: unknown) => {
    const d = instant(iso);
    return d ? localDate(d, zone(tz)) : '';
  });
  db.function('hims_age_band', { deterministic: true }, (dob: unknown, day: unknown) => ageBand(String(dob), String(day)));
}
