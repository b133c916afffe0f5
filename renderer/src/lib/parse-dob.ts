// Dates of birth as Indian clerks type them: day first (15/08/1990,
// 15-08-1990, 15.08.1990, 15081990), or ISO (1990-08-15) as scanners and
// scripts send them. A native <input type="date"> follows the machine's
// locale (often US month-first), which is exactly the mistake to avoid.

const PATTERNS: [RegExp, 'ymd' | 'dmy'][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, 'ymd'],
  [/^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/, 'dmy'],
  [/^(\d{2})(\d{2})(\d{4})$/, 'dmy'],
];

/** The ISO date (YYYY-MM-DD) for what was typed, or null if it is not a real date. */
export function parseDateOfBirth(text: string): string | null {
  const s = text.trim();
  for (const [pattern, order] of PATTERNS) {
    const match = pattern.exec(s);
    if (!match) continue;
    const [a = '', b = '', c = ''] = match.slice(1);
    const [year, month, day] = order === 'ymd' ? [a, b, c] : [c, b, a];
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const date = new Date(`${iso}T00:00:00Z`);
    // 31/02/1990 would roll over to March: refuse it instead.
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
  }
  return null;
}
