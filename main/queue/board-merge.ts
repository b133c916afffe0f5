// A hall board's department across counters: each counter's calls, latest
// first, as one list (pure; the board feed of each counter is board-feed.ts).
import type { BoardCall, BoardDepartment } from '../../preload/contract/methods/queue-schemas';

/** As on one counter's board (board-feed.ts NOW_CALLING_MAX). */
const NOW_CALLING_MAX = 8;

const latestFirst = (a: BoardCall, b: BoardCall) => b.calledAt.localeCompare(a.calledAt) || a.label.localeCompare(b.label);

export function mergeBoard(own: BoardDepartment, others: readonly BoardDepartment[], recent: number): BoardDepartment {
  const all = [own, ...others];
  return {
    ...own,
    nowCalling: all
      .flatMap((d) => d.nowCalling)
      .sort(latestFirst)
      .slice(0, NOW_CALLING_MAX),
    recent: all
      .flatMap((d) => d.recent)
      .sort(latestFirst)
      .slice(0, recent),
    waiting: all.reduce((sum, d) => sum + d.waiting, 0),
  };
}
