// GET /api/events: the core's push events (preload/contract/events.ts) as
// Server-Sent Events, behind the same Host/Origin/session checks as the API.
// https://html.spec.whatwg.org/multipage/server-sent-events.html
//
// A page's stream drops now and then (a reload, a sleeping laptop, a proxy),
// and EventSource reconnects by itself with the last id it saw. Events sent
// in that gap are replayed from a short buffer, so a card read by the serial
// scanner while the page reconnects still reaches the screen. The buffer is
// short on purpose: a scan replayed minutes later would surprise the clerk.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { CoreEvents } from '../core/core-events';
import type { EventName } from '../../preload/contract/events';
import { SECURITY_HEADERS } from './static-files';

/** Comment lines keep proxies and idle timers from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000;

export interface EventStreamOptions {
  /** Events kept for a reconnecting page. */
  keep?: number;
  /** Older events are not replayed. */
  replayWindowMs?: number;
  now?: () => number;
}

/** Asked before every event: send it, skip it (a locked counter), or end the stream (signed out). */
export type PushVerdict = 'send' | 'skip' | 'end';

/** Asked with the event's name (a hall board hears only the queue), or without one for the stream as a whole. */
export type PushCheck = (event?: EventName) => PushVerdict;

export interface EventStream {
  /** `notBefore` (ms): nothing older is replayed to this page (its session began then). */
  serve(req: IncomingMessage, res: ServerResponse, verdict?: PushCheck, notBefore?: number): void;
  close(): void;
}

interface SentEvent {
  seq: number;
  at: number;
  name: EventName;
  frame: string;
}

export function createEventStream(events: CoreEvents, options: EventStreamOptions = {}): EventStream {
  const keep = options.keep ?? 100;
  const replayWindowMs = options.replayWindowMs ?? 10_000;
  const now = options.now ?? Date.now;
  // Ids carry this launch's epoch: after a restart, a page's old id matches
  // nothing, and nothing from the old launch is claimed to be replayed.
  const epoch = randomBytes(4).toString('hex');
  const recent: SentEvent[] = [];
  const clients = new Map<ServerResponse, PushCheck>();
  let seq = 0;

  const unsubscribe = events.subscribe((event) => {
    seq++;
    const sent = {
      seq,
      at: now(),
      name: event.name,
      frame: `id: ${epoch}-${seq}\nevent: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`,
    };
    recent.push(sent);
    if (recent.length > keep) recent.shift();
    for (const [res, verdict] of clients) {
      const v = verdict(event.name);
      if (v === 'send') res.write(sent.frame);
      else if (v === 'end') {
        clients.delete(res);
        res.end();
      }
    }
  });

  /** The events a page missed since lastId, if that id is from this launch and recent. */
  function missedSince(lastId: string | undefined, notBefore: number): SentEvent[] {
    const match = /^([0-9a-f]{8})-(\d{1,15})$/.exec(lastId ?? '');
    if (!match || match[1] !== epoch) return [];
    const seen = Number(match[2]);
    const oldest = Math.max(now() - replayWindowMs, notBefore);
    return recent.filter((e) => e.seq > seen && e.at >= oldest);
  }

  return {
    serve(req, res, verdict = () => 'send', notBefore = 0) {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // The current id first: a page that reconnects later resumes from here,
      // even if nothing happened while it was connected.
      res.write(`retry: 2000\nid: ${epoch}-${seq}\n\n`);
      const lastId = req.headers['last-event-id'];
      if (verdict() === 'send') {
        for (const e of missedSince(typeof lastId === 'string' ? lastId : undefined, notBefore)) {
          if (verdict(e.name) === 'send') res.write(e.frame);
        }
      }
      clients.set(res, verdict);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      keepAlive.unref();
      res.on('close', () => {
        clearInterval(keepAlive);
        clients.delete(res);
      });
    },
    close() {
      unsubscribe();
      for (const res of clients.keys()) res.end();
      clients.clear();
    },
  };
}
