// A department's queue rule and which statuses a token can move between
// (docs/design.md §9, docs/decisions.md "The queue"). Pure zod and data: the
// core enforces it, the screens use it to offer only the moves that can work.
import { z } from 'zod';
import type { TokenStatus } from './fields';

export const QueueRule = z.object({
  /**
   * ahead: priority patients (senior, divyang, pregnant, staff) before the
   * rest; interleave: one priority patient in every `interleaveEvery` calls;
   * arrival: by place in the queue only. Emergencies go first in every mode
   * but arrival.
   */
  priority: z.enum(['ahead', 'interleave', 'arrival']),
  interleaveEvery: z.number().int().min(2).max(20),
  /** shared: every room calls from one queue; per_room: each token waits for one room, chosen at issue. */
  rooms: z.enum(['shared', 'per_room']),
  /** A skipped or no-show token put back: keeps its place, or goes to the end. */
  returnTo: z.enum(['place', 'end']),
});
export type QueueRule = z.infer<typeof QueueRule>;

export const DEFAULT_QUEUE_RULE: QueueRule = { priority: 'ahead', interleaveEvery: 3, rooms: 'shared', returnTo: 'place' };

/** What a room screen or the counter may ask of a token (cancel and transfer are tokens.*). */
export const QueueMove = z.enum(['call', 'recall', 'start', 'finish', 'no_show', 'skip', 'return', 'entered_in_error']);
export type QueueMove = z.infer<typeof QueueMove>;

/** Every move recorded in a token's history: the queue moves, and the counter's cancel and transfer. */
export const RecordedMove = z.enum([...QueueMove.options, 'cancel', 'transfer']);
export type RecordedMove = z.infer<typeof RecordedMove>;

/** From which statuses each move may be made, and where it leads. */
export const MOVES: Record<QueueMove, { from: readonly TokenStatus[]; to: TokenStatus }> = {
  call: { from: ['issued', 'skipped', 'no_show'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'in_consultation' },
  finish: { from: ['called', 'in_consultation'], to: 'done' },
  no_show: { from: ['called'], to: 'no_show' },
  skip: { from: ['issued', 'called'], to: 'skipped' },
  return: { from: ['skipped', 'no_show'], to: 'issued' },
  entered_in_error: { from: ['issued', 'called', 'in_consultation', 'done', 'no_show', 'skipped'], to: 'entered_in_error' },
};

export function canMove(status: TokenStatus, move: QueueMove): boolean {
  return MOVES[move].from.includes(status);
}

/** Still the patient's token today: it blocks a second one in the department and can be cancelled or moved on. */
export const OPEN_STATUSES: readonly TokenStatus[] = ['issued', 'called', 'in_consultation', 'no_show', 'skipped'];
/** The counter may cancel or transfer these (not once the doctor is seeing the patient). */
export const CANCELLABLE_STATUSES: readonly TokenStatus[] = ['issued', 'called', 'no_show', 'skipped'];
/** A room is busy with these. */
export const AT_ROOM_STATUSES: readonly TokenStatus[] = ['called', 'in_consultation'];
