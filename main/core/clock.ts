// Time is injected everywhere so tests (and the bench) control "today".
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// Building a DateTimeFormat costs tens of microseconds; "today" is asked on
// every call, so keep one per time zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in the hospital's time zone. */
export function localDate(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** Completed years and months (0–11) between a YYYY-MM-DD birth date and a YYYY-MM-DD day. */
export function ageOn(dateOfBirth: string, onDay: string): { years: number; months: number } {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDay.split('-').map(Number) as [number, number, number];
  // A month is complete on the same day of the month, or on the month's last day when it is
  // shorter (born on the 31st, or on 29 February: a year is complete on 28 February).
  const lastDayThisMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const monthDone = d >= Math.min(bd, lastDayThisMonth);
  const total = Math.max(0, (y - by) * 12 + (m - bm) - (monthDone ? 0 : 1));
  return { years: Math.floor(total / 12), months: total % 12 };
}

/** Whole years between a YYYY-MM-DD birth date and a YYYY-MM-DD day. */
export function ageInYears(dateOfBirth: string, onDay: string): number {
  return ageOn(dateOfBirth, onDay).years;
}

/**
 * A birth date estimated from an age given at the counter: the same day and
 * month as today, `years` and `months` earlier (29 Feb becomes 28 Feb).
 */
export function estimateDateOfBirth(today: string, years: number, months = 0): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const totalMonths = y * 12 + (m - 1) - (years * 12 + months);
  const year = Math.floor(totalMonths / 12);
  const month = (totalMonths % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
