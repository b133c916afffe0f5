// Assembles the core: the database, who this counter is, and every handler of
// the contract behind one validating registry. Both shells (Electron and the
// browser shell) and the tests start here.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { loadCounterIdentity, type CounterSettings } from '../config/counter-identity';
import { openDatabase } from '../db/open-database';
import { departmentsHandlers } from '../departments/departments-handlers';
import { patientsHandlers } from '../patients/patients-handlers';
import { tokensHandlers } from '../tokens/tokens-handlers';
import { systemClock, type Clock } from './clock';
import { today, type CoreContext } from './core-context';
import { createRegistry, type HandlerMap, type Registry } from './registry';
import { APP_VERSION } from './app-version';

export interface CoreOptions {
  /** Folder holding counter.sqlite (Electron: the user-data folder). */
  dataDir: string;
  shell: 'electron' | 'browser';
  settings?: CounterSettings;
  clock?: Clock;
  nativeBinding?: string;
  log?: (message: string) => void;
}

export interface Core {
  registry: Registry;
  context: CoreContext;
  db: Database;
  close(): void;
}

export const DATABASE_FILE = 'counter.sqlite';

export function createCore(options: CoreOptions): Core {
  const db = openDatabase(
    join(options.dataDir, DATABASE_FILE),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    const context: CoreContext = {
      db,
      identity: loadCounterIdentity(db, options.settings),
      clock: options.clock ?? systemClock,
      shell: options.shell,
      appVersion: APP_VERSION,
    };
    const counterHandlers: HandlerMap = {
      'counter.info': () => ({
        ...context.identity,
        appVersion: APP_VERSION,
        schemaVersion: db.pragma('user_version', { simple: true }) as number,
        today: today(context),
        shell: context.shell,
      }),
    };
    const registry = createRegistry(
      [counterHandlers, departmentsHandlers(context), patientsHandlers(context), tokensHandlers(context)],
      options.log,
    );
    return { registry, context, db, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}
