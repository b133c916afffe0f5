// The browser shell: the built renderer and the contract at POST /api/<method>
// on 127.0.0.1. What the end-to-end tests drive, what `npm start` falls back
// to without Electron's runtime, and a thin-client counter.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallError } from '../../preload/contract/errors';
import { httpStatusOf } from '../../preload/contract/errors';
import type { Core } from '../core/create-core';
import type { Caller } from '../core/registry';
import { describeContract } from './contract-schema';
import { methodAccess } from '../../preload/contract/method-access';
import { createEventStream, type PushVerdict } from './event-stream';
import type { EventName } from '../../preload/contract/events';
import { createGuard } from './request-guard';
import { SECURITY_HEADERS, serveStatic } from './static-files';
import { servePairingPage, type ScreensInfo } from '../screens/pairing-page';

/** Well above any real request (a registration is ~1 KB); far below harm. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface BrowserShellOptions {
  core: Core;
  rendererDir: string;
  port: number;
  host?: string;
  apiKey?: string | undefined;
  /** Extra Host header names to accept (a thin client reached by name). */
  extraHosts?: string[];
  /** The screens server over TLS, once it listens: the pairing page that other machines get points to it. */
  screens?: () => ScreensInfo | null;
}

export interface RunningShell {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(json);
}

function sendError(res: ServerResponse, error: CallError): void {
  sendJson(res, httpStatusOf[error.code], { ok: false, error });
}

class BodyTooLarge extends Error {}

function isPeerMethod(method: string): boolean {
  return Object.hasOwn(methodAccess, method) && methodAccess[method as keyof typeof methodAccess].level === 'peer';
}

/** `/api/patients.search` → `patients.search`; null when the %-escapes do not decode (`/api/%E0%A4`). */
function methodName(path: string): string | null {
  try {
    return decodeURIComponent(path.slice('/api/'.length));
  } catch {
    return null;
  }
}
/** What a hall board's page is sent: nothing but the queue's changes (no patient data in them). */
const BOARD_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['queue.changed']);

/** The page's desk-session token (main/auth): one value or none. */
export const SESSION_HEADER = 'x-counter-session';

function singleHeader(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : null;
}

/**
 * Reads the body up to the limit. Past it, the rest is drained and dropped
 * (not cut off), so the client gets a clean 413 rather than a reset.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** The Host names a server on `host:port` answers to (anything else is refused: DNS rebinding). */
export function hostNames(host: string, port: number, extraHosts: string[] = []): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`, ...extraHosts.map((h) => `${h}:${port}`)];
}

export interface ShellHandler {
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

/** The page, the contract and the pushes: what the browser shell and the screens server (over TLS) both serve. */
export function createShellHandler(
  options: Pick<BrowserShellOptions, 'core' | 'rendererDir' | 'apiKey'>,
  names: string[],
  tls: boolean,
): ShellHandler {
  const guard = createGuard({ allowedHosts: names, apiKey: options.apiKey, tls });
  const eventStream = createEventStream(options.core.events);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostCheck = guard.checkHost(req);
    if (!hostCheck.ok) return sendError(res, { code: hostCheck.code, message: hostCheck.message });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/api' && !path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, { code: 'NOT_FOUND', message: 'not found' });
      return serveStatic(options.rendererDir, req, res, { 'Set-Cookie': guard.sessionCookie });
    }
    const originCheck = guard.checkOrigin(req);
    if (!originCheck.ok) return sendError(res, { code: originCheck.code, message: originCheck.message });
    const auth = guard.authenticate(req);
    if (!auth.ok) return sendError(res, { code: auth.code, message: auth.message });

    if (path === '/api' || path === '/api/') {
      if (req.method !== 'GET') return sendError(res, { code: 'MALFORMED_REQUEST', message: 'GET /api lists the contract' });
      return sendJson(res, 200, describeContract(options.core.context.appVersion));
    }
    if (path === '/api/events' && req.method === 'GET') {
      // Scans carry card contents: a page gets pushes only while a clerk (or
      // the kiosk) is signed in there. EventSource cannot send headers, so
      // the desk-session token comes as ?session=.
      if (auth.actor === 'api-key') return eventStream.serve(req, res);
      const token = new URL(req.url ?? '/', 'http://x').searchParams.get('session');
      const { desk } = options.core;
      const startedAt = desk.startedAt(token);
      if (startedAt === null) return sendError(res, { code: 'UNAUTHORIZED', message: 'sign in first' });
      // Nothing reaches a locked counter's page, and nothing from before its session began.
      // A hall board hears the queue only: scans carry card contents.
      const board = desk.kindOf(token) === 'board';
      const verdict = (event?: EventName): PushVerdict =>
        !desk.isLive(token)
          ? 'end'
          : !desk.mayReceivePushes(token) || (board && event !== undefined && !BOARD_EVENTS.has(event))
            ? 'skip'
            : 'send';
      return eventStream.serve(req, res, verdict, startedAt);
    }
    if (req.method !== 'POST') return sendError(res, { code: 'MALFORMED_REQUEST', message: 'call methods with POST' });
    // Requiring JSON also keeps HTML forms (which cannot send it) out.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendError(res, { code: 'MALFORMED_REQUEST', message: 'send Content-Type: application/json' });
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        return sendError(res, { code: 'PAYLOAD_TOO_LARGE', message: `request body over ${MAX_BODY_BYTES} bytes` });
      }
      throw err;
    }
    let input: unknown;
    try {
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return sendError(res, { code: 'MALFORMED_REQUEST', message: 'the body is not valid JSON' });
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return sendError(res, { code: 'MALFORMED_REQUEST', message: 'the body must be a JSON object' });
    }
    const method = methodName(path);
    if (method === null) {
      return sendError(res, {
        code: 'MALFORMED_REQUEST',
        message: 'the method name in the address is not valid percent-encoding',
      });
    }
    // The API key is trusted with every clerk method, but the peer methods
    // answer only on the peer port, to a paired counter (docs/peers.md).
    if (isPeerMethod(method)) {
      return sendError(res, { code: 'FORBIDDEN', message: `${method} answers only on the peer port, to a paired counter` });
    }
    const caller: Caller =
      auth.actor === 'api-key'
        ? { kind: 'trusted', actor: 'api-key' }
        : { kind: 'desk', session: singleHeader(req.headers[SESSION_HEADER]) };
    const result = await options.core.registry.dispatch(method, input, caller);
    if (result.ok) return sendJson(res, 200, result);
    return sendError(res, result.error);
  }

  return {
    handle: (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) sendError(res, { code: 'INTERNAL', message: 'request failed' });
        else res.destroy();
      });
    },
    close: () => eventStream.close(),
  };
}

export function startBrowserShell(options: BrowserShellOptions): Promise<RunningShell> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      const port = (server.address() as AddressInfo).port;
      const shell = createShellHandler(options, hostNames(host, port, options.extraHosts), false);
      server.on('request', (req, res) => {
        // Plain HTTP carries the page, the contract and the pushes only to this machine's own window (and the
        // tests' browser); from the network it says how to reach the screens server over TLS (screens-server.ts).
        if (!isLoopback(req.socket.remoteAddress)) return servePairingPage(req, res, options.screens?.() ?? null);
        shell.handle(req, res);
      });
      resolve({
        server,
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            shell.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** This machine: 127.0.0.1 or ::1 exactly (another address of 127/8 is another program's choice, not the counter's window). */
export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
