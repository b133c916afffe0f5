// Both languages must say the same things: a key missing from Hindi shows
// English mid-screen, and a lost {{variable}} shows the clerk a blank.
import { describe, expect, it } from 'vitest';
import en from './en.json';
import hi from './hi.json';

function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === 'string') {
    out.set(prefix, tree);
  } else if (typeof tree === 'object' && tree !== null) {
    for (const [key, value] of Object.entries(tree)) {
      for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  }
  return out;
}

const variables = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const enFlat = flatten(en);
  const hiFlat = flatten(hi);

  it('have the same keys in English and Hindi', () => {
    expect([...hiFlat.keys()].sort()).toEqual([...enFlat.keys()].sort());
  });

  it('have no empty strings and keep every interpolation variable', () => {
    for (const [key, text] of enFlat) {
      const other = hiFlat.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      expect(variables(other), key).toEqual(variables(text));
    }
  });

  it('are really Hindi: most strings contain Devanagari', () => {
    const devanagari = [...hiFlat.values()].filter((s) => /[\u0900-\u097F]/.test(s));
    expect(devanagari.length / hiFlat.size).toBeGreaterThan(0.8);
  });
});
