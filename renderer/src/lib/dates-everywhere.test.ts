// One formatter for every date on screen (lib/dates.ts): no part of the
// renderer formats a date or time with the machine's locale or time zone,
// and none asks for a day with the browser's own date picker, which draws
// the machine's locale (12/08/2026 on a US-English Windows) and cannot be
// told otherwise.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const FORMATTER = join('lib', 'dates.ts');

const FORBIDDEN: [RegExp, string][] = [
  [/\.toLocale(Date|Time)?String\(/, 'toLocale…String (the machine locale unless told)'],
  [/\bIntl\.DateTimeFormat\b/, 'Intl.DateTimeFormat outside lib/dates.ts'],
  [/\btype=["'](date|month|time|datetime-local|week)["']/, 'a browser date/time picker'],
  [/\.(getHours|getMinutes|getDate|getMonth|getFullYear|getDay)\(\)/, "the machine's time zone (Date getters)"],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('dates on screen', () => {
  it('are formatted by lib/dates.ts alone, never by the machine locale or a date picker', () => {
    const found: string[] = [];
    for (const file of sources(ROOT)) {
      const name = relative(ROOT, file);
      if (name === FORMATTER) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // a comment may name what not to do
          for (const [pattern, what] of FORBIDDEN) if (pattern.test(line)) found.push(`${name}:${i + 1}: ${what}`);
        });
    }
    expect(found).toEqual([]);
  });
});
