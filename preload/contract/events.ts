// Push events: what the core tells the UI without being asked (a serial
// scanner read a card; later, sync status). Each has a zod schema, like the
// methods. Transports: SSE at GET /api/events in the browser shell, one IPC
// channel (EVENT_CHANNEL) through the preload bridge in Electron.
import { z } from 'zod';
import { ScannerStatus } from './methods/card-schemas';
import { SyncStatus } from './methods/sync-schemas';
import { BackupStatus, ClockStatus } from './methods/ops-schemas';
import { QueueChanged } from './queue-events';

export { EVENT_CHANNEL } from '../event-channel';

export const events = {
  /** A serial (USB-COM) scanner read something; the UI sends it to cards.resolve like any scan. */
  'scanner.scan': z.object({ text: z.string().max(8_000), source: z.literal('serial') }),
  'scanner.status': ScannerStatus,
  /** The HIMS sync engine's state changed or a round ended (main/sync). */
  'sync.status': SyncStatus,
  /** Who this counter is, or the HIMS's answer about its letter, changed: read counter.info again. */
  'counter.changed': z.object({}),
  /** A department was changed (names, rooms, shortcut, queue rule): read departments.list again. */
  'departments.changed': z.object({ code: z.string() }),
  /** This computer's clock became (un)trustworthy (main/clock). */
  'clock.status': ClockStatus,
  /** A backup started, finished or failed, or became overdue (main/backup). */
  'backup.status': BackupStatus,
  /** A token joined, moved in or left a department's queue (issued, called, finished, cancelled …). No names. */
  'queue.changed': QueueChanged,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export type CoreEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** What the preload exposes as window.counterEvents (Electron only). */
export interface CounterEventsApi {
  subscribe(listener: (event: CoreEvent) => void): () => void;
}
