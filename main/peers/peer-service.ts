// The counters of one hospital working as one on its own network
// (docs/peers.md, docs/design.md §10). Each counter stays the only writer of
// what it issued; this service pairs counters, answers theirs (peer-server)
// and asks them (peer-client), remembering how each last answered so screens
// can say "Counter C not reachable" instead of guessing.
import type { Agent } from 'node:https';
import { Agent as HttpsAgent } from 'node:https';
import type { PeerProblem, PeersStatus, PeerView } from '../../preload/contract/methods/peers-methods';
import type { MethodName, MethodOutput } from '../../preload/contract/methods';
import { appendAudit } from '../audit/audit-log';
import { isConfigured } from '../config/counter-identity';
import type { SecretStore } from '../config/secret-store';
import { AppError } from '../core/app-error';
import type { CoreContext } from '../core/core-context';
import type { Registry } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { createDiscovery, type Announced, type Discovery } from './discovery';
import {
  generateNetworkKey,
  MIN_KEY_CHARACTERS,
  normalizeNetworkKey,
  readNetworkKey,
  saveNetworkKey,
  type NetworkKey,
} from './network-key';
import { PairingRefused, requestPairing, type PairingSide } from './pairing';
import { callPeer, type PeerCallResult } from './peer-client';
import { startPeerServer, type PeerServer } from './peer-server';
import { listPeers, markProblem, markSeen, peerById, peerByPin, removePeer, savePeer, type PeerRow } from './peer-store';
import { loadPeerCredentials, type PeerCredentials } from './peer-tls';
import { createReplayGuard } from './request-auth';
import type { CoreEvents } from '../core/core-events';
import { subscribePeerEvents, type PeerSubscription } from './peer-events';

export interface PeerServiceOptions {
  /** Where the peer server listens (default 0.0.0.0:5171: the hospital network). */
  host: string;
  port: number;
  /** Announce this counter by mDNS (the shells do; tests use explicit addresses). */
  announce: boolean;
  /** A call to a peer that takes longer is given up (lookups use less). */
  callTimeoutMs: number;
  /** No peer answer is larger than this. */
  maxAnswerBytes: number;
  log: (message: string) => void;
  /** A peer's clock with each answer (the wrong-clock check, main/clock). */
  onPeerTime?: (counterLetter: string, peerTime: Date, localAt: Date) => void;
}

export const DEFAULT_PEER_OPTIONS: PeerServiceOptions = {
  host: '0.0.0.0',
  port: 5171,
  announce: false,
  callTimeoutMs: 2_000,
  maxAnswerBytes: 1024 * 1024,
  log: console.error,
};

/** How a peer last answered, kept in memory; problems are also written down. */
interface Live {
  problem: PeerProblem | null;
  at: string | null;
  clockOffsetMs: number | null;
  seenWrittenAt: number;
  /** When it last failed to answer in time, or at all (real time, for the quick path below). */
  downSinceMs: number | null;
  probingSinceMs: number | null;
}

/**
 * A counter that did not answer in time within this long is not waited for
 * again by a screen (a lookup, a queue or a board read): it is named as not
 * shown at once, and asked in the background whether it is back.
 */
const SKIP_DOWN_PEER_MS = 15_000;
const DOWN: ReadonlySet<PeerProblem> = new Set(['timeout', 'unreachable']);

export interface PeerService {
  /** Starts the peer server once there is a network key (and again after one is set). */
  start(): Promise<void>;
  close(): Promise<void>;
  status(): PeersStatus;
  setNetworkKey(
    input: { key: string } | { generate: true },
    actor: string,
  ): Promise<{ keyCheck: string; generatedKey: string | null }>;
  add(address: string, actor: string): Promise<PeerView>;
  remove(counterId: string, actor: string): boolean;
  check(): Promise<PeerView[]>;
  discover(waitMs: number): Promise<(Announced & { paired: boolean })[]>;
  /** One call to one paired counter. */
  call<M extends MethodName>(
    counterId: string,
    method: M,
    input: unknown,
    timeoutMs?: number,
  ): Promise<PeerCallResult<MethodOutput<M>>>;
  /** The same call to every paired counter at once; each answers or says why not. */
  callAll<M extends MethodName>(
    method: M,
    input: unknown,
    timeoutMs?: number,
  ): Promise<{ peer: PeerRow; result: PeerCallResult<MethodOutput<M>> }[]>;
  /** Where the peer server listens, once it does. */
  listening(): { host: string; port: number } | null;
  /** This counter's TLS key and certificate (made the first time): the screens server shows the same. */
  credentials(): Promise<PeerCredentials>;
}

export function createPeerService(
  ctx: CoreContext,
  registry: () => Registry,
  secrets: SecretStore,
  events: CoreEvents,
  partial: Partial<PeerServiceOptions> = {},
): PeerService {
  const o: PeerServiceOptions = { ...DEFAULT_PEER_OPTIONS, ...partial };
  const { db } = ctx;
  let key: NetworkKey | null = readNetworkKey(secrets);
  let credentials: PeerCredentials | null = null;
  let server: PeerServer | null = null;
  let starting: Promise<void> | null = null;
  let discovery: Discovery | null = null;
  let closed = false;
  const live = new Map<string, Live>();
  const agents = new Map<string, Agent>();
  /** One queue-change stream from each paired counter (peer-events.ts). */
  const streams = new Map<string, PeerSubscription>();
  const guard = createReplayGuard(() => ctx.clock.now().getTime());

  const nowIso = () => ctx.clock.now().toISOString();

  function self(): PairingSide {
    const id = ctx.identity;
    if (!isConfigured(id)) throw new AppError('NOT_SET_UP', "this counter's letter and hospital code are not set yet");
    return {
      counterId: id.counterId,
      counterLetter: id.counterLetter!,
      hospitalCode: id.hospitalCode!,
      hospitalName: id.hospitalName,
    };
  }

  const letterHolder = (letter: string) => listPeers(db).find((p) => p.counter_letter === letter)?.counter_id ?? null;

  function liveOf(counterId: string): Live {
    let entry = live.get(counterId);
    if (!entry) {
      entry = { problem: null, at: null, clockOffsetMs: null, seenWrittenAt: 0, downSinceMs: null, probingSinceMs: null };
      live.set(counterId, entry);
    }
    return entry;
  }

  /** An answer (or a call from it): written down at most once a minute, the database is not a heartbeat log. */
  function seen(peer: PeerRow, peerTime: Date | null) {
    const entry = liveOf(peer.counter_id);
    const wasProblem = entry.problem !== null;
    entry.problem = null;
    entry.downSinceMs = null;
    entry.at = nowIso();
    if (peerTime) {
      const localAt = ctx.clock.now();
      entry.clockOffsetMs = peerTime.getTime() - localAt.getTime();
      o.onPeerTime?.(peer.counter_letter, peerTime, localAt);
    }
    const now = Date.now();
    if (wasProblem || now - entry.seenWrittenAt > 60_000) {
      entry.seenWrittenAt = now;
      markSeen(db, peer.counter_id, entry.at);
    }
  }

  function failed(peer: PeerRow, problem: PeerProblem) {
    const entry = liveOf(peer.counter_id);
    const changed = entry.problem !== problem;
    entry.problem = problem;
    entry.at = nowIso();
    if (DOWN.has(problem)) entry.downSinceMs ??= Date.now();
    if (changed) markProblem(db, peer.counter_id, problem, entry.at);
  }

  function view(peer: PeerRow): PeerView {
    const entry = live.get(peer.counter_id);
    const problem = entry ? entry.problem : peer.last_error;
    const state = entry?.at ? (entry.problem ? 'unreachable' : 'reachable') : peer.last_error ? 'unreachable' : 'unknown';
    return {
      counterId: peer.counter_id,
      counterLetter: peer.counter_letter,
      hospitalName: peer.hospital_name,
      address: peer.address,
      pairedAt: peer.paired_at,
      lastSeenAt: peer.last_seen_at && entry?.at && !entry.problem ? entry.at : peer.last_seen_at,
      state,
      problem: problem ?? null,
      problemAt: problem ? (entry?.at ?? peer.last_error_at) : null,
      clockOffsetSeconds: entry?.clockOffsetMs == null ? null : Math.round(entry.clockOffsetMs / 1000),
    };
  }

  function agentFor(peer: PeerRow): Agent {
    let agent = agents.get(peer.counter_id);
    if (!agent) {
      agent = new HttpsAgent({ keepAlive: true, maxSockets: 8 });
      agents.set(peer.counter_id, agent);
    }
    return agent;
  }

  function forget(counterId: string) {
    agents.get(counterId)?.destroy();
    agents.delete(counterId);
    live.delete(counterId);
    streams.get(counterId)?.close();
    streams.delete(counterId);
  }

  /** Hears each paired counter's queue changes and passes them on to this counter's screens. */
  function listen(peer: PeerRow) {
    if (closed || !key || !credentials || streams.has(peer.counter_id)) return;
    streams.set(
      peer.counter_id,
      subscribePeerEvents(
        { counterId: peer.counter_id, address: peer.address, spkiPin: peer.spki_pin, certPem: peer.cert_pem },
        { counterId: ctx.identity.counterId, credentials, key },
        {
          now: () => ctx.clock.now(),
          clockOffsetMs: () => live.get(peer.counter_id)?.clockOffsetMs ?? 0,
          onChange: (change) => events.emit('queue.changed', { ...change, fromPeer: true }),
          onState: (open) => {
            if (open) seen(peer, null);
          },
        },
      ),
    );
  }

  let loading: Promise<PeerCredentials> | null = null;
  function ownCredentials(): Promise<PeerCredentials> {
    // A failure is not kept: the next caller tries again.
    loading ??= loadPeerCredentials(db, secrets, `HIMS Counter ${ctx.identity.counterId}`, ctx.clock.now()).catch(
      (err: unknown) => {
        loading = null;
        throw err;
      },
    );
    return loading;
  }

  async function ensureStarted(): Promise<void> {
    if (server || !key || closed) return;
    starting ??= (async () => {
      credentials = await ownCredentials();
      server = await startPeerServer(
        {
          credentials,
          registry: registry(),
          now: () => ctx.clock.now(),
          key: () => key,
          guard,
          peerByPin: (pin) => peerByPin(db, pin),
          pairing: () =>
            key && credentials && isConfigured(ctx.identity)
              ? { self: self(), ownPin: credentials.spkiPin, now: ctx.clock.now(), letterHolder }
              : null,
          savePaired: (peer) => {
            savePeer(db, {
              counter_id: peer.counterId,
              counter_letter: peer.counterLetter,
              hospital_code: peer.hospitalCode,
              hospital_name: peer.hospitalName,
              address: peer.address,
              spki_pin: peer.spkiPin,
              cert_pem: peer.certPem,
              paired_at: nowIso(),
            });
            forget(peer.counterId);
            listen(peerById(db, peer.counterId)!);
            writeTransaction(db, () =>
              appendAudit(db, {
                at: nowIso(),
                actor: `peer:${peer.counterLetter}`,
                action: 'peer.pair',
                entity: 'peer',
                entityId: peer.counterId,
                detail: { letter: peer.counterLetter, address: peer.address },
              }),
            );
          },
          onCall: (peer) => seen(peer, null),
          events,
          log: o.log,
        },
        { host: o.host, port: o.port },
      );
      // The core closed while the certificate was being made: nothing may stay listening.
      if (closed) {
        await server.close();
        server = null;
        return;
      }
      listPeers(db).forEach(listen);
      if (o.announce && isConfigured(ctx.identity)) {
        discovery ??= createDiscovery(o.log);
        discovery.announce({
          port: server.port,
          counterLetter: ctx.identity.counterLetter!,
          hospitalCode: ctx.identity.hospitalCode!,
          counterId: ctx.identity.counterId,
        });
      }
    })().finally(() => (starting = null));
    return starting;
  }

  async function callOnce<M extends MethodName>(peer: PeerRow, method: M, input: unknown, timeoutMs: number) {
    if (!key || !credentials) {
      return { ok: false as const, problem: 'key_refused' as const, message: 'no network key on this counter', peerTime: null };
    }
    return callPeer(
      { counterId: peer.counter_id, address: peer.address, spkiPin: peer.spki_pin, certPem: peer.cert_pem },
      { counterId: ctx.identity.counterId, credentials, key },
      method,
      input,
      {
        timeoutMs,
        maxBytes: o.maxAnswerBytes,
        clockOffsetMs: live.get(peer.counter_id)?.clockOffsetMs ?? 0,
        now: () => ctx.clock.now(),
        agent: agentFor(peer),
      },
    );
  }

  /** Whether a read may skip this counter now (it was down a moment ago); starts a background probe if so. */
  function skipDown(peer: PeerRow): PeerProblem | null {
    const entry = live.get(peer.counter_id);
    if (!entry?.problem || entry.downSinceMs === null || Date.now() - entry.downSinceMs > SKIP_DOWN_PEER_MS) return null;
    if (entry.probingSinceMs === null || Date.now() - entry.probingSinceMs > SKIP_DOWN_PEER_MS) {
      entry.probingSinceMs = Date.now();
      void call(peer.counter_id, 'peer.hello', {}, o.callTimeoutMs, { skipIfDown: false })
        // The counter may have closed meanwhile (its database with it): nothing to record then.
        .catch(() => undefined)
        .finally(() => {
          entry.probingSinceMs = null;
          // Still down: the next read waits for it once more only after the window.
          if (entry.problem && DOWN.has(entry.problem)) entry.downSinceMs = Date.now();
        });
    }
    return entry.problem;
  }

  async function call<M extends MethodName>(
    counterId: string,
    method: M,
    input: unknown,
    timeoutMs = o.callTimeoutMs,
    { skipIfDown = false }: { skipIfDown?: boolean } = {},
  ) {
    const peer = peerById(db, counterId);
    if (!peer) throw new AppError('NOT_FOUND', 'no paired counter with that id', { field: 'counterId' });
    await ensureStarted();
    const down = skipIfDown ? skipDown(peer) : null;
    if (down) return { ok: false as const, problem: down, message: 'did not answer a moment ago', peerTime: null };
    let result = await callOnce(peer, method, input, timeoutMs);
    // Its clock and ours disagree by more than the window: stamp the request in its time and ask once more.
    if (
      !result.ok &&
      result.error?.details &&
      (result.error.details as { reason?: string }).reason === 'stale' &&
      result.peerTime
    ) {
      liveOf(peer.counter_id).clockOffsetMs = result.peerTime.getTime() - ctx.clock.now().getTime();
      result = await callOnce(peer, method, input, timeoutMs);
    }
    if (result.ok) seen(peer, result.peerTime);
    // A refusal of the call itself (NOT_FOUND, a CONFLICT) is an answer: the peer is there.
    else if (result.problem === 'refused') seen(peer, result.peerTime);
    else failed(peer, result.problem);
    return result;
  }

  return {
    start: () => ensureStarted(),
    async close() {
      closed = true;
      discovery?.close();
      for (const stream of streams.values()) stream.close();
      streams.clear();
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
      await starting?.catch(() => {});
      await server?.close();
      server = null;
    },
    status() {
      return {
        networkKeySet: key !== null,
        keyCheck: key?.checkValue ?? null,
        listening: server ? { host: o.host, port: server.port } : null,
        ownKeyPin: credentials?.spkiPin ?? null,
        peers: listPeers(db).map(view),
      };
    },
    async setNetworkKey(input, actor) {
      const generated = 'generate' in input ? generateNetworkKey() : null;
      const typed = generated ?? ('key' in input ? input.key : '');
      if (normalizeNetworkKey(typed).length < MIN_KEY_CHARACTERS) {
        throw new AppError(
          'VALIDATION_FAILED',
          `key: use the key made on the first counter (at least ${MIN_KEY_CHARACTERS} letters and digits)`,
          {
            field: 'key',
          },
        );
      }
      key = saveNetworkKey(secrets, typed);
      // Open streams sign with the key they started with: open them again with the new one.
      for (const stream of streams.values()) stream.close();
      streams.clear();
      for (const peer of listPeers(db)) listen(peer);
      writeTransaction(db, () =>
        appendAudit(db, {
          at: nowIso(),
          actor,
          action: 'peer.networkKey',
          entity: 'peer',
          entityId: ctx.identity.counterId,
          detail: { keyCheck: key!.checkValue },
        }),
      );
      await ensureStarted();
      return { keyCheck: key.checkValue, generatedKey: generated };
    },
    async add(address, actor) {
      if (!key) throw new AppError('CONFLICT', 'set the hospital network key on this counter first', { field: 'address' });
      await ensureStarted();
      let paired;
      try {
        paired = await requestPairing(address, {
          self: self(),
          key,
          credentials: credentials!,
          listenPort: server!.port,
          timeoutMs: Math.max(o.callTimeoutMs, 5_000),
          letterHolder,
        });
      } catch (err) {
        if (!(err instanceof PairingRefused)) throw err;
        throw new AppError(err.reason === 'unreachable' ? 'UNAVAILABLE' : 'CONFLICT', err.message, {
          field: 'address',
          details: { reason: err.reason },
        });
      }
      savePeer(db, {
        counter_id: paired.counterId,
        counter_letter: paired.counterLetter,
        hospital_code: paired.hospitalCode,
        hospital_name: paired.hospitalName,
        address,
        spki_pin: paired.spkiPin,
        cert_pem: paired.certPem,
        paired_at: nowIso(),
      });
      forget(paired.counterId);
      const peer = peerById(db, paired.counterId)!;
      seen(peer, paired.time);
      listen(peer);
      writeTransaction(db, () =>
        appendAudit(db, {
          at: nowIso(),
          actor,
          action: 'peer.pair',
          entity: 'peer',
          entityId: paired.counterId,
          detail: { letter: paired.counterLetter, address },
        }),
      );
      return view(peer);
    },
    remove(counterId, actor) {
      const removed = removePeer(db, counterId);
      forget(counterId);
      if (removed) {
        writeTransaction(db, () =>
          appendAudit(db, { at: nowIso(), actor, action: 'peer.remove', entity: 'peer', entityId: counterId }),
        );
      }
      return removed;
    },
    async check() {
      const peers = listPeers(db);
      await Promise.all(peers.map((p) => call(p.counter_id, 'peer.hello', {})));
      return listPeers(db).map(view);
    },
    async discover(waitMs) {
      discovery ??= createDiscovery(o.log);
      const paired = new Set(listPeers(db).map((p) => p.counter_id));
      const found = await discovery.find(waitMs);
      return found.filter((f) => f.counterId !== ctx.identity.counterId).map((f) => ({ ...f, paired: paired.has(f.counterId) }));
    },
    call,
    async callAll(method, input, timeoutMs = o.callTimeoutMs) {
      const peers = listPeers(db);
      // Reads for a screen: a counter that just failed to answer is not waited for again (it is probed meanwhile).
      return Promise.all(
        peers.map(async (peer) => ({
          peer,
          result: await call(peer.counter_id, method, input, timeoutMs, { skipIfDown: true }),
        })),
      );
    },
    listening: () => (server ? { host: o.host, port: server.port } : null),
    credentials: ownCredentials,
  };
}
