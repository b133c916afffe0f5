// The queue rule (docs/design.md §9, docs/decisions.md "The queue"): which
// waiting token a room calls next. A pure function over token rows and the
// calls already made, with no database and no clock, so that whoever holds
// rows from several counters (a hospital of counters: one queue per department across the
// hospital's counters) merges them by concatenating and calling it again.
// Every tie is broken by data that is the same on every counter (place in
// the queue, issue time, counter letter, number, id), never by row order.
import type { QueueRule } from '../../preload/contract/queue-rule';
import type { Token } from '../../preload/contract/records';

type Priority = Token['priority'];

/** A waiting token as the rule sees it. */
export interface QueueEntry {
  id: string;
  counterLetter: string;
  number: number;
  priority: Priority;
  /** Place in the queue (ISO instant): issue time, or when it was put back at the end. */
  queueAt: string;
  issuedAt: string;
  /** Per-room queues: the room it waits for; null: any room. */
  assignedRoom: string | null;
}

/** A call already made today in this department (first calls only: a recall is not a new turn). */
export interface CallRecord {
  at: string;
  priority: Priority;
  room: string | null;
}

export interface QueueOrderInput<E extends QueueEntry> {
  waiting: readonly E[];
  /** The department's calls today, in any order (sorted here). Used by the one-in-N rule. */
  history: readonly CallRecord[];
  rule: QueueRule;
  /** The room asking; with per-room queues only its own tokens (and unassigned ones) are its queue. */
  room?: string | null;
}

export const isPriority = (p: Priority) => p !== 'none';

/** Same answer on every counter: place, then issue time, then counter letter and number, then id. */
export function compareEntries(a: QueueEntry, b: QueueEntry): number {
  return (
    cmp(a.queueAt, b.queueAt) ||
    cmp(a.issuedAt, b.issuedAt) ||
    cmp(a.counterLetter, b.counterLetter) ||
    a.number - b.number ||
    cmp(a.id, b.id)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a room's queue includes this token. */
export function inRoomQueue(entry: Pick<QueueEntry, 'assignedRoom'>, rule: QueueRule, room: string | null | undefined): boolean {
  if (rule.rooms === 'shared' || !room) return true;
  return entry.assignedRoom === null || entry.assignedRoom === room;
}

/**
 * Regular (non-priority) calls since the last priority call, newest first,
 * in this room's history (per-room queues) or the department's.
 */
export function regularStreak(history: readonly CallRecord[], rule: QueueRule, room: string | null | undefined): number {
  const mine = history.filter((c) => rule.rooms === 'shared' || !room || c.room === room);
  const newestFirst = [...mine].sort((a, b) => cmp(b.at, a.at));
  let streak = 0;
  for (const call of newestFirst) {
    if (isPriority(call.priority)) break;
    streak++;
  }
  return streak;
}

/** The waiting tokens of one queue in the order they will be called. */
export function queueOrder<E extends QueueEntry>(input: QueueOrderInput<E>): E[] {
  const { rule, room } = input;
  const queue = input.waiting.filter((e) => inRoomQueue(e, rule, room)).sort(compareEntries);
  if (rule.priority === 'arrival') return queue;

  const emergency = queue.filter((e) => e.priority === 'emergency');
  const priority = queue.filter((e) => isPriority(e.priority) && e.priority !== 'emergency');
  const regular = queue.filter((e) => !isPriority(e.priority));
  if (rule.priority === 'ahead') return [...emergency, ...priority, ...regular];

  // One in N: after N-1 regular calls in a row, a priority patient (if one waits).
  const ordered: E[] = [...emergency];
  let streak = regularStreak(input.history, rule, room);
  let p = 0;
  let r = 0;
  while (p < priority.length || r < regular.length) {
    const priorityTurn = streak >= rule.interleaveEvery - 1 || r >= regular.length;
    if (priorityTurn && p < priority.length) {
      ordered.push(priority[p++]!);
      streak = 0;
    } else {
      ordered.push(regular[r++]!);
      streak++;
    }
  }
  return ordered;
}

/** The token "call next" takes, or null when nobody waits for this room. */
export function nextInQueue<E extends QueueEntry>(input: QueueOrderInput<E>): E | null {
  return queueOrder(input)[0] ?? null;
}
