// Waiting times from the recorded moves (token_moves), per department and
// room: issue to first call, and consultation (patient in, or the last call
// when nobody pressed "in", to done). One function for the room screen's
// "today" and for the reports of a range of days. Tokens entered
// in error never count: they should not have existed.
import type { Database } from 'better-sqlite3';
import type { DurationStats, WaitingTimesRow } from '../../preload/contract/methods/queue-schemas';

interface MoveRow {
  token_id: string;
  department_code: string;
  move: 'call' | 'recall' | 'start' | 'finish' | 'no_show';
  room: string | null;
  at: string;
  issued_at: string;
}

export interface WaitingTimesQuery {
  from: string;
  to: string;
  departmentCode?: string | undefined;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function durationStats(seconds: number[]): DurationStats {
  if (seconds.length === 0) return { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null, maxSeconds: null };
  const sorted = [...seconds].sort((a, b) => a - b);
  return {
    count: sorted.length,
    meanSeconds: Math.round(sorted.reduce((s, v) => s + v, 0) / sorted.length),
    medianSeconds: percentile(sorted, 50),
    p90Seconds: percentile(sorted, 90),
    maxSeconds: sorted.at(-1)!,
  };
}

const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

interface Bucket {
  waits: number[];
  consultations: number[];
  noShows: number;
}

export function waitingTimes(db: Database, query: WaitingTimesQuery): WaitingTimesRow[] {
  const rows = db
    .prepare<unknown[], MoveRow>(
      `SELECT m.token_id, m.department_code, m.move, m.room, m.at, t.issued_at
       FROM token_moves m JOIN tokens t ON t.id = m.token_id
       WHERE m.visit_date BETWEEN ? AND ? ${query.departmentCode ? 'AND m.department_code = ?' : ''}
         AND m.move IN ('call', 'recall', 'start', 'finish', 'no_show') AND t.queue_status <> 'entered_in_error'
       ORDER BY m.token_id, m.pk`,
    )
    .all(query.from, query.to, ...(query.departmentCode ? [query.departmentCode] : []));

  const buckets = new Map<string, Bucket>();
  const bucket = (department: string, room: string | null) => {
    const key = JSON.stringify([department, room]);
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { waits: [], consultations: [], noShows: 0 }));
    return b;
  };
  /** Counted for the room and for the department as a whole. */
  const add = (department: string, room: string | null, put: (b: Bucket) => void) => {
    put(bucket(department, null));
    if (room !== null) put(bucket(department, room));
  };

  let token = '';
  let called = false;
  let since: string | null = null; // when the consultation began: the last call, or "in"
  for (const m of rows) {
    if (m.token_id !== token) {
      token = m.token_id;
      called = false;
      since = null;
    }
    if (m.move === 'call' || m.move === 'recall') {
      if (m.move === 'call' && !called) {
        const wait = seconds(m.issued_at, m.at);
        add(m.department_code, m.room, (b) => b.waits.push(wait));
      }
      called = true;
      since = m.at;
    } else if (m.move === 'start') {
      since = m.at;
    } else if (m.move === 'finish') {
      if (since !== null) {
        const consultation = seconds(since, m.at);
        add(m.department_code, m.room, (b) => b.consultations.push(consultation));
      }
      since = null;
    } else {
      add(m.department_code, m.room, (b) => b.noShows++);
      since = null;
    }
  }

  return [...buckets.entries()]
    .map(([key, b]) => {
      const [departmentCode, room] = JSON.parse(key) as [string, string | null];
      return {
        departmentCode,
        room,
        toFirstCall: durationStats(b.waits),
        consultation: durationStats(b.consultations),
        noShows: b.noShows,
      };
    })
    .sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || (a.room ?? '').localeCompare(b.room ?? ''));
}
