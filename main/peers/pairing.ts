// Pairing two counters (docs/peers.md). Each proves it holds the hospital
// network key with an HMAC that also covers both TLS keys as each side sees
// them, so a machine in the middle (which must show its own key) cannot
// relay a pairing, and a machine without the network key learns nothing: it
// gets a bare refusal before anything about the counter is said.
//
//   A → B  POST /peer/pair  {A's identity, port, nonceA, proof(A)}   over TLS, A's certificate presented
//   B → A  {B's identity, nonceB, time, proof(B)}                     B checks proof(A) first, then pins A
//   A pins B after checking proof(B).
import { randomBytes, X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { z } from 'zod';
import type { NetworkKey } from './network-key';
import { parseAddress } from './peer-address';
import { pinOfCertificate } from './peer-client';
import type { PeerCredentials } from './peer-tls';

export const PairingSide = z
  .object({
    counterId: z.string().min(1).max(64),
    counterLetter: z.string().regex(/^[A-Z]$/),
    hospitalCode: z.string().regex(/^[A-Z]{2,6}$/),
    hospitalName: z.string().min(1).max(200),
  })
  .strict();
export type PairingSide = z.infer<typeof PairingSide>;

const PairRequest = PairingSide.extend({
  port: z.number().int().min(1).max(65535),
  nonce: z.string().min(16).max(64),
  proof: z.string().max(100),
}).strict();

const PairResponse = PairingSide.extend({
  nonce: z.string().min(16).max(64),
  time: z.string(),
  proof: z.string().max(100),
}).strict();

const sideParts = (s: PairingSide) => [s.counterId, s.counterLetter, s.hospitalCode, s.hospitalName];

/** Why pairing was refused, in a word for the screen and words for the log. */
export class PairingRefused extends Error {
  constructor(
    readonly reason:
      'key_refused' | 'other_hospital' | 'same_letter' | 'letter_taken' | 'not_ready' | 'unreachable' | 'bad_answer',
    message: string,
  ) {
    super(message);
    this.name = 'PairingRefused';
  }
}

/** The checks both sides make of the other once its proof holds. */
export function refusePairing(self: PairingSide, other: PairingSide, letterHolder: string | null): PairingRefused | null {
  if (other.hospitalCode !== self.hospitalCode) {
    return new PairingRefused(
      'other_hospital',
      `counter ${other.counterLetter} belongs to hospital ${other.hospitalCode}, not ${self.hospitalCode}`,
    );
  }
  if (other.counterId === self.counterId) return new PairingRefused('same_letter', 'that address is this counter itself');
  if (other.counterLetter === self.counterLetter) {
    return new PairingRefused(
      'same_letter',
      `that counter also has the letter ${self.counterLetter}: one of them must get another letter first`,
    );
  }
  if (letterHolder !== null && letterHolder !== other.counterId) {
    return new PairingRefused('letter_taken', `another paired counter already has the letter ${other.counterLetter}`);
  }
  return null;
}

export interface PairingAnswerContext {
  self: PairingSide;
  key: NetworkKey;
  ownPin: string;
  now: Date;
  /** The counter already paired under a letter, if any. */
  letterHolder: (letter: string) => string | null;
}

/** B's side: the proof first, then the checks; what to pin comes back to the server. */
export function answerPairing(
  ctx: PairingAnswerContext,
  body: unknown,
  clientCertDer: Buffer | null,
): { response: z.infer<typeof PairResponse>; peer: PairingSide & { port: number; spkiPin: string; certPem: string } } {
  const request = PairRequest.safeParse(body);
  if (!request.success || !clientCertDer) throw new PairingRefused('key_refused', 'not a pairing request');
  const clientPin = pinOfCertificate(clientCertDer);
  const r = request.data;
  const proven = ctx.key.verify(r.proof, 'pair-request', r.nonce, clientPin, ctx.ownPin, ...sideParts(r), String(r.port));
  if (!proven) throw new PairingRefused('key_refused', 'the network key does not match');
  const refusal = refusePairing(ctx.self, r, ctx.letterHolder(r.counterLetter));
  if (refusal) throw refusal;
  const nonce = randomBytes(16).toString('base64url');
  const proof = ctx.key.sign('pair-response', r.nonce, nonce, ctx.ownPin, clientPin, ...sideParts(ctx.self));
  const certPem = new X509Certificate(clientCertDer).toString();
  return {
    response: { ...ctx.self, nonce, time: ctx.now.toISOString(), proof },
    peer: {
      ...PairingSide.parse({
        counterId: r.counterId,
        counterLetter: r.counterLetter,
        hospitalCode: r.hospitalCode,
        hospitalName: r.hospitalName,
      }),
      port: r.port,
      spkiPin: clientPin,
      certPem,
    },
  };
}

export interface PairedWith extends PairingSide {
  spkiPin: string;
  certPem: string;
  /** Its clock at the answer. */
  time: Date;
}

/** A's side: ask the counter at `address` to pair; resolves with what to pin. */
export function requestPairing(
  address: string,
  ctx: {
    self: PairingSide;
    key: NetworkKey;
    credentials: PeerCredentials;
    listenPort: number;
    timeoutMs: number;
    letterHolder: (letter: string) => string | null;
  },
): Promise<PairedWith> {
  const { host, port } = parseAddress(address);
  const nonce = randomBytes(16).toString('base64url');
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => {
      clearTimeout(deadline);
      req.destroy();
      reject(
        err instanceof PairingRefused ? err : new PairingRefused('unreachable', `${address} did not answer: ${err.message}`),
      );
    };
    const deadline = setTimeout(() => fail(new Error(`no answer within ${ctx.timeoutMs} ms`)), ctx.timeoutMs);
    // Its certificate is not known yet: it is taken as shown, and bound to the network key by the proofs.
    const req = request({
      host,
      port,
      method: 'POST',
      path: '/peer/pair',
      agent: false,
      key: ctx.credentials.keyPem,
      cert: ctx.credentials.certPem,
      rejectUnauthorized: false,
      headers: { 'Content-Type': 'application/json' },
    });
    req.on('error', fail);
    req.on('socket', (socket) => {
      socket.once('secureConnect', () => {
        const der = (socket as import('node:tls').TLSSocket).getPeerCertificate().raw;
        if (!der) return fail(new PairingRefused('bad_answer', 'it showed no certificate'));
        const serverPin = pinOfCertificate(der);
        const body = {
          ...ctx.self,
          port: ctx.listenPort,
          nonce,
          proof: ctx.key.sign(
            'pair-request',
            nonce,
            ctx.credentials.spkiPin,
            serverPin,
            ...sideParts(ctx.self),
            String(ctx.listenPort),
          ),
        };
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > 16_384) fail(new PairingRefused('bad_answer', 'its answer is too large'));
            else chunks.push(c);
          });
          res.on('end', () => {
            clearTimeout(deadline);
            try {
              resolve(readPairAnswer(res.statusCode ?? 0, Buffer.concat(chunks), { nonce, serverPin, der, ...ctx }));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          });
        });
        req.end(JSON.stringify(body));
      });
    });
  });
}

function readPairAnswer(
  status: number,
  bytes: Buffer,
  ctx: {
    nonce: string;
    serverPin: string;
    der: Buffer;
    self: PairingSide;
    key: NetworkKey;
    credentials: PeerCredentials;
    letterHolder: (letter: string) => string | null;
  },
): PairedWith {
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new PairingRefused('bad_answer', `its answer (HTTP ${status}) is not JSON`);
  }
  if (status !== 200) {
    const refusal = z.object({ reason: z.string(), message: z.string() }).safeParse(body);
    const reason = refusal.success ? refusal.data.reason : 'key_refused';
    const known = ['key_refused', 'other_hospital', 'same_letter', 'letter_taken', 'not_ready'] as const;
    throw new PairingRefused(
      (known as readonly string[]).includes(reason) ? (reason as (typeof known)[number]) : 'key_refused',
      refusal.success ? refusal.data.message : 'it refused to pair',
    );
  }
  const answer = PairResponse.safeParse(body);
  if (!answer.success) throw new PairingRefused('bad_answer', 'its answer is not a pairing answer');
  const a = answer.data;
  const proven = ctx.key.verify(
    a.proof,
    'pair-response',
    ctx.nonce,
    a.nonce,
    ctx.serverPin,
    ctx.credentials.spkiPin,
    ...sideParts(a),
  );
  if (!proven) throw new PairingRefused('key_refused', 'it does not hold this network key');
  const refusal = refusePairing(ctx.self, a, ctx.letterHolder(a.counterLetter));
  if (refusal) throw refusal;
  const time = Number.isNaN(Date.parse(a.time)) ? new Date() : new Date(a.time);
  return {
    counterId: a.counterId,
    counterLetter: a.counterLetter,
    hospitalCode: a.hospitalCode,
    hospitalName: a.hospitalName,
    spkiPin: ctx.serverPin,
    certPem: new X509Certificate(ctx.der).toString(),
    time,
  };
}
