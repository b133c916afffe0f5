import { describe, expect, it } from 'vitest';
import { ageInYears, ageOn, estimateDateOfBirth, localDate } from '../../main/core/clock';

describe('dates at the counter', () => {
  it('uses the hospital day, not UTC (01:00 IST is still the previous UTC day)', () => {
    expect(localDate(new Date('2026-11-24T19:30:00Z'), 'Asia/Kolkata')).toBe('2026-11-25');
    expect(localDate(new Date('2026-11-24T18:29:00Z'), 'Asia/Kolkata')).toBe('2026-11-24');
  });

  it('estimates a birth date from an age so the age reads back the same', () => {
    for (const [years, months] of [
      [0, 3],
      [1, 0],
      [45, 0],
      [90, 11],
    ] as const) {
      const dob = estimateDateOfBirth('2026-11-25', years, months);
      expect(ageOn(dob, '2026-11-25')).toEqual({ years, months });
    }
    expect(estimateDateOfBirth('2026-11-25', 0, 3)).toBe('2026-08-25');
  });

  it('moves 29 February to the 28th in a non-leap year', () => {
    expect(estimateDateOfBirth('2028-02-29', 1)).toBe('2027-02-28');
  });

  it('counts a birthday only once it has come', () => {
    expect(ageInYears('1980-11-26', '2026-11-25')).toBe(45);
    expect(ageInYears('1980-11-25', '2026-11-25')).toBe(46);
  });

  it('counts an infant’s months the way a parent does: complete on the same day of the month', () => {
    expect(ageOn('2026-06-25', '2026-11-24')).toEqual({ years: 0, months: 4 });
    expect(ageOn('2026-06-25', '2026-11-25')).toEqual({ years: 0, months: 5 });
    expect(ageOn('2026-11-20', '2026-11-25')).toEqual({ years: 0, months: 0 });
    expect(ageOn('2024-09-10', '2026-11-25')).toEqual({ years: 2, months: 2 });
    // Born on the 31st: the month is complete on the last day of a shorter month.
    expect(ageOn('2026-08-31', '2026-09-30')).toEqual({ years: 0, months: 1 });
    expect(ageOn('2026-08-31', '2026-09-29')).toEqual({ years: 0, months: 0 });
    // Born on 29 February: a year (and a month) is complete on the 28th in a common year.
    expect(ageOn('2024-02-29', '2025-02-28')).toEqual({ years: 1, months: 0 });
    expect(ageOn('2024-02-29', '2025-02-27')).toEqual({ years: 0, months: 11 });
    // A date of birth after the day (bad data) reads as 0, never negative.
    expect(ageOn('2026-12-01', '2026-11-25')).toEqual({ years: 0, months: 0 });
  });
});
