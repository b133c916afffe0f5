import type { Database } from 'better-sqlite3';
import type { CounterIdentity } from '../config/counter-identity';
import { localDate, type Clock } from './clock';

/** What every handler needs: the database, who this counter is, and time. */
export interface CoreContext {
  db: Database;
  identity: CounterIdentity;
  clock: Clock;
  shell: 'electron' | 'browser';
  appVersion: string;
}

export function today(ctx: CoreContext): string {
  return localDate(ctx.clock.now(), ctx.identity.timeZone);
}

export function nowIso(ctx: CoreContext): string {
  return ctx.clock.now().toISOString();
}
