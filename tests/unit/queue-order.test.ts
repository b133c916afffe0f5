// The queue rule as a pure function: priority ahead, one in N, arrival;
// shared and per-room queues; ties broken the same way on every counter, so
// rows from several counters merge by concatenation.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_RULE, type QueueRule } from '../../preload/contract/queue-rule';
import { nextInQueue, queueOrder, regularStreak, type CallRecord, type QueueEntry } from '../../main/queue/queue-order';

/** Token n of counter A, issued n minutes after 09:00, with a priority letter: r(egular), s(enior), e(mergency). */
function entry(spec: string, letter = 'A', assignedRoom: string | null = null): QueueEntry {
  const [kind, n] = [spec[0]!, Number(spec.slice(1))];
  const at = new Date(Date.UTC(2026, 10, 25, 3, 30 + n)).toISOString();
  return {
    id: `${letter}${n}`,
    counterLetter: letter,
    number: n,
    priority: kind === 's' ? 'senior' : kind === 'e' ? 'emergency' : kind === 'd' ? 'divyang' : 'none',
    queueAt: at,
    issuedAt: at,
    assignedRoom,
  };
}

const ids = (entries: QueueEntry[]) => entries.map((e) => e.id);
const rule = (r: Partial<QueueRule>): QueueRule => ({ ...DEFAULT_QUEUE_RULE, ...r });
const call = (minute: number, priority: CallRecord['priority'], room: string | null = '101'): CallRecord => ({
  at: new Date(Date.UTC(2026, 10, 25, 4, minute)).toISOString(),
  priority,
  room,
});

describe('queue order', () => {
  const waiting = ['r1', 's2', 'r3', 'r4', 'd5', 'r6', 'e7', 'r8'].map((s) => entry(s));

  it('arrival: place in the queue only, whatever the row order', () => {
    expect(ids(queueOrder({ waiting: [...waiting].reverse(), history: [], rule: rule({ priority: 'arrival' }) }))).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'A6',
      'A7',
      'A8',
    ]);
  });

  it('ahead: emergencies, then the other priorities, then the rest, each by place', () => {
    expect(ids(queueOrder({ waiting, history: [], rule: rule({ priority: 'ahead' }) }))).toEqual([
      'A7',
      'A2',
      'A5',
      'A1',
      'A3',
      'A4',
      'A6',
      'A8',
    ]);
  });

  it('interleave one in three: two regular, then a priority patient; emergencies first', () => {
    const order = queueOrder({ waiting, history: [], rule: rule({ priority: 'interleave', interleaveEvery: 3 }) });
    expect(ids(order)).toEqual(['A7', 'A1', 'A3', 'A2', 'A4', 'A6', 'A5', 'A8']);
  });

  it('interleave continues from the calls already made today', () => {
    const history = [call(0, 'senior'), call(1, 'none'), call(2, 'none')]; // two regular calls since the last priority one
    expect(regularStreak(history, rule({ priority: 'interleave' }), '101')).toBe(2);
    const next = nextInQueue({ waiting: waiting.filter((e) => e.id !== 'A7'), history, rule: rule({ priority: 'interleave' }) });
    expect(next?.id).toBe('A2');
    // History in any order gives the same answer: it is sorted by time.
    expect(nextInQueue({ waiting, history: [...history].reverse(), rule: rule({ priority: 'interleave' }) })?.id).toBe('A7');
  });

  it('interleave with nobody regular left takes the priority patients, and with no priority the regular ones', () => {
    const onlyPriority = ['s1', 'd2'].map((s) => entry(s));
    expect(ids(queueOrder({ waiting: onlyPriority, history: [], rule: rule({ priority: 'interleave' }) }))).toEqual(['A1', 'A2']);
    const onlyRegular = ['r1', 'r2', 'r3', 'r4'].map((s) => entry(s));
    expect(ids(queueOrder({ waiting: onlyRegular, history: [], rule: rule({ priority: 'interleave' }) }))).toHaveLength(4);
  });

  it('per-room queues: a room sees its own tokens and the unassigned ones; its own calls drive one in N', () => {
    const perRoom = rule({ rooms: 'per_room', priority: 'interleave', interleaveEvery: 2 });
    const mixed = [entry('r1', 'A', '101'), entry('s2', 'A', '102'), entry('r3', 'A', null), entry('s4', 'A', '101')];
    expect(ids(queueOrder({ waiting: mixed, history: [], rule: perRoom, room: '101' }))).toEqual(['A1', 'A4', 'A3']);
    expect(ids(queueOrder({ waiting: mixed, history: [], rule: perRoom, room: '102' }))).toEqual(['A3', 'A2']);
    // Room 102's regular call does not count towards room 101's turn.
    const history = [call(0, 'none', '102')];
    expect(regularStreak(history, perRoom, '101')).toBe(0);
    expect(regularStreak(history, perRoom, '102')).toBe(1);
    // A shared queue ignores the room asking.
    expect(ids(queueOrder({ waiting: mixed, history: [], rule: rule({ priority: 'arrival' }), room: '101' }))).toHaveLength(4);
  });

  it('a token put back at the end waits behind everyone queued before it', () => {
    const back = { ...entry('r1'), queueAt: new Date(Date.UTC(2026, 10, 25, 5, 0)).toISOString() };
    expect(
      ids(queueOrder({ waiting: [back, entry('r2'), entry('r3')], history: [], rule: rule({ priority: 'arrival' }) })),
    ).toEqual(['A2', 'A3', 'A1']);
  });

  it('merges rows from two counters by concatenation: same order whichever list comes first', () => {
    const a = ['r1', 's3', 'r5'].map((s) => entry(s, 'A'));
    // Counter B issued at the same minutes: ties break by counter letter, then number.
    const b = ['r1', 'r2', 's3'].map((s) => entry(s, 'B'));
    const one = queueOrder({ waiting: [...a, ...b], history: [], rule: rule({ priority: 'ahead' }) });
    const other = queueOrder({ waiting: [...b, ...a], history: [], rule: rule({ priority: 'ahead' }) });
    expect(ids(one)).toEqual(ids(other));
    expect(ids(one)).toEqual(['A3', 'B3', 'A1', 'B1', 'B2', 'A5']);
  });

  it('an empty queue has no next', () => {
    expect(nextInQueue({ waiting: [], history: [], rule: DEFAULT_QUEUE_RULE })).toBeNull();
  });
});
