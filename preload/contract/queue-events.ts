// The push event of the queue: sent to room screens and hall boards (and the
// counter's queue panel) when a department's queue changed. It carries no
// patient data, so a board may receive it; screens read what they show
// through their own method (queue.list, queue.board).
import { z } from 'zod';
import { TokenStatus } from './fields';
import { RecordedMove } from './queue-rule';

export const QueueChanged = z.object({
  departmentCode: z.string(),
  visitDate: z.string(),
  tokenId: z.string(),
  label: z.string(),
  /** What happened: a recorded move, or 'issue' for a new token. */
  move: z.union([RecordedMove, z.literal('issue')]),
  status: TokenStatus,
  /** The room that made the move (a call's room), if any. */
  room: z.string().nullable(),
  /** The token's calls so far: a board announces each new call once (recalls too). */
  callCount: z.number().int(),
  at: z.string(),
});
export type QueueChanged = z.infer<typeof QueueChanged>;
