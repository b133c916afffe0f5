// An instant's day and time as Indian forms write them (25-11-2026 10:00), in
// a named time zone: the one way, for the slips (main/printing) and every
// screen (renderer/src/lib/dates.ts) alike. Formatters are kept per zone:
// building one is the slow part, and a counter uses one zone.

export interface DayTimeParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Two-digit day, month, hour and minute and the four-digit year; throws RangeError for an unknown zone. */
export function dayTimeParts(instant: Date, timeZone: string): DayTimeParts {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { day: p.day ?? '', month: p.month ?? '', year: p.year ?? '', hour: p.hour ?? '', minute: p.minute ?? '' };
}

/** 25-11-2026 10:00 in the zone. */
export function dayTimeNumeric(instant: Date, timeZone: string): string {
  const p = dayTimeParts(instant, timeZone);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}
