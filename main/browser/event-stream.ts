// GET /api/events: the core's push events (preload/contract/events.ts) as
// Server-Sent Events, behind the same Host/Origin/session checks as the API.
// https://html.spec.whatwg.org/multipage/server-sent-events.html
import type { ServerResponse } from 'node:http';
import type { CoreEvents } from '../core/core-events';
import { SECURITY_HEADERS } from './static-files';

/** Comment lines keep proxies and idle timers from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000;

export function streamEvents(res: ServerResponse, events: CoreEvents): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write('retry: 2000\n\n');
  const unsubscribe = events.subscribe((event) => {
    res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  res.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
