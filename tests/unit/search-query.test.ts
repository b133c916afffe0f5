import { describe, expect, it } from 'vitest';
import { classifyQuery } from '../../main/patients/search-query';
import { formatUhid, makeUhid } from '../../main/patients/uhid';

describe('what the search box was given', () => {
  it('recognises phones however written', () => {
    for (const q of ['9876543210', '+91 98765 43210', '098765-43210']) {
      expect(classifyQuery(q)).toEqual({ kind: 'phone', phone: '9876543210' });
    }
  });

  it('recognises ABHA numbers with or without hyphens, and ABHA addresses', () => {
    expect(classifyQuery('91-2345-6789-0123')).toEqual({ kind: 'abha_number', value: '91-2345-6789-0123' });
    expect(classifyQuery('91234567890123')).toEqual({ kind: 'abha_number', value: '91-2345-6789-0123' });
    expect(classifyQuery('Ram.Kumar@abdm')).toEqual({ kind: 'abha_address', value: 'ram.kumar@abdm' });
  });

  it('recognises a UHID only when its check digit is right', () => {
    const uhid = formatUhid(makeUhid('GH', 'A', 2026, 5));
    expect(classifyQuery(uhid)).toMatchObject({ kind: 'uhid' });
    expect(classifyQuery(uhid.slice(0, -1) + ((Number(uhid.at(-1)) + 1) % 10)).kind).not.toBe('uhid');
  });

  it('turns names into ANDed prefix terms, order-free, initials kept aside', () => {
    expect(classifyQuery('kumar ram')).toEqual({ kind: 'name', match: '"kumar"* AND "ram"*', initials: [] });
    expect(classifyQuery('Ram K')).toEqual({ kind: 'name', match: '"ram"*', initials: ['k'] });
    expect(classifyQuery('राम कु')).toEqual({ kind: 'name', match: '"राम"* AND "कु"*', initials: [] });
  });

  it('cannot be used to inject FTS syntax', () => {
    const q = classifyQuery('ram" OR name:* NEAR(');
    expect(q).toEqual({ kind: 'name', match: '"ram"* AND "or"* AND "name"* AND "near"*', initials: [] });
  });

  it('ignores too-short or meaningless input', () => {
    expect(classifyQuery('r').kind).toBe('none');
    expect(classifyQuery('12345').kind).toBe('none');
    expect(classifyQuery('@@').kind).toBe('none');
  });
});
