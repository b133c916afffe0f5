import { describe, expect, it } from 'vitest';
import { parseDateOfBirth } from './parse-dob';

describe('parseDateOfBirth', () => {
  it('reads day-first dates the way they are written in India', () => {
    expect(parseDateOfBirth('15/08/1990')).toBe('1990-08-15');
    expect(parseDateOfBirth('5-8-1990')).toBe('1990-08-05');
    expect(parseDateOfBirth('05.08.1990')).toBe('1990-08-05');
    expect(parseDateOfBirth('15081990')).toBe('1990-08-15');
  });

  it('reads ISO dates as sent by scripts and tests', () => {
    expect(parseDateOfBirth(' 1990-08-15 ')).toBe('1990-08-15');
  });

  it('never takes 03/04 as March the 4th', () => {
    expect(parseDateOfBirth('03/04/2001')).toBe('2001-04-03');
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    expect(parseDateOfBirth('31/02/1990')).toBeNull();
    expect(parseDateOfBirth('13/13/1990')).toBeNull();
    expect(parseDateOfBirth('1990')).toBeNull();
    expect(parseDateOfBirth('')).toBeNull();
  });
});
