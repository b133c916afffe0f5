// Every call between paired counters is signed with the network key, on top
// of the pinned, mutually authenticated TLS: the signature covers who calls,
// what, when, a one-time nonce and the body, so a request replayed (or a body
// swapped) is refused even by a counter that somehow accepted the connection.
import { createHash, randomBytes } from 'node:crypto';
import type { NetworkKey } from './network-key';

export const HEADERS = {
  counter: 'x-peer-counter',
  time: 'x-peer-time',
  nonce: 'x-peer-nonce',
  signature: 'x-peer-signature',
} as const;

/** How far a request's time may be from ours (after correcting for the peer's known clock offset). */
export const TIME_WINDOW_MS = 5 * 60_000;

const bodyHash = (body: string) => createHash('sha256').update(body).digest('base64');

export function signRequest(
  key: NetworkKey,
  request: { counterId: string; path: string; body: string; time: Date },
): Record<string, string> {
  const time = request.time.toISOString();
  const nonce = randomBytes(16).toString('base64url');
  return {
    [HEADERS.counter]: request.counterId,
    [HEADERS.time]: time,
    [HEADERS.nonce]: nonce,
    [HEADERS.signature]: key.sign('call', request.counterId, request.path, time, nonce, bodyHash(request.body)),
  };
}

export type RequestVerdict =
  { ok: true; time: Date } | { ok: false; reason: 'unsigned' | 'bad_signature' | 'stale' | 'replayed' };

export interface ReplayGuard {
  verify(
    key: NetworkKey,
    headers: Record<string, string | string[] | undefined>,
    path: string,
    body: string,
    expectedCounter: string,
  ): RequestVerdict;
}

/**
 * Nonces seen within twice the time window are refused again; older requests
 * are refused as stale anyway. Bounded: past `maxNonces` the oldest are
 * forgotten first (they are also the first to go stale).
 */
export function createReplayGuard(now: () => number, maxNonces = 100_000): ReplayGuard {
  const seen = new Map<string, number>();
  function remember(nonce: string, at: number) {
    seen.set(nonce, at);
    for (const [old, when] of seen) {
      if (seen.size <= maxNonces && at - when < 2 * TIME_WINDOW_MS) break;
      seen.delete(old);
    }
  }
  return {
    verify(key, headers, path, body, expectedCounter) {
      const one = (name: string) => {
        const value = headers[name];
        return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null;
      };
      const counter = one(HEADERS.counter);
      const time = one(HEADERS.time);
      const nonce = one(HEADERS.nonce);
      const signature = one(HEADERS.signature);
      if (!counter || !time || !nonce || !signature) return { ok: false, reason: 'unsigned' };
      if (counter !== expectedCounter) return { ok: false, reason: 'bad_signature' };
      if (!key.verify(signature, 'call', counter, path, time, nonce, bodyHash(body)))
        return { ok: false, reason: 'bad_signature' };
      const at = Date.parse(time);
      if (Number.isNaN(at) || Math.abs(at - now()) > TIME_WINDOW_MS) return { ok: false, reason: 'stale' };
      const key2 = `${counter}:${nonce}`;
      if (seen.has(key2)) return { ok: false, reason: 'replayed' };
      remember(key2, now());
      return { ok: true, time: new Date(at) };
    },
  };
}
