// queue.* — the OPD queue after the token (docs/design.md §9): a room calls
// its next patient by the department's rule, moves a token on, the hall
// board reads who is called, and today's waiting times come from the moves.
import { z } from 'zod';
import { DepartmentCode, IsoDate, RoomCode } from '../fields';
import type { MethodSpec } from '../method-spec';
import {
  BoardInput,
  BoardSessionInfo,
  BoardView,
  CallNextInput,
  MoveInput,
  MoveResult,
  QueueView,
  WaitingTimes,
  WaitingTimesInput,
} from './queue-schemas';

export const queueMethods = {
  'queue.list': {
    summary:
      "A department's queue today (or a room's, when its rooms keep their own): waiting in call order, at the rooms, set aside.",
    input: z
      .object({
        departmentCode: DepartmentCode,
        room: RoomCode.optional(),
        date: IsoDate.optional(),
        /** How many of the waiting to return in full (the count is of all). */
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: QueueView,
  },
  'queue.callNext': {
    summary:
      "Call the next patient by the department's rule into this room; the room's current patient is finished first. Atomic: two rooms never get the same token.",
    input: CallNextInput,
    output: MoveResult,
  },
  'queue.move': {
    summary:
      'Move one token: call, recall (announce again), start (patient in), finish, no_show, skip, return (back into the queue), entered_in_error.',
    input: MoveInput,
    output: MoveResult,
  },
  'queue.board': {
    summary:
      'What the hall board shows for its departments: called now with rooms, the last few called, how many wait. No names unless allowed.',
    input: BoardInput,
    output: BoardView,
  },
  'queue.waitingTimes': {
    summary: 'Issue to first call and consultation times per department and room, from the recorded moves, for a range of days.',
    input: WaitingTimesInput,
    output: WaitingTimes,
  },
  'boards.list': {
    summary: 'The hall boards supervisors started, running or ended (never their tokens).',
    input: z.object({ includeEnded: z.boolean().optional() }).strict(),
    output: z.array(BoardSessionInfo),
  },
  'boards.end': {
    summary: 'End a hall board: its screen asks for a supervisor again.',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: BoardSessionInfo,
  },
} as const satisfies Record<string, MethodSpec>;
