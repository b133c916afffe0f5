// The room screen's keys: one letter each, matched by the key's place on the
// keyboard (KeyboardEvent.code), so they work with a Hindi (InScript) layout
// too. Shown on their buttons.
import type { QueueMove } from '../../../preload/contract/queue-rule';

export type RoomKeyAction = 'next' | Extract<QueueMove, 'recall' | 'start' | 'finish' | 'no_show' | 'skip'>;

export const ROOM_KEYS: readonly { action: RoomKeyAction; code: string; key: string }[] = [
  { action: 'next', code: 'KeyN', key: 'N' },
  { action: 'recall', code: 'KeyR', key: 'R' },
  { action: 'start', code: 'KeyI', key: 'I' },
  { action: 'finish', code: 'KeyD', key: 'D' },
  { action: 'no_show', code: 'KeyX', key: 'X' },
  { action: 'skip', code: 'KeyS', key: 'S' },
];

export function roomKeyAction(e: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): RoomKeyAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const found = ROOM_KEYS.find((k) => k.code === e.code || k.key === e.key.toUpperCase());
  return found?.action ?? null;
}
