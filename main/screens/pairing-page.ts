// What plain HTTP gives another machine on the hospital network: a page that
// says how to reach the counter's screens over TLS, and the counter's
// certificate to install (checked against the fingerprint shown at the
// counter). No page of the app, no contract, no pushes: token lists and
// names cross the network only over TLS (docs/peers.md).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../browser/static-files';

export interface ScreensInfo {
  /** Where the screens server listens over TLS. */
  port: number;
  /** The code a desktop room screen or board is paired with (screen-pairing-code.ts). */
  pairingCode: string;
  /** SHA-256 of the certificate, as a browser shows it. */
  fingerprint: string;
  certPem: string;
}

/** The certificate is offered at this path (a room PC's browser installs it once). */
export const CERTIFICATE_PATH = '/counter-certificate.crt';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function pageHtml(httpsAddress: string | null, info: ScreensInfo | null): string {
  const how = info
    ? `<p>Room screens and hall boards reach this counter over HTTPS only: <b>${escape(httpsAddress!)}</b></p>
<ol>
<li>Desktop app on this PC: start it with <code>--room --counter ${escape(httpsAddress!)} --pairing-code CODE</code>
(or <code>--board</code>), the code as the counter shows it under Settings &rarr; Counters &rarr; Screens.</li>
<li>A browser: install <a href="${CERTIFICATE_PATH}">this counter's certificate</a> as a trusted certificate,
after checking that its SHA-256 fingerprint is the one the counter shows:<br><code>${escape(info.fingerprint)}</code><br>
then open <b>${escape(httpsAddress!)}/?mode=room</b> (or <code>?mode=board</code>).</li>
</ol>`
    : '<p>This counter does not serve room screens or boards to the network: it was started without <code>--screens-port</code>.</p>';
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>HIMS Counter: pair this screen</title>
<body><h1>Pair this screen with the counter</h1>
<p>Plain HTTP carries nothing from the counter to other machines: token lists and names cross the hospital network over TLS only.</p>
${how}</body></html>`;
}

/** The Host the screen used, with the TLS port instead (the name it reached the counter by). */
function httpsAddressFor(req: IncomingMessage, port: number): string {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '') || 'this-counter';
  return `https://${host}:${port}`;
}

export function servePairingPage(req: IncomingMessage, res: ServerResponse, info: ScreensInfo | null): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/api' || path.startsWith('/api/')) {
    res.writeHead(403, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
    res.end(
      JSON.stringify({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: info
            ? `plain HTTP serves nothing to other machines: use ${httpsAddressFor(req, info.port)}`
            : 'plain HTTP serves nothing to other machines',
        },
      }),
    );
    return;
  }
  if (path === CERTIFICATE_PATH && info) {
    res.writeHead(200, { 'Content-Type': 'application/x-x509-ca-cert', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
    res.end(info.certPem);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(req.method === 'HEAD' ? undefined : pageHtml(info ? httpsAddressFor(req, info.port) : null, info));
}
