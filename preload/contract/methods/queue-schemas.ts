// Shapes of the queue.* methods: a room's view of its queue, the result of a
// move, the hall board's feed and the day's waiting times.
import { z } from 'zod';
import { DepartmentCode, IsoDate, RoomCode, TokenStatus, Uuid, requiredText } from '../fields';
import { QueueMove, QueueRule } from '../queue-rule';
import { Token } from '../records';
import { PeerProblem } from './peers-methods';

/** Counters of the hospital whose part of the queue could not be read just now. */
export const NotShown = z.array(z.object({ counterLetter: z.string(), problem: PeerProblem })).default([]);

export const QueueView = z.object({
  departmentCode: z.string(),
  date: z.string(),
  /** The room asked about (its own queue when rooms are per room), or null for the whole department. */
  room: z.string().nullable(),
  rule: QueueRule,
  /** Waiting, in the order "call next" will take them (the first `limit`). */
  waiting: z.array(Token),
  /** How many wait in this queue in all. */
  waitingCount: z.number().int(),
  /** Called or in consultation: the room's own (or every room's when none was named), latest call first. */
  atRoom: z.array(Token),
  /** Skipped or no-show today, latest first: they can be put back or called directly. */
  setAside: z.array(Token),
  /** The core's clock when this was read: waiting times are shown against it, not the screen's clock. */
  serverTime: z.string(),
  /** Paired counters that did not answer: their tokens are not in this queue (docs/peers.md). */
  notShown: NotShown,
  /**
   * Counters (this one included) that hold an older copy of the departments'
   * rooms and rules than the newest heard of: they are being brought up to date.
   */
  olderCopies: z.array(z.string()),
});
export type QueueView = z.infer<typeof QueueView>;

export const MoveResult = z.object({
  /** The token the move was about, as it is now (null: "call next" found nobody waiting). */
  token: Token.nullable(),
  /** Calling the next patient finishes the room's current one: that token, if there was one. */
  finished: Token.nullable(),
  /** True when this move id had been made before: nothing was done again. */
  replayed: z.boolean(),
});
export type MoveResult = z.infer<typeof MoveResult>;

export const CallNextInput = z
  .object({
    /** The caller's id for this press of the key: sent again after a lost answer, it is not a second call. */
    moveId: Uuid,
    departmentCode: DepartmentCode,
    room: RoomCode,
  })
  .strict();

/** The fields some moves cannot do without, for the check and for the schema alike. */
const FIELD_A_MOVE_NEEDS: Partial<Record<QueueMove, { field: 'room' | 'reason'; message: string }>> = {
  call: { field: 'room', message: 'is required to call a patient' },
  entered_in_error: { field: 'reason', message: 'is required to mark a token entered in error' },
};

export const MoveInput = z
  .object({
    moveId: Uuid,
    tokenId: Uuid,
    move: QueueMove,
    /** The token's version as the screen saw it: a token changed meanwhile is a VERSION_CONFLICT. */
    version: z.number().int().min(1),
    /** The room making the move; a call needs one (FIELD_A_MOVE_NEEDS). */
    room: RoomCode.optional(),
    /** Why a token is marked entered in error (required for that move). */
    reason: requiredText(200).optional(),
    /** The letter of the counter that issued the token, as the screen shows it: the move goes to that counter alone. */
    counterLetter: z
      .string()
      .regex(/^[A-Z]$/)
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const needs = FIELD_A_MOVE_NEEDS[input.move];
    if (needs && input[needs.field] === undefined) {
      ctx.addIssue({ code: 'custom', path: [needs.field], message: needs.message });
    }
  })
  // The same rule in the JSON Schema (GET /api), so a script sees what the core requires.
  .meta({
    allOf: Object.entries(FIELD_A_MOVE_NEEDS).map(([move, needs]) => ({
      if: { properties: { move: { const: move } }, required: ['move'] },
      then: { required: [needs.field], description: `${needs.field} ${needs.message}` },
    })),
  });

/** One token on the hall board: label and room, never more unless the board was started with first names. */
export const BoardCall = z.object({
  tokenId: z.string(),
  label: z.string(),
  room: z.string(),
  status: TokenStatus,
  calledAt: z.string(),
  callCount: z.number().int(),
  /** Only for a board started to show first names. */
  firstName: z.string().nullable(),
});
export type BoardCall = z.infer<typeof BoardCall>;

export const BoardDepartment = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameHi: z.string(),
  /** Called and not yet in the room, latest first. */
  nowCalling: z.array(BoardCall),
  /** The last few called before those. */
  recent: z.array(BoardCall),
  waiting: z.number().int(),
});
export type BoardDepartment = z.infer<typeof BoardDepartment>;

export const BoardView = z.object({
  date: z.string(),
  serverTime: z.string(),
  departments: z.array(BoardDepartment),
  /** Paired counters that did not answer: their calls are not on the board. */
  notShown: NotShown,
});
export type BoardView = z.infer<typeof BoardView>;

export const BoardInput = z
  .object({
    departmentCodes: z.array(DepartmentCode).min(1).max(12),
    /** First names on the board: only if the board was started to show them. */
    names: z.enum(['none', 'first']).default('none'),
    /** How many earlier calls to list per department. */
    recent: z.number().int().min(0).max(12).default(6),
  })
  .strict();

/** Durations in seconds over a set of tokens; null when there were none. */
export const DurationStats = z.object({
  count: z.number().int(),
  meanSeconds: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  maxSeconds: z.number().nullable(),
});
export type DurationStats = z.infer<typeof DurationStats>;

export const WaitingTimesRow = z.object({
  departmentCode: z.string(),
  /** null: the whole department. */
  room: z.string().nullable(),
  /** From issue to the first call (room: the room that called first). */
  toFirstCall: DurationStats,
  /** From the patient going in (or the last call, if nobody pressed "in") to done (room: where it finished). */
  consultation: DurationStats,
  noShows: z.number().int(),
});
export type WaitingTimesRow = z.infer<typeof WaitingTimesRow>;

export const WaitingTimes = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(WaitingTimesRow),
});
export type WaitingTimes = z.infer<typeof WaitingTimes>;

export const WaitingTimesInput = z
  .object({
    /** Visit dates, inclusive; both default to today. At most 92 days. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    departmentCode: DepartmentCode.optional(),
  })
  .strict();

/** A hall board a supervisor started (never its token). */
export const BoardSessionInfo = z.object({
  id: z.string(),
  departmentCodes: z.array(z.string()),
  showFirstNames: z.boolean(),
  startedBy: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
});
export type BoardSessionInfo = z.infer<typeof BoardSessionInfo>;
