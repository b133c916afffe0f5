// Dates and times on every screen, the Indian way and never the machine's
// locale: a day as 08-12-2026 (as slips print it) or "8 Dec 2026" /
// "8 दिस॰ 2026", a time on the 24-hour clock, always in the hospital's time
// zone (never the machine's). Everything that shows or reads a date goes
// through here; dates-everywhere.test.ts keeps it so. Typing a day is a text
// field read by parseDay: <input type="date"> draws the machine's locale
// (12/08/2026 on a US-English Windows) and cannot be told otherwise.
import { dayTimeParts, type DayTimeParts } from '../../../preload/contract/day-time';
import { localeOf, type Language } from '../i18n';
import { parseDateOfBirth } from './parse-dob';

/** The hospital's time zone when the counter has not said yet (its first-run default). */
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

/** A calendar day (YYYY-MM-DD) as an instant at its UTC midnight, so formatting in UTC never shifts it. */
function dayInstant(isoDate: string): Date | null {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Intl in a named time zone; an unknown name from configuration falls back to the default, not the machine's. */
function format(locale: string, options: Intl.DateTimeFormatOptions, timeZone: string | undefined, d: Date): string {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone ?? DEFAULT_TIME_ZONE }).format(d);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: DEFAULT_TIME_ZONE }).format(d);
  }
}

/** Day, month, year, hour and minute of an instant in the hospital's zone (as the slips write them). */
function parts(d: Date, timeZone: string | undefined): DayTimeParts {
  try {
    return dayTimeParts(d, timeZone ?? DEFAULT_TIME_ZONE);
  } catch {
    return dayTimeParts(d, DEFAULT_TIME_ZONE);
  }
}

/** 2026-12-08 → 08-12-2026, as on the slip. */
export function dayNumeric(isoDate: string): string {
  const d = dayInstant(isoDate);
  if (!d) return isoDate;
  const p = parts(d, 'UTC');
  return `${p.day}-${p.month}-${p.year}`;
}

/** 2026-12-08 → 08-12: a chart's day axis. */
export function dayMonthNumeric(isoDate: string): string {
  return dayNumeric(isoDate).slice(0, 5);
}

/** 2026-12-08 → "8 Dec 2026" / "8 दिस॰ 2026". */
export function dayText(isoDate: string, lang: Language): string {
  const d = dayInstant(isoDate);
  if (!d) return isoDate;
  return format(localeOf(lang), { day: 'numeric', month: 'short', year: 'numeric' }, 'UTC', d);
}

/** 2026-12-08 → "Tue, 8 Dec 2026" / "मंगल, 8 दिस॰ 2026": the header's today. */
export function dayWithWeekday(isoDate: string, lang: Language): string {
  const d = dayInstant(isoDate);
  if (!d) return isoDate;
  return `${format(localeOf(lang), { weekday: 'short' }, 'UTC', d)}, ${dayText(isoDate, lang)}`;
}

/** 2026-12 → "Dec 2026" / "दिस॰ 2026". */
export function monthText(isoMonth: string, lang: Language): string {
  const d = dayInstant(`${isoMonth.slice(0, 7)}-01`);
  if (!d) return isoMonth;
  return format(localeOf(lang), { month: 'short', year: 'numeric' }, 'UTC', d);
}

/** An instant → "14:05" in the hospital's time zone. */
export function timeText(iso: string, timeZone: string | undefined): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = parts(d, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** An instant → "8 Dec 2026, 14:05" / "8 दिस॰ 2026, 14:05" in the hospital's time zone. */
export function dateTimeText(iso: string, lang: Language, timeZone: string | undefined): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${dayText(dayOf(iso, timeZone), lang)}, ${timeText(iso, timeZone)}`;
}

/** An instant → "08-12-2026 14:05" in the hospital's time zone, as registers and slips print it. */
export function dateTimeNumeric(iso: string, timeZone: string | undefined): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = parts(d, timeZone);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

/** The hospital's calendar day (YYYY-MM-DD) of an instant. */
export function dayOf(iso: string, timeZone: string | undefined): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** What a clerk typed for a day (08-12-2026, 8/12/2026, 08122026, or ISO) → YYYY-MM-DD, or null. */
export function parseDay(text: string): string | null {
  return parseDateOfBirth(text);
}
