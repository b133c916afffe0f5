// Calls to one paired counter over HTTPS with mutual TLS: its certificate
// must be the one pinned at pairing (and not expired), ours is presented, and
// every request is signed (request-auth.ts). Nothing here waits long or reads
// much: a whole answer within the time-out, at most `maxBytes` of it, and it
// must be the contract's answer, or the call fails with a named problem.
import { createHash, X509Certificate } from 'node:crypto';
import { Agent, request } from 'node:https';
import type { PeerProblem } from '../../preload/contract/methods/peers-methods';
import { CallError } from '../../preload/contract/errors';
import { methods, type MethodName, type MethodOutput } from '../../preload/contract/methods';
import type { NetworkKey } from './network-key';
import { parseAddress } from './peer-address';
import type { PeerCredentials } from './peer-tls';
import { HEADERS, signRequest } from './request-auth';

export interface PeerTarget {
  counterId: string;
  address: string;
  spkiPin: string;
  certPem: string;
}

export interface CallerSelf {
  counterId: string;
  credentials: PeerCredentials;
  key: NetworkKey;
}

export type PeerCallResult<T> =
  | { ok: true; value: T; peerTime: Date | null }
  | { ok: false; problem: PeerProblem; message: string; peerTime: Date | null; error?: CallError };

export interface PeerCallOptions {
  timeoutMs: number;
  maxBytes: number;
  /** The peer's clock minus ours, as last seen: requests are stamped in its time. */
  clockOffsetMs: number;
  now: () => Date;
  agent?: Agent;
  /** Set on the one retry of a request sent on a connection the peer had closed. */
  retried?: boolean;
}

export function pinOfCertificate(der: Buffer): string {
  const spki = new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

class CallFailure extends Error {
  constructor(
    readonly problem: PeerProblem,
    message: string,
  ) {
    super(message);
  }
}

/** TLS and socket errors as the problems a supervisor can act on. */
function problemOf(err: Error & { code?: string }): CallFailure {
  if (err instanceof CallFailure) return err;
  const code = err.code ?? '';
  if (code === 'CERT_HAS_EXPIRED') return new CallFailure('certificate_expired', 'its certificate has expired');
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || /pin|SELF_SIGNED|UNABLE_TO_VERIFY|CERT_/.test(`${code} ${err.message}`)) {
    return new CallFailure('certificate_changed', 'another key answers at its address: not the counter that was paired');
  }
  if (['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE'].includes(code)) {
    return new CallFailure('unreachable', `not reachable (${code})`);
  }
  return new CallFailure('unreachable', err.message);
}

export function callPeer<M extends MethodName>(
  target: PeerTarget,
  self: CallerSelf,
  method: M,
  input: unknown,
  options: PeerCallOptions,
): Promise<PeerCallResult<MethodOutput<M>>> {
  const { host, port } = parseAddress(target.address);
  const body = JSON.stringify(input);
  const path = `/peer/call/${method}`;
  const stamp = new Date(options.now().getTime() + options.clockOffsetMs);
  return new Promise((resolve) => {
    let peerTime: Date | null = null;
    let settled = false;
    const finish = (result: PeerCallResult<MethodOutput<M>>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const fail = (err: Error & { code?: string }) => {
      // A kept-alive connection the peer had closed (it restarted): one fresh try, as Node's docs advise.
      if (req.reusedSocket && !options.retried && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) {
        settled = true;
        clearTimeout(deadline);
        resolve(callPeer(target, self, method, input, { ...options, retried: true }));
        return;
      }
      const failure = problemOf(err);
      finish({ ok: false, problem: failure.problem, message: failure.message, peerTime });
      req.destroy();
    };
    const req = request(
      {
        host,
        port,
        method: 'POST',
        path,
        agent: options.agent ?? false,
        key: self.credentials.keyPem,
        cert: self.credentials.certPem,
        // The pinned certificate is the only one trusted; its dates are checked by TLS.
        ca: [target.certPem],
        checkServerIdentity: (_host, cert) =>
          pinOfCertificate(cert.raw) === target.spkiPin ? undefined : new Error('the certificate does not match the pin'),
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          ...signRequest(self.key, { counterId: self.counterId, path, body, time: stamp }),
        },
      },
      (res) => {
        const time = res.headers[HEADERS.time];
        if (typeof time === 'string' && !Number.isNaN(Date.parse(time))) peerTime = new Date(time);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) return fail(new CallFailure('too_large', `its answer is over ${options.maxBytes} bytes`));
          chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => finish(readAnswer(method, res.statusCode ?? 0, Buffer.concat(chunks), peerTime)));
      },
    );
    const deadline = setTimeout(
      () => fail(new CallFailure('timeout', `no whole answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    req.on('error', fail);
    req.end(body);
  });
}

function readAnswer<M extends MethodName>(
  method: M,
  status: number,
  bytes: Buffer,
  peerTime: Date | null,
): PeerCallResult<MethodOutput<M>> {
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, problem: 'bad_answer', message: `its answer (HTTP ${status}) is not JSON`, peerTime };
  }
  const envelope = body as { ok?: unknown; value?: unknown; error?: unknown };
  const error = CallError.safeParse(envelope?.error);
  if (status === 401) {
    return {
      ok: false,
      problem: 'key_refused',
      message: 'it does not accept this counter (network key or pairing)',
      peerTime,
      ...(error.success ? { error: error.data } : {}),
    };
  }
  if (envelope?.ok === true) {
    const value = methods[method].output.safeParse(envelope.value);
    if (value.success) return { ok: true, value: value.data as MethodOutput<M>, peerTime };
    return { ok: false, problem: 'bad_answer', message: `its answer to ${method} is not the contract's`, peerTime };
  }
  if (envelope?.ok === false && error.success) {
    return { ok: false, problem: 'refused', message: error.data.message, peerTime, error: error.data };
  }
  return { ok: false, problem: 'bad_answer', message: `its answer (HTTP ${status}) is not the contract's`, peerTime };
}
