// "No patient found" only for an answer to what is in the box, and only for a
// query that names one patient when complete.
import { describe, expect, it } from 'vitest';
import { foundNobody } from './found-nobody';

const answered = { upToDate: true, error: null, patients: [], settledQuery: '9810133344', kind: 'phone' as const };

describe('foundNobody', () => {
  it('is settled for a complete mobile, UHID or ABHA id, or a name, that found nobody', () => {
    expect(foundNobody(answered)).toBe(true);
    expect(foundNobody({ ...answered, settledQuery: 'LNH-B26-000173-4', kind: 'uhid' })).toBe(true);
    expect(foundNobody({ ...answered, settledQuery: 'ritu@abdm', kind: 'abha_address' })).toBe(true);
    expect(foundNobody({ ...answered, settledQuery: 'bhola nath', kind: 'name' })).toBe(true);
    expect(foundNobody({ ...answered, settledQuery: 'भोला', kind: 'name' })).toBe(true);
  });
  it('is not settled while the answer is to an earlier query (the last patient’s number)', () => {
    expect(foundNobody({ ...answered, upToDate: false })).toBe(false);
  });
  it('is not settled for a number still being typed', () => {
    expect(foundNobody({ ...answered, settledQuery: '951', kind: 'none' })).toBe(false);
    expect(foundNobody({ ...answered, settledQuery: '987001234', kind: 'none' })).toBe(false);
    expect(foundNobody({ ...answered, settledQuery: 'LNH-B26-0001', kind: 'name' })).toBe(false);
  });
  it('is not settled when someone was found, the search failed, or the query is too short', () => {
    expect(foundNobody({ ...answered, patients: [{}] as never })).toBe(false);
    expect(foundNobody({ ...answered, error: { code: 'INTERNAL', message: 'x' } })).toBe(false);
    expect(foundNobody({ ...answered, settledQuery: 'ra', kind: 'name' })).toBe(false);
  });
});
