// Wires the sync engine into the core: its handlers, its status pushed as an
// event, and start/stop. The engine starts only when the shell asks
// (autoStart) — tests and other cores never sync by themselves — and even
// then does nothing until sync is enabled in the settings.
import type { CoreContext } from '../core/core-context';
import type { CoreEvents } from '../core/core-events';
import type { HandlerMap } from '../core/registry';
import { SyncEngine, type SyncEngineOptions } from './sync-engine';
import { syncHandlers } from './sync-handlers';
import type { SecretStore } from './sync-types';

export type SyncServiceOptions = Partial<
  Omit<SyncEngineOptions, 'db' | 'clock' | 'secrets' | 'onStatus' | 'identity' | 'appVersion' | 'onCounterChecked'>
> & {
  /** Start the loop with the core (the Electron and browser shells do). */
  autoStart?: boolean;
};

export interface SyncService {
  engine: SyncEngine;
  handlers: HandlerMap;
  start(): void;
  stop(): void;
}

export function createSyncService(
  ctx: CoreContext,
  secrets: SecretStore,
  events: CoreEvents,
  options: SyncServiceOptions = {},
): SyncService {
  const engine = new SyncEngine({
    random: Math.random,
    ...options,
    db: ctx.db,
    clock: ctx.clock,
    secrets,
    onStatus: (status) => events.emit('sync.status', status),
    identity: () => ctx.identity,
    appVersion: ctx.appVersion,
    onCounterChecked: () => events.emit('counter.changed', {}),
  });
  return {
    engine,
    handlers: syncHandlers(ctx.db, engine, secrets, ctx.clock),
    start: () => {
      if (options.autoStart) engine.start();
    },
    stop: () => engine.stop(),
  };
}
