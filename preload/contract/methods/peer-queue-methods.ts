// peer.* for the department queue across the hospital's counters
// (docs/peers.md "One queue per department"): a counter reads another's part
// of a department's queue and asks the owner of a token to move it. The owner
// alone changes its tokens, in its own transaction, so two rooms on two
// counters can never call the same patient.
import { z } from 'zod';
import { DepartmentCode, RoomCode, Uuid } from '../fields';
import type { MethodSpec } from '../method-spec';
import { Priority } from '../fields';
import { Token } from '../records';
import { BoardDepartment, MoveInput, MoveResult } from './queue-schemas';
import { DepartmentsStamp } from './peer-departments-methods';

/** A waiting token as the queue rule sees it (main/queue/queue-order.ts QueueEntry). */
export const PeerQueueEntry = z.object({
  id: z.string(),
  counterLetter: z.string(),
  number: z.number().int(),
  priority: Priority,
  queueAt: z.string(),
  issuedAt: z.string(),
  assignedRoom: z.string().nullable(),
});

/** A first call already made today (the one-in-N rule looks back at them). */
export const PeerCallRecord = z.object({ at: z.string(), priority: Priority, room: z.string().nullable() });

/** How much of its queue a counter sends at most (the answer must also stay under the peer call's 1 MB). */
export const PEER_QUEUE_CAPS = { waiting: 2000, history: 100, atRoom: 200, setAside: 500 } as const;

export const PeerQueue = z.object({
  /** All waiting (queue.list) or the head of each priority class (call next), unordered. */
  waiting: z.array(PeerQueueEntry).max(PEER_QUEUE_CAPS.waiting),
  history: z.array(PeerCallRecord).max(PEER_QUEUE_CAPS.history),
  /** Called or in consultation: at the room asked about, or at every room. */
  atRoom: z.array(Token).max(PEER_QUEUE_CAPS.atRoom),
  /** Skipped or no-show today (queue.list only). */
  setAside: z.array(Token).max(PEER_QUEUE_CAPS.setAside),
  /** Which copy of the departments and their rules this counter holds: the asker takes a newer one first. */
  departments: DepartmentsStamp,
});
export type PeerQueue = z.infer<typeof PeerQueue>;

const QueueQuery = z
  .object({
    departmentCode: DepartmentCode,
    /** Per-room queues: the room asking; null: the whole department. */
    room: RoomCode.nullable(),
    /** heads: the first of each priority class (enough for call next); all: every waiting token. */
    scope: z.enum(['heads', 'all']),
  })
  .strict();

export const peerQueueMethods = {
  'peer.queue': {
    summary:
      "This counter's part of a department's queue today: waiting rows for the rule, the calls made, the tokens at the rooms.",
    input: QueueQuery,
    output: PeerQueue,
  },
  'peer.tokens': {
    summary: "Some of this counter's tokens in full, for a room screen showing the merged queue.",
    input: z.object({ ids: z.array(Uuid).max(500) }).strict(),
    output: z.array(Token),
  },
  'peer.board': {
    summary: "This counter's part of what a hall board shows for one department.",
    input: z
      .object({ departmentCode: DepartmentCode, names: z.enum(['none', 'first']), recent: z.number().int().min(0).max(12) })
      .strict(),
    output: BoardDepartment,
  },
  'peer.call': {
    summary:
      "Call this counter's token into another counter's room, if it is still waiting (atomic here: a second caller is told it is gone). The move id makes a retry harmless.",
    input: z.object({ moveId: Uuid, tokenId: Uuid, room: RoomCode }).strict(),
    output: z.object({ token: Token.nullable(), replayed: z.boolean() }),
  },
  'peer.move': {
    summary:
      "Move this counter's token for a room at another counter (recall, in, done, no-show, skip, put back, entered in error).",
    input: MoveInput,
    output: MoveResult,
  },
} as const satisfies Record<string, MethodSpec>;
