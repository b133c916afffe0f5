import { describe, expect, it } from 'vitest';
import { prefillFromQuery } from './query-prefill';

describe('prefillFromQuery', () => {
  it('reads a 10-digit mobile number, with the prefixes people write', () => {
    expect(prefillFromQuery('9876543210')).toEqual({ kind: 'phone', value: '9876543210' });
    expect(prefillFromQuery('+91 98765-43210')).toEqual({ kind: 'phone', value: '9876543210' });
    expect(prefillFromQuery('09876543210')).toEqual({ kind: 'phone', value: '9876543210' });
  });

  it('does not take a number starting 0-5 for a mobile', () => {
    expect(prefillFromQuery('1234567890').kind).toBe('none');
  });

  it('reads a 14-digit ABHA number, plain or hyphenated, and shows it hyphenated', () => {
    expect(prefillFromQuery('12345678901234')).toEqual({ kind: 'abhaNumber', value: '12-3456-7890-1234' });
    expect(prefillFromQuery('12-3456-7890-1234')).toEqual({ kind: 'abhaNumber', value: '12-3456-7890-1234' });
  });

  it('reads an ABHA address and lowercases it', () => {
    expect(prefillFromQuery('Ramesh.K@abdm')).toEqual({ kind: 'abhaAddress', value: 'ramesh.k@abdm' });
    expect(prefillFromQuery('ramesh@')).toEqual({ kind: 'abhaAddress', value: 'ramesh@' });
  });

  it('takes letters in any script as a name, collapsing spaces', () => {
    expect(prefillFromQuery('  ramesh   kumar ')).toEqual({ kind: 'name', value: 'ramesh kumar' });
    expect(prefillFromQuery('सुनीता देवी')).toEqual({ kind: 'name', value: 'सुनीता देवी' });
  });

  it('prefills nothing for partial numbers, UHIDs or empty input', () => {
    expect(prefillFromQuery('98765').kind).toBe('none');
    expect(prefillFromQuery('A24-000123').kind).toBe('none');
    expect(prefillFromQuery('   ').kind).toBe('none');
  });
});
