// Shared shapes of the sync engine (docs/design.md §6).
import type { Clock } from '../core/clock';

export type SyncState = 'disabled' | 'idle' | 'syncing' | 'offline' | 'error';

/**
 * HIMS credentials go through the core's secret store (main/cards/secret-store.ts):
 * Electron implements it with safeStorage, the browser shell with 0600 files.
 * The core never imports electron. An empty value means "none".
 */
export type { SecretStore } from '../config/secret-store';
import type { SecretStore } from '../config/secret-store';

/** Timers, injected so tests drive back-off without sleeping. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SyncDeps {
  clock: Clock;
  /** Uniform in [0, 1): the jitter source. */
  random: () => number;
  secrets: SecretStore;
  scheduler?: Scheduler;
  /** level: error unless said (main/log/logger.ts). */
  log?: (message: string, level?: 'info' | 'warn' | 'error') => void;
}

export const SECRET_NAMES = { bearerToken: 'hims.bearer-token', clientSecret: 'hims.client-secret' } as const;

export function memorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const values = new Map(Object.entries(initial));
  return { kind: 'plain-file', read: (name) => values.get(name) || null, write: (name, value) => void values.set(name, value) };
}
