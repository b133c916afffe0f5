import { describe, expect, it } from 'vitest';
import { namesSimilar, normalizedName } from '../../main/patients/name-match';

describe('similar names for the duplicate warning', () => {
  it.each([
    ['Ram Kumar', 'ram kumar'],
    ['Ram Kumar', 'Kumar Ram'],
    ['Ram Kumar', 'Ram Kumar Sharma'],
    ['Suresh Yadav', 'Sursh Yadav'],
    ['राम कुमार', 'कुमार राम'],
    ["O'Brien", 'O Brien'],
  ])('%s ~ %s', (a, b) => expect(namesSimilar(a, b)).toBe(true));

  it.each([
    ['Ram Kumar', 'Sita Devi'],
    ['Ram Kumar', 'Shyam Kumari'],
    ['राम कुमार', 'सीता देवी'],
  ])('%s ≁ %s', (a, b) => expect(namesSimilar(a, b)).toBe(false));

  it('normalises case, punctuation and word order', () => {
    expect(normalizedName('  KUMAR,  Ram ')).toBe('kumar ram');
  });
});
