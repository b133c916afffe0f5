// No-shows and waiting times for the census from the queue's moves,
// as the triggers of migration 0130 count them: no-show marks, and the wait
// from issue to first call in 5-minute bins. Percentiles come from the bins
// (nearest rank, the bin's middle), so the census never reads the moves and
// counters' figures add up across the hospital.
import type { QueueFigures } from '../../preload/contract/methods/report-schemas';

export const WAIT_BIN_MINUTES = 5;

/** Median and 90th percentile (seconds, the bin's middle) of a histogram of waits. */
export function waitStats(
  waits: QueueFigures['waits'],
): Pick<QueueFigures, 'waitMedianSeconds' | 'waitP90Seconds' | 'waitCount'> {
  const sorted = [...waits].sort((a, b) => a.fromMinutes - b.fromMinutes);
  const count = sorted.reduce((n, w) => n + w.tokens, 0);
  const at = (p: number): number | null => {
    if (count === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * count));
    let seen = 0;
    for (const w of sorted) {
      seen += w.tokens;
      if (seen >= rank) return Math.round((w.fromMinutes + WAIT_BIN_MINUTES / 2) * 60);
    }
    return null;
  };
  return { waitMedianSeconds: at(50), waitP90Seconds: at(90), waitCount: count };
}

/** From the census rows of a range: null when no token was called or marked no-show. */
export function queueFigures(rows: { measure: string; bucket: string; n: number }[]): QueueFigures | null {
  let noShows = 0;
  const bins = new Map<number, number>();
  for (const r of rows) {
    if (r.measure === 'no_show') noShows += r.n;
    else if (r.measure === 'wait') bins.set(Number(r.bucket), (bins.get(Number(r.bucket)) ?? 0) + r.n);
  }
  const waits = [...bins.entries()]
    .map(([fromMinutes, tokens]) => ({ fromMinutes, tokens }))
    .sort((a, b) => a.fromMinutes - b.fromMinutes);
  if (noShows === 0 && waits.length === 0) return null;
  return { noShows, waits, ...waitStats(waits) };
}
