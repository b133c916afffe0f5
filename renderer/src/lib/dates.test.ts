// Dates read the Indian way whatever the machine's locale and time zone: the
// day first (08-12-2026) or "8 Dec 2026" / "8 दिस॰ 2026", the 24-hour clock,
// in the hospital's time zone.
import { describe, expect, it } from 'vitest';
import {
  dateTimeNumeric,
  dateTimeText,
  dayMonthNumeric,
  dayNumeric,
  dayOf,
  dayText,
  dayWithWeekday,
  monthText,
  parseDay,
  timeText,
} from './dates';

// 8 December 2026, 21:49 UTC: already 9 December, 03:19 in India.
const LATE_EVENING_UTC = '2026-12-08T21:49:00.000Z';

describe('dates on screen', () => {
  it('write a day first, with hyphens, or with the month in words', () => {
    expect(dayNumeric('2026-12-08')).toBe('08-12-2026');
    expect(dayMonthNumeric('2026-12-08')).toBe('08-12');
    expect(dayText('2026-12-08', 'en')).toBe('8 Dec 2026');
    expect(dayText('2026-12-08', 'hi')).toBe('8 दिस॰ 2026');
    expect(dayWithWeekday('2026-12-08', 'en')).toBe('Tue, 8 Dec 2026');
    expect(dayWithWeekday('2026-12-08', 'hi')).toBe('मंगल, 8 दिस॰ 2026');
    expect(monthText('2026-12', 'en')).toBe('Dec 2026');
    expect(monthText('2026-12', 'hi')).toBe('दिस॰ 2026');
  });

  it("tell the time in the hospital's time zone on the 24-hour clock, whatever the machine's", () => {
    expect(timeText(LATE_EVENING_UTC, 'Asia/Kolkata')).toBe('03:19');
    expect(dayOf(LATE_EVENING_UTC, 'Asia/Kolkata')).toBe('2026-12-09');
    expect(dateTimeText(LATE_EVENING_UTC, 'en', 'Asia/Kolkata')).toBe('9 Dec 2026, 03:19');
    expect(dateTimeText(LATE_EVENING_UTC, 'hi', 'Asia/Kolkata')).toBe('9 दिस॰ 2026, 03:19');
    expect(dateTimeNumeric(LATE_EVENING_UTC, 'Asia/Kolkata')).toBe('09-12-2026 03:19');
    expect(timeText(LATE_EVENING_UTC, 'Asia/Kathmandu')).toBe('03:34');
    // Not told yet, or told a name that is not a time zone: India's, never the machine's.
    expect(timeText(LATE_EVENING_UTC, undefined)).toBe('03:19');
    expect(timeText(LATE_EVENING_UTC, 'Not/AZone')).toBe('03:19');
  });

  it('read a day typed day first, and refuse what is not a day', () => {
    expect(parseDay('08-12-2026')).toBe('2026-12-08');
    expect(parseDay('8/12/2026')).toBe('2026-12-08');
    expect(parseDay('08122026')).toBe('2026-12-08');
    expect(parseDay('2026-12-08')).toBe('2026-12-08');
    expect(parseDay('31-02-2026')).toBeNull();
    expect(parseDay('12/31/2026')).toBeNull();
  });
});
