// The queue's pushes between counters (docs/peers.md): each counter keeps one
// Server-Sent-Events stream open to every paired counter and hears its
// queue.changed events, which it passes on to its own room screens and hall
// boards, so a call made at counter C reaches a board attached to counter B
// within the second, pushed, not polled. Only a counter's own events go out
// (never ones it heard from a peer: no echo), and they carry no patient data.
import { request } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { QueueChanged } from '../../preload/contract/queue-events';
import type { CoreEvents } from '../core/core-events';
import { parseAddress } from './peer-address';
import { pinOfCertificate, type CallerSelf, type PeerTarget } from './peer-client';
import { signRequest } from './request-auth';

export const EVENTS_PATH = '/peer/events';
/** A comment line now and then: a dead connection is noticed, and no proxy closes a quiet one. */
const KEEP_ALIVE_MS = 15_000;
/** Nothing at all for this long (not even a keep-alive): the stream is taken for dead and opened again. */
const SILENCE_MS = 40_000;

/** The callee's side: streams this counter's own queue changes until the caller goes. */
export function servePeerEvents(req: IncomingMessage, res: ServerResponse, events: CoreEvents, now: () => Date): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'x-peer-time': now().toISOString(),
  });
  res.write(': connected\n\n');
  const unsubscribe = events.subscribe((event) => {
    if (event.name !== 'queue.changed' || event.payload.fromPeer) return;
    res.write(`event: queue.changed\ndata: ${JSON.stringify(event.payload)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const stop = () => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
  res.on('error', stop);
}

export interface PeerSubscription {
  close(): void;
}

export interface SubscribeOptions {
  now: () => Date;
  clockOffsetMs: () => number;
  /** Each change heard, already checked against the contract. */
  onChange: (change: QueueChanged) => void;
  /** The stream is open (true) or lost (false). */
  onState: (open: boolean) => void;
}

/** The caller's side: one stream to one peer, opened again with back-off whenever it is lost. */
export function subscribePeerEvents(target: PeerTarget, self: CallerSelf, o: SubscribeOptions): PeerSubscription {
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  let current: { destroy(): void } | null = null;

  const again = () => {
    if (closed) return;
    const delay = Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5));
    failures++;
    retry = setTimeout(open, delay);
    retry.unref();
  };

  function open() {
    if (closed) return;
    try {
      connect();
    } catch {
      // An address this side cannot use (it was checked at pairing; a bad row must not stop the others): try later.
      o.onState(false);
      again();
    }
  }

  function connect() {
    const { host, port } = parseAddress(target.address);
    const stamp = new Date(o.now().getTime() + o.clockOffsetMs());
    let silence: NodeJS.Timeout | null = null;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      if (silence) clearTimeout(silence);
      current = null;
      o.onState(false);
      again();
    };
    const heard = () => {
      if (silence) clearTimeout(silence);
      silence = setTimeout(() => req.destroy(new Error('silent')), SILENCE_MS);
      silence.unref();
    };
    const req = request(
      {
        host,
        port,
        method: 'GET',
        path: EVENTS_PATH,
        agent: false,
        key: self.credentials.keyPem,
        cert: self.credentials.certPem,
        ca: [target.certPem],
        checkServerIdentity: (_host, cert) =>
          pinOfCertificate(cert.raw) === target.spkiPin ? undefined : new Error('the certificate does not match the pin'),
        headers: signRequest(self.key, { counterId: self.counterId, path: EVENTS_PATH, body: '', time: stamp }),
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return end();
        }
        failures = 0;
        o.onState(true);
        heard();
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          heard();
          buffer += chunk;
          // A frame is whatever precedes a blank line; a runaway buffer is not a stream of ours.
          if (buffer.length > 1_000_000) return req.destroy(new Error('frame too large'));
          let at: number;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            readFrame(buffer.slice(0, at), o.onChange);
            buffer = buffer.slice(at + 2);
          }
        });
        res.on('end', end);
        res.on('error', end);
      },
    );
    req.on('error', end);
    req.on('close', end);
    req.end();
    current = req;
    // A counter that dies during the handshake answers nothing at all: the same silence limit applies before the answer.
    heard();
  }

  open();
  return {
    close() {
      closed = true;
      if (retry) clearTimeout(retry);
      current?.destroy();
    },
  };
}

function readFrame(frame: string, onChange: (change: QueueChanged) => void): void {
  const lines = frame.split('\n');
  if (!lines.includes('event: queue.changed')) return;
  const data = lines.find((l) => l.startsWith('data: '));
  if (!data) return;
  try {
    const parsed = QueueChanged.safeParse(JSON.parse(data.slice('data: '.length)));
    if (parsed.success) onChange(parsed.data);
  } catch {
    // Not JSON: not from a counter of ours; ignored.
  }
}
