// Assembles the core: the database, who this counter is, and every handler of
// the contract behind one validating registry. Both shells (Electron and the
// browser shell) and the tests start here.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { loadCounterIdentity, type CounterSettings } from '../config/counter-identity';
import { openDatabase } from '../db/open-database';
import { startCheckpointer } from '../db/checkpointer';
import { departmentsHandlers } from '../departments/departments-handlers';
import { patientsHandlers } from '../patients/patients-handlers';
import { tokensHandlers } from '../tokens/tokens-handlers';
import { queueHandlers } from '../queue/queue-handlers';
import { federatedQueueHandlers } from '../queue/queue-federation';
import { peerQueueHandlers } from '../queue/peer-queue-handlers';
import { cardsHandlers } from '../cards/cards-handlers';
import { plainFileSecretStore, type SecretStore } from '../config/secret-store';
import { createScannerService } from '../scanners/scanners-handlers';
import { createPrintWorker, type PrintWorkerOptions } from '../printing/print-worker';
import { printingHandlers } from '../printing/printing-handlers';
import { createSyncService, type SyncService, type SyncServiceOptions } from '../sync/sync-service';
import { createCoreEvents, type CoreEvents } from './core-events';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './core-context';
import { createRegistry, type Registry } from './registry';
import { counterHandlers } from '../counter/counter-handlers';
import { createCounterIdentityService } from '../counter/counter-identity-service';
import { createAuthGate } from '../auth/auth-gate';
import { authHandlers } from '../auth/auth-handlers';
import { clerksHandlers } from '../auth/clerks-handlers';
import { createDeskSessions, type DeskSession, type DeskSessions } from '../auth/desk-sessions';
import { createBoardSessions } from '../auth/board-sessions';
import { boardsHandlers } from '../auth/boards-handlers';
import { createSignInThrottle } from '../auth/sign-in-throttle';
import { APP_VERSION } from './app-version';
import { feesHandlers } from '../money/fees-handlers';
import { cashHandlers } from '../money/cash-handlers';
import { reportsHandlers } from '../reports/reports-handlers';
import { createPeerService, type PeerService, type PeerServiceOptions } from '../peers/peer-service';
import { peersHandlers } from '../peers/peers-handlers';
import { peerTicketHandlers, ticketsElsewhere } from '../money/tickets-elsewhere';
import { screensHandlers, type ScreensListening } from '../screens/screens-handlers';
import { departmentsSharing, peerDepartmentsHandlers } from '../departments/departments-sharing';
import { applyPendingRestore } from '../backup/backup-restore';
import { callbackLogger, fileLogger, logFn, type Logger } from '../log/logger';
import { createOps, type Ops, type OpsOptions } from '../ops/ops-service';
import { arrivalsHandlers } from '../patients/arrivals-handlers';
import { mergeHandlers } from '../patients/merge-handlers';
import { photoHandlers } from '../patients/photo-handlers';
import { placesHandlers } from '../places/places-handlers';

export interface CoreOptions {
  /** Folder holding counter.sqlite (Electron: the user-data folder). */
  dataDir: string;
  shell: 'electron' | 'browser';
  settings?: CounterSettings;
  clock?: Clock;
  nativeBinding?: string;
  /** A plain function for the log (tests); without it and without `logger`, pino into <dataDir>/logs. */
  log?: (message: string) => void;
  /** The log (main/log/logger.ts). */
  logger?: Logger;
  /** Backups, the clock watch, maintenance (main/ops): the shells pass autoStart. */
  ops?: OpsOptions;
  /** Where the card issuer's private key is kept (Electron: OS keystore); default plain files in dataDir/secrets. */
  secrets?: SecretStore;
  /** Slip printing: time-outs, back-off, the OS print queue (Electron injects its own). */
  printing?: Partial<PrintWorkerOptions>;
  /** HIMS sync (main/sync): the shells pass autoStart; tests drive the engine themselves. */
  sync?: SyncServiceOptions;
  /** A clerk's session locks after this many minutes away from the counter (default 5). */
  idleLockMinutes?: number;
  /** The hospital network of counters (main/peers): where this counter's peer server listens. */
  peers?: Partial<PeerServiceOptions>;
}

export const DEFAULT_IDLE_LOCK_MINUTES = 5;

export interface Core {
  registry: Registry;
  context: CoreContext;
  db: Database;
  /** Push events for the UI (serial scans, statuses): preload/contract/events.ts. */
  events: CoreEvents;
  /** The HIMS sync engine (docs/fhir-mapping.md). */
  sync: SyncService;
  /** The hospital's other counters (docs/peers.md). */
  peers: PeerService;
  /** Desk sessions, for a transport that must check one outside a call (the push stream). */
  desk: Pick<DeskSessions, 'isLive' | 'mayReceivePushes' | 'startedAt' | 'liveCount'> & {
    /** What kind of screen holds this session: a hall board hears only the queue's pushes. */
    kindOf(token: string | null): DeskSession['kind'] | null;
  };
  /** Backups, the clock watch, maintenance, the update feed (main/ops). */
  ops: Ops;
  /** Where room screens and boards reach this counter over TLS, once the screens server listens (main/screens). */
  screens: ScreensListening;
  logger: Logger;
  close(): void;
  /** At the end of the day: one last backup (when backups are on), then close. */
  closeGracefully(): Promise<void>;
}

export const DATABASE_FILE = 'counter.sqlite';

export function createCore(options: CoreOptions): Core {
  const logger = options.logger ?? (options.log ? callbackLogger(options.log) : fileLogger(options.dataDir));
  let db: Database;
  try {
    // A restore staged by the Maintenance screen is put in place before the database is opened.
    const restored = applyPendingRestore(options.dataDir);
    if (restored) logger.warn('restored a backup; the database it replaced was kept aside', { keptAside: restored.keptAside });
    db = openDatabase(
      join(options.dataDir, DATABASE_FILE),
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
  } catch (err) {
    logger.error(`cannot open the database: ${err instanceof Error ? err.message : String(err)}`);
    logger.close();
    throw err;
  }
  try {
    const clock = options.clock ?? systemClock;
    const context: CoreContext = {
      db,
      identity: loadCounterIdentity(db, options.settings, clock.now().toISOString()),
      clock,
      shell: options.shell,
      appVersion: APP_VERSION,
    };
    const events = createCoreEvents(logFn(logger.child('events')));
    const scanners = createScannerService(context, events);
    const secrets = options.secrets ?? plainFileSecretStore(join(options.dataDir, 'secrets'));
    const printWorker = createPrintWorker(context, { log: logFn(logger.child('print')), ...options.printing });
    const ops = createOps(
      {
        ctx: context,
        dataDir: options.dataDir,
        databaseFile: join(options.dataDir, DATABASE_FILE),
        secrets,
        events,
        logger,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        syncStatus: () => sync.engine.status(),
      },
      options.ops,
    );
    const sync = createSyncService(context, secrets, events, {
      log: logFn(logger.child('sync')),
      onServerDate: (serverDate, localAt) => ops.clock.observeServerTime(serverDate, localAt),
      afterRound: [ops.afterSyncRound],
      ...options.sync,
    });
    const identity = createCounterIdentityService(context, events, () => sync.engine.recheckCounter());
    // The registry answers the peers' calls; it is made below, and asked for only once a peer calls.
    let registryRef: Registry | null = null;
    const peers = createPeerService(context, () => registryRef!, secrets, events, {
      log: logFn(logger.child('peers')),
      onPeerTime: (letter, peerTime, localAt) => ops.clock.observePeerTime(letter, peerTime, localAt),
      ...options.peers,
    });
    // An OPD ticket bought at another counter is honoured here (docs/peers.md).
    const tickets = ticketsElsewhere(context, peers);
    // Departments, rooms and queue rules set at one counter reach every paired counter (docs/peers.md).
    const departmentsShared = departmentsSharing(context, peers, events);
    const screens: ScreensListening = { port: null, certPem: null };
    const boards = createBoardSessions(db, context.clock);
    const localQueue = queueHandlers(context, events);
    const sessions = createDeskSessions(context.clock, (options.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES) * 60_000, boards);
    const registry = createRegistry(
      [
        authHandlers(context, sessions, createSignInThrottle(context.clock), identity, boards),
        boardsHandlers(context, boards),
        clerksHandlers(context, sessions),
        sync.handlers,
        counterHandlers(context, identity, sync.engine),
        departmentsHandlers(context, events, () => departmentsShared.offer()),
        peerDepartmentsHandlers(context, events),
        patientsHandlers(context),
        tokensHandlers(context, events, tickets),
        // The department queue across the hospital's counters once any is paired (docs/peers.md).
        { ...localQueue, ...federatedQueueHandlers(context, peers, localQueue, events, departmentsShared) },
        peerQueueHandlers(context, events, localQueue),
        cardsHandlers(context, secrets),
        scanners.handlers,
        printingHandlers(context, printWorker),
        feesHandlers(context, tickets),
        peerTicketHandlers(context),
        cashHandlers(context),
        reportsHandlers(context, peers),
        ops.handlers,
        peersHandlers(context, peers),
        screensHandlers(peers, screens),
        arrivalsHandlers(context, events),
        mergeHandlers(context),
        photoHandlers(context),
        placesHandlers(),
      ],
      { gate: createAuthGate(sessions), log: logFn(logger.child('core')) },
    );
    registryRef = registry;
    scanners.start();
    printWorker.start();
    sync.start();
    ops.start();
    // WAL checkpoints between calls, not inside whichever commit crosses the threshold (main/db/checkpointer.ts).
    const checkpointer = startCheckpointer(db, 1_000, logFn(logger.child('db')));
    // In the background: a counter with no network key has no peer server, and one that fails to listen still counts.
    peers
      .start()
      .catch((err: unknown) => logger.error(`peer server not started: ${err instanceof Error ? err.message : String(err)}`));
    logger.info('counter started', {
      app: APP_VERSION,
      schema: db.pragma('user_version', { simple: true }) as number,
      shell: options.shell,
      counter: context.identity.counterLetter,
    });
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      checkpointer.stop();
      ops.stop();
      sync.stop();
      void peers.close();
      void scanners.stop();
      printWorker.stop();
      db.close();
      logger.info('counter stopped');
      logger.close();
    };
    return {
      registry,
      context,
      db,
      events,
      sync,
      peers,
      desk: {
        isLive: (token) => sessions.isLive(token),
        mayReceivePushes: (token) => sessions.mayReceivePushes(token),
        startedAt: (token) => sessions.startedAt(token),
        liveCount: () => sessions.liveCount(),
        kindOf: (token) => sessions.find(token)?.kind ?? null,
      },
      ops,
      screens,
      logger,
      close,
      closeGracefully: async () => {
        if (closed) return;
        await ops.backups.runAtClose();
        close();
      },
    };
  } catch (err) {
    db.close();
    logger.close();
    throw err;
  }
}
