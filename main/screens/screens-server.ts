// The screens server: room screens and hall boards on other machines reach
// the counter here, over TLS with the counter's own certificate (the one its
// peers pin, main/peers/peer-tls.ts), and get what the browser shell gives
// its own window: the page, the contract, the pushes. Plain HTTP on the
// network gives them only the page that says how to pair (pairing-page.ts).
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createShellHandler, hostNames } from '../browser/http-server';
import type { Core } from '../core/create-core';
import type { ScreensInfo } from './pairing-page';
import { certificateFingerprint, pairingCode } from './screen-pairing-code';
import { screensCertificate } from './screens-certificate';

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';

export interface ScreensServerOptions {
  core: Core;
  rendererDir: string;
  /** The hospital network (0.0.0.0), or a given address. */
  host: string;
  port: number;
  /** Host names room PCs reach the counter by (--allow-host). */
  extraHosts?: string[];
  apiKey?: string | undefined;
}

export interface ScreensServer {
  server: Server;
  info: ScreensInfo;
  close(): Promise<void>;
}

export async function startScreensServer(options: ScreensServerOptions): Promise<ScreensServer> {
  const own = await options.core.peers.credentials();
  // The names a room PC's browser may open the counter by; any address (0.0.0.0) is no name.
  const names = ['localhost', '127.0.0.1', ...(isWildcard(options.host) ? [] : [options.host]), ...(options.extraHosts ?? [])];
  const certPem = await screensCertificate(options.core.db, own, names, options.core.context.clock.now());
  const server = createHttpsServer({ key: own.keyPem, cert: certPem, minVersion: 'TLSv1.2' });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shell = createShellHandler(options, hostNames(options.host, port, options.extraHosts), true);
  server.on('request', (req, res) => shell.handle(req, res));
  options.core.screens.port = port;
  options.core.screens.certPem = certPem;
  return {
    server,
    info: { port, pairingCode: pairingCode(own.spkiPin), fingerprint: certificateFingerprint(certPem), certPem },
    close: () =>
      new Promise<void>((done) => {
        options.core.screens.port = null;
        options.core.screens.certPem = null;
        shell.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
