import { describe, expect, it } from 'vitest';
import { addDays, presetRange } from './date-range';

describe('report date ranges', () => {
  it('count back across month and year ends from the counter’s today', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(presetRange('last7', '2027-01-03')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(presetRange('thisMonth', '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(presetRange('last90', '2026-11-25')).toEqual({ from: '2026-08-28', to: '2026-11-25' });
    expect(presetRange('today', '2026-11-25')).toEqual({ from: '2026-11-25', to: '2026-11-25' });
  });
});
