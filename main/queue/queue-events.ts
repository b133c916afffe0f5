// The queue's push event (preload/contract/queue-events.ts), sent after the
// change has committed: a screen told of a move can read it at once.
import type { RecordedMove } from '../../preload/contract/queue-rule';
import type { Token } from '../../preload/contract/records';
import type { CoreEvents } from '../core/core-events';

export function emitQueueChanged(events: CoreEvents, token: Token, move: RecordedMove | 'issue', at: string): void {
  events.emit('queue.changed', {
    departmentCode: token.departmentCode,
    visitDate: token.visitDate,
    tokenId: token.id,
    label: token.label,
    move,
    status: token.status,
    room: token.callRoom,
    callCount: token.callCount,
    at,
  });
}
