// The sync engine as an explicit state machine (docs/design.md §6, docs/style.md "Sync"):
//
//   disabled ──settings enabled──▶ idle ──round──▶ syncing ──ok──▶ idle
//                                    ▲                │
//                                    │      transient │ (network, 5xx, 429)
//                                    └──back-off── offline / error ◀┘ (401, bad CA, refused Bundle)
//
// Clock, randomness and timers are injected; no module state. A round is
// bounded (one Bundle of `batch_size` records plus a few pull pages), and the
// registering and issuing paths never wait on it: they only write outbox rows.
import type { Database } from 'better-sqlite3';
import type { SyncStatus } from '../../preload/contract/methods/sync-schemas';
import { createHimsClient, PermanentError, TransientError, type HimsClient } from './hims-client';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { pullPatients } from './pull';
import { pullCardIssuers, pullDepartments } from './pull-config';
import { pushOnce } from './push';
import { markAttempt, openReviewCount, pendingRows, pendingSummary, readLog, readSettings, updateLog } from './sync-store';
import { realScheduler, SECRET_NAMES, type SyncDeps, type SyncState } from './sync-types';
import { writeTransaction } from '../db/transaction';
import type { CounterIdentity } from '../config/counter-identity';
import { checkCounterLetter } from './counter-device';

export interface SyncEngineOptions extends SyncDeps {
  db: Database;
  backoff?: BackoffPolicy;
  /** Quiet period between rounds when nothing is pending (new rows are noticed on the next poll). */
  idlePollMs?: number;
  pullPageSize?: number;
  pullMaxPages?: number;
  /** For the bench: the same engine sending one request per resource. */
  pushMode?: 'bundle' | 'single';
  /** How often departments and card issuers are pulled (default 15 minutes). */
  configEveryMs?: number;
  /** Notified after every state change (the core pushes it to the UI). */
  onStatus?: (status: SyncStatus) => void;
  /** Who this counter is, read at each check: its Device at the HIMS and the letter check (counter-device.ts). */
  identity?: () => CounterIdentity;
  appVersion?: string;
  /** Notified after each letter check, answered or refused. */
  onCounterChecked?: () => void;
  /** The HIMS's clock, from each answer's Date header (main/clock/clock-monitor.ts). */
  onServerDate?: (serverDate: Date, localAt: Date) => void;
  /**
   * Steps that run after a round that left nothing waiting (the audit
   * checkpoint, main/audit/audit-checkpoint.ts); a failure of one is logged and
   * retried next round, never held against the sync state.
   */
  afterRound?: ((client: HimsClient, now: () => string) => Promise<void>)[];
}

export interface RoundOutcome {
  state: SyncState;
  /** When the engine would run again by itself. */
  nextInMs: number | null;
  pushed: number;
  pulled: number;
}

export class SyncEngine {
  private state: SyncState = 'disabled';
  private failures = 0;
  private timer: unknown = null;
  private running: Promise<RoundOutcome> | null = null;
  private nextAttemptAt: Date | null = null;
  private started = false;
  private configPulledAt: number | null = null;
  private client: { key: string; client: HimsClient } | null = null;
  private counterCheckRefused = false;
  private readonly scheduler;

  constructor(private readonly o: SyncEngineOptions) {
    this.scheduler = o.scheduler ?? realScheduler;
  }

  /** Begins the loop if sync is enabled in the settings. */
  start(): void {
    this.started = true;
    this.reschedule(0);
  }

  stop(): void {
    this.started = false;
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }

  /** The counter's letter or name changed: check it at the HIMS in the next round. */
  recheckCounter(): void {
    this.configPulledAt = null;
    if (this.started) this.reschedule(0);
  }

  /** Whether the HIMS refused the last letter check (rather than being out of reach). */
  letterCheckRefused(): boolean {
    return this.counterCheckRefused;
  }

  /** Settings changed: forget the client (and its token) and run soon. */
  reconfigure(): void {
    this.client = null;
    this.configPulledAt = null;
    this.failures = 0;
    if (this.started) this.reschedule(0);
    else this.setState(readSettings(this.o.db).enabled ? 'idle' : 'disabled');
  }

  /** The letter check never fails a round: registering and issuing do not depend on it. */
  private async checkCounter(client: HimsClient, now: () => string): Promise<void> {
    const identity = this.o.identity?.();
    if (!identity) return;
    try {
      const outcome = await checkCounterLetter(this.o.db, client, { identity, appVersion: this.o.appVersion ?? 'unknown', now });
      this.counterCheckRefused = outcome === 'refused';
    } catch (err) {
      this.o.log?.(`counter letter check failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.o.onCounterChecked?.();
  }

  status(): SyncStatus {
    const now = this.o.clock.now();
    const { pending, oldest } = pendingSummary(this.o.db);
    const log = readLog(this.o.db);
    if (this.state === 'disabled' && readSettings(this.o.db).enabled) this.state = 'idle';
    return {
      state: this.state,
      pending,
      oldestPendingAt: oldest,
      oldestPendingAgeSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / 1000)) : null,
      lastSuccessAt: log.last_success_at,
      lastError: log.last_error,
      lastErrorAt: log.last_error_at,
      nextAttemptAt: this.nextAttemptAt?.toISOString() ?? null,
      reviewOpen: openReviewCount(this.o.db),
    };
  }

  /** One round now (or the one already running). */
  runOnce(): Promise<RoundOutcome> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  /**
   * A round that starts after this call (sync.now). A round already running
   * read the outbox before the caller's latest save, so joining it would
   * answer "sent" with that save still waiting: wait it out, then run (or join
   * the round another caller started since, which also began after this call).
   */
  async roundAfterNow(): Promise<RoundOutcome> {
    if (this.running) await this.running.catch(() => undefined);
    return this.runOnce();
  }

  private async round(): Promise<RoundOutcome> {
    const db = this.o.db;
    const settings = readSettings(db);
    if (!settings.enabled || !settings.base_url) {
      this.setState('disabled');
      return { state: 'disabled', nextInMs: null, pushed: 0, pulled: 0 };
    }
    // "Sending" is what the clerk cares about; a quiet poll of the HIMS keeps the strip as it was.
    if (this.state !== 'idle' || pendingSummary(db).pending > 0) this.setState('syncing');
    const now = () => this.o.clock.now().toISOString();
    let tried: number[] = [];
    try {
      const client = this.clientFor(settings);
      const push = await pushOnce(db, client, { batchSize: settings.batch_size, now, mode: this.o.pushMode ?? 'bundle' });
      tried = push.tried;
      const pull = await pullPatients(db, client, {
        pageSize: this.o.pullPageSize ?? 200,
        maxPages: push.more ? 1 : (this.o.pullMaxPages ?? 5),
        now,
      });
      const configDue =
        this.configPulledAt === null ||
        this.o.clock.now().getTime() - this.configPulledAt >= (this.o.configEveryMs ?? 15 * 60_000);
      if (pull.done && !push.more && configDue) {
        this.configPulledAt = this.o.clock.now().getTime();
        await pullDepartments(db, client, now);
        await pullCardIssuers(db, client, now, this.o.log);
        await this.checkCounter(client, now);
      }
      this.failures = 0;
      updateLog(db, { last_success_at: now() });
      const more = push.more || !pull.done;
      if (push.sent > 0 || pull.received > 0 || this.state !== 'idle')
        this.o.log?.(`sync round: sent ${push.sent}, received ${pull.received}${more ? ', more waiting' : ''}`, 'info');
      if (!more) {
        for (const step of this.o.afterRound ?? []) {
          await step(client, now).catch((err: unknown) =>
            this.o.log?.(`sync: a step after the round failed: ${err instanceof Error ? err.message : String(err)}`, 'warn'),
          );
        }
      }
      this.setState('idle');
      return this.after({
        state: 'idle',
        nextInMs: more ? 0 : (this.o.idlePollMs ?? 5_000),
        pushed: push.sent,
        pulled: pull.received,
      });
    } catch (err) {
      this.failures++;
      const words = err instanceof Error ? err.message : String(err);
      const transient = err instanceof TransientError;
      const state: SyncState = transient ? 'offline' : 'error';
      if (tried.length === 0) tried = pendingRows(db, settings.batch_size).map((r) => r.seq);
      if (tried.length) writeTransaction(db, () => markAttempt(db, tried, words));
      updateLog(db, { last_error: words, last_error_at: now() });
      if (!(err instanceof TransientError) && !(err instanceof PermanentError)) this.o.log?.(`sync round failed: ${words}`);
      else if (this.failures === 1 || this.state !== state) this.o.log?.(`sync round failed (${state}): ${words}`, 'warn');
      const delay = backoffDelay(
        this.failures,
        this.o.random,
        this.o.backoff ?? DEFAULT_BACKOFF,
        transient ? err.retryAfterMs : null,
      );
      this.setState(state);
      return this.after({ state, nextInMs: delay, pushed: 0, pulled: 0 });
    }
  }

  private after(outcome: RoundOutcome): RoundOutcome {
    this.nextAttemptAt = outcome.nextInMs === null ? null : new Date(this.o.clock.now().getTime() + outcome.nextInMs);
    if (this.started && outcome.nextInMs !== null) this.reschedule(outcome.nextInMs);
    this.o.onStatus?.(this.status());
    return outcome;
  }

  private reschedule(ms: number): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      void this.runOnce();
    }, ms);
  }

  private clientFor(settings: ReturnType<typeof readSettings>): HimsClient {
    const key = JSON.stringify(settings);
    if (this.client?.key === key) return this.client.client;
    const credentials = {
      bearerToken: this.o.secrets.read(SECRET_NAMES.bearerToken) || null,
      clientSecret: this.o.secrets.read(SECRET_NAMES.clientSecret) || null,
    };
    const client = createHimsClient(settings, credentials, () => this.o.clock.now(), this.o.onServerDate);
    this.client = { key, client };
    return client;
  }

  private setState(state: SyncState): void {
    if (this.state === state) return;
    this.state = state;
    this.o.onStatus?.(this.status());
  }
}
