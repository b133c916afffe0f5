// The money namespace (fees, cash, reports) says the same in English and
// Hindi, and every key the screens ask for exists: its keys are typed by our
// own MoneyKey (money/use-money-t.ts), and a key built at run time
// (`reports.${key}`) is checked here against the files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './money-en.json';
import hi from './money-hi.json';

function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (typeof tree === 'object' && tree !== null)
    for (const [key, value] of Object.entries(tree))
      for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

const variables = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('money translations', () => {
  const enFlat = flatten(en);
  const hiFlat = flatten(hi);

  it('have the same keys, no empty strings and the same variables in English and Hindi', () => {
    expect([...hiFlat.keys()].sort()).toEqual([...enFlat.keys()].sort());
    for (const [key, text] of enFlat) {
      expect(text.trim(), key).not.toBe('');
      expect(variables(hiFlat.get(key) ?? ''), key).toEqual(variables(text));
    }
    const devanagari = [...hiFlat.values()].filter((s) => /[\u0900-\u097F]/.test(s));
    expect(devanagari.length / hiFlat.size).toBeGreaterThan(0.8);
  });

  it('have every literal key the screens use', () => {
    const dirs = ['../money', '../reports', '../components'].map((d) => join(__dirname, d));
    const used = new Set<string>();
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsx'))) {
        const source = readFileSync(join(dir, file), 'utf8');
        for (const m of source.matchAll(/\btm\(\s*'([^']+)'/g)) used.add(m[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !enFlat.has(k))).toEqual([]);
  });
});
