// Local date-times in the hospital's time zone and back: a newborn's time of
// birth is typed as hospital time, checked against "now" and sent to the HIMS
// as a dateTime with its UTC offset.

/** "2026-11-30 14:05" in the time zone. */
export function localDateTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The instant of a local date and time in a time zone (two passes settle a DST change). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wanted = Date.parse(`${date}T${time}:00Z`);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${localDateTime(new Date(guess), timeZone).replace(' ', 'T')}:00Z`);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** The zone's offset from UTC at that local date and time, as FHIR writes it: "+05:30". */
export function utcOffset(date: string, time: string, timeZone: string): string {
  const minutes = Math.round((Date.parse(`${date}T${time}:00Z`) - zonedInstant(date, time, timeZone).getTime()) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
