// This counter's door for its peers (docs/peers.md): HTTPS on the hospital
// network with mutual TLS. A caller is the paired counter whose pinned key
// presented the TLS certificate, and whose signed request (network key,
// time, nonce, body) holds; it then reaches the peer methods of the contract
// and nothing else (the registry's gate). /peer/pair is the one door open
// to an unknown key, and it answers only to a proof of the network key.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { CallError } from '../../preload/contract/errors';
import { httpStatusOf } from '../../preload/contract/errors';
import type { Registry } from '../core/registry';
import { answerPairing, PairingRefused, type PairingAnswerContext } from './pairing';
import { formatAddress } from './peer-address';
import { pinOfCertificate } from './peer-client';
import type { PeerRow } from './peer-store';
import type { PeerCredentials } from './peer-tls';
import { certificateCurrent } from './peer-tls';
import { HEADERS, type ReplayGuard } from './request-auth';
import type { NetworkKey } from './network-key';

/** A peer's request is small: a query, an id, a move. */
const MAX_BODY_BYTES = 64 * 1024;

export interface PeerServerDeps {
  credentials: PeerCredentials;
  registry: Registry;
  now: () => Date;
  key: () => NetworkKey | null;
  guard: ReplayGuard;
  peerByPin: (pin: string) => PeerRow | undefined;
  /** The pairing answer's context, or null while this counter cannot pair (no letter, no key). */
  pairing: () => Omit<PairingAnswerContext, 'key'> | null;
  /** A counter proved the key and passed the checks: pin it, at the address it called from. */
  savePaired: (peer: ReturnType<typeof answerPairing>['peer'] & { address: string }) => void;
  /** Any authenticated call: the peer is alive. */
  onCall: (peer: PeerRow) => void;
  log: (message: string) => void;
}

export interface PeerServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startPeerServer(deps: PeerServerDeps, listen: { host: string; port: number }): Promise<PeerServer> {
  const server = createServer({
    key: deps.credentials.keyPem,
    cert: deps.credentials.certPem,
    requestCert: true,
    // Peers' certificates are self-signed: checked against the pins here, not a CA.
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
  });
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 30_000;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      [HEADERS.time]: deps.now().toISOString(),
    });
    res.end(json);
  };
  const sendError = (res: ServerResponse, error: CallError) => send(res, httpStatusOf[error.code], { ok: false, error });

  async function pair(req: IncomingMessage, res: ServerResponse) {
    const key = deps.key();
    const context = deps.pairing();
    if (!key || !context) return send(res, 503, { reason: 'not_ready', message: 'this counter is not ready to pair' });
    const der = (req.socket as TLSSocket).getPeerCertificate().raw ?? null;
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      body = null;
    }
    try {
      const { response, peer } = answerPairing({ ...context, key }, body, der);
      deps.savePaired({ ...peer, address: formatAddress(req.socket.remoteAddress ?? '127.0.0.1', peer.port) });
      return send(res, 200, response);
    } catch (err) {
      if (!(err instanceof PairingRefused)) throw err;
      // A wrong key hears nothing more than that; the other refusals go to someone who proved the key.
      if (err.reason === 'key_refused') return send(res, 403, { reason: 'key_refused', message: 'refused' });
      return send(res, 409, { reason: err.reason, message: err.message });
    }
  }

  async function call(req: IncomingMessage, res: ServerResponse, path: string) {
    const key = deps.key();
    const der = (req.socket as TLSSocket).getPeerCertificate().raw;
    const peer = der ? deps.peerByPin(pinOfCertificate(der)) : undefined;
    if (!key || !der || !peer) return sendError(res, { code: 'UNAUTHORIZED', message: 'not a paired counter' });
    if (!certificateCurrent(new X509Certificate(der).toString(), deps.now())) {
      return sendError(res, {
        code: 'UNAUTHORIZED',
        message: 'your certificate has expired',
        details: { reason: 'certificate_expired' },
      });
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge)
        return sendError(res, { code: 'PAYLOAD_TOO_LARGE', message: `over ${MAX_BODY_BYTES} bytes` });
      throw err;
    }
    const verdict = deps.guard.verify(key, req.headers, path, body, peer.counter_id);
    if (!verdict.ok) {
      // "stale" carries our time (the header): a counter whose clock is off corrects and asks again.
      return sendError(res, {
        code: 'UNAUTHORIZED',
        message: `request refused: ${verdict.reason}`,
        details: { reason: verdict.reason },
      });
    }
    deps.onCall(peer);
    let input: unknown;
    try {
      input = JSON.parse(body);
    } catch {
      return sendError(res, { code: 'MALFORMED_REQUEST', message: 'the body is not valid JSON' });
    }
    const method = path.slice('/peer/call/'.length);
    const result = await deps.registry.dispatch(method, input, {
      kind: 'peer',
      counterId: peer.counter_id,
      counterLetter: peer.counter_letter,
    });
    return result.ok ? send(res, 200, result) : sendError(res, result.error);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const work =
      req.method === 'POST' && path === '/peer/pair'
        ? pair(req, res)
        : req.method === 'POST' && /^\/peer\/call\/[a-zA-Z]+\.[a-zA-Z]+$/.test(path)
          ? call(req, res, path)
          : Promise.resolve(sendError(res, { code: 'NOT_FOUND', message: 'not found' }));
    work.catch((err: unknown) => {
      deps.log(`peer request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendError(res, { code: 'INTERNAL', message: 'request failed' });
      else res.destroy();
    });
  });
  // A TLS handshake that fails (no certificate, a scanner probing the port) is nobody's business but the log's.
  server.on('tlsClientError', () => {});

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
