// Who may talk to the browser shell. It binds to loopback, but a loopback
// port is reachable from every web page the machine opens, so:
//  - the Host header must name this server (defeats DNS rebinding);
//  - a browser request must come from our own origin (defeats cross-site calls);
//  - an API call needs the page's per-launch secret (an HttpOnly, SameSite
//    cookie set when the page loads) or the scripts' API key as a Bearer token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardOptions {
  /** Host header values accepted, e.g. "127.0.0.1:5170". */
  allowedHosts: string[];
  apiKey?: string | undefined;
  /** The screens server (screens-server.ts): pages come from https:// origins and the cookie is Secure. */
  tls?: boolean;
}

export const SESSION_COOKIE = 'hims_counter_session';

export type GuardVerdict =
  { ok: true; actor: string } | { ok: false; status: 401 | 403; code: 'UNAUTHORIZED' | 'FORBIDDEN'; message: string };

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function createGuard(options: GuardOptions) {
  const pageSecret = randomBytes(32).toString('base64url');
  const hosts = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
  const scheme = options.tls ? 'https' : 'http';
  const origins = new Set([...hosts].map((h) => `${scheme}://${h}`));

  return {
    sessionCookie: `${SESSION_COOKIE}=${pageSecret}; HttpOnly; SameSite=Strict; Path=/${options.tls ? '; Secure' : ''}`,

    /** Every request: the Host must be ours. */
    checkHost(req: IncomingMessage): GuardVerdict {
      const host = (req.headers.host ?? '').toLowerCase();
      if (!hosts.has(host)) return { ok: false, status: 403, code: 'FORBIDDEN', message: `unknown Host "${host}"` };
      return { ok: true, actor: 'anonymous' };
    },

    /** API calls from a browser must come from our own page. */
    checkOrigin(req: IncomingMessage): GuardVerdict {
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(origin.toLowerCase())) {
        return { ok: false, status: 403, code: 'FORBIDDEN', message: `cross-site Origin "${origin}" refused` };
      }
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        return { ok: false, status: 403, code: 'FORBIDDEN', message: `cross-site request (${site}) refused` };
      }
      return { ok: true, actor: 'anonymous' };
    },

    /** API calls: the page's cookie, or the scripts' Bearer key. */
    authenticate(req: IncomingMessage): GuardVerdict {
      const auth = req.headers.authorization;
      if (auth !== undefined) {
        const key = /^Bearer (.+)$/.exec(auth)?.[1];
        if (options.apiKey && key && safeEqual(key, options.apiKey)) return { ok: true, actor: 'api-key' };
        return { ok: false, status: 401, code: 'UNAUTHORIZED', message: 'wrong or missing API key' };
      }
      const cookie = readCookie(req, SESSION_COOKIE);
      if (cookie && safeEqual(cookie, pageSecret)) return { ok: true, actor: 'counter-page' };
      return { ok: false, status: 401, code: 'UNAUTHORIZED', message: 'send the API key as "Authorization: Bearer <key>"' };
    },
  };
}

export type Guard = ReturnType<typeof createGuard>;
