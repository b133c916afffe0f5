// The room screen's keys: one letter each, matched by the key's place on the
// keyboard (lib/key-place.ts), so they work with a Hindi (InScript) layout
// too. Shown on their buttons.
import type { QueueMove } from '../../../preload/contract/queue-rule';
import { keyLetter } from '../lib/key-place';

export type RoomKeyAction = 'next' | Extract<QueueMove, 'recall' | 'start' | 'finish' | 'no_show' | 'skip'>;

export const ROOM_KEYS: readonly { action: RoomKeyAction; key: string }[] = [
  { action: 'next', key: 'N' },
  { action: 'recall', key: 'R' },
  { action: 'start', key: 'I' },
  { action: 'finish', key: 'D' },
  { action: 'no_show', key: 'X' },
  { action: 'skip', key: 'S' },
];

export function roomKeyAction(e: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): RoomKeyAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const letter = keyLetter(e);
  return ROOM_KEYS.find((k) => k.key === letter)?.action ?? null;
}
