// Which backups to keep: the newest `keepRecent`, and the newest of each of
// the last `keepDailyDays` days (the hospital's days), so a mistake noticed a
// week later can still be undone from the evening before it. Only this
// counter's own files are ever considered; another counter sharing the
// folder keeps its own.
import { localDate } from '../core/clock';

export interface Retention {
  keepRecent: number;
  keepDailyDays: number;
}

export interface DatedFile {
  name: string;
  createdAt: string;
}

export function filesToDelete(files: DatedFile[], rule: Retention, now: Date, timeZone: string): string[] {
  const newestFirst = [...files].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const keep = new Set(newestFirst.slice(0, rule.keepRecent).map((f) => f.name));
  const oldestDay = localDate(new Date(now.getTime() - (rule.keepDailyDays - 1) * 86_400_000), timeZone);
  const daysSeen = new Set<string>();
  if (rule.keepDailyDays > 0) {
    for (const file of newestFirst) {
      const day = localDate(new Date(file.createdAt), timeZone);
      if (day < oldestDay || daysSeen.has(day)) continue;
      daysSeen.add(day);
      keep.add(file.name);
    }
  }
  return newestFirst.filter((f) => !keep.has(f.name)).map((f) => f.name);
}
