// Several counters of one hospital in one test: separate data folders, each
// with its peer server on its own loopback port (real TLS), and stand-in peers
// that misbehave (garbage, a huge answer, a slow drip, an expired
// certificate, a black hole) for the bad-input tests.
import { createServer as createTlsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { savePeer } from '../../main/peers/peer-store';
import { certificate } from './peer-certificates';
import { startTestCore, tempDir, type TestCore } from './temp-core';

export const NETWORK_KEY = 'LNHKE-Y2026-COUNT-ERSAB-CDEFG';
export const HOSPITAL = { hospitalCode: 'LNH', hospitalName: 'Lok Nayak Hospital' } as const;

export interface PeerCounter extends TestCore {
  letter: string;
  address: () => string;
  restart(): Promise<PeerCounter>;
}

export async function listeningAddress(c: TestCore): Promise<string> {
  await c.core.peers.start();
  const at = c.core.peers.listening();
  if (!at) throw new Error('the peer server is not listening');
  return `127.0.0.1:${at.port}`;
}

/** Counters made during a test, closed after it (stand-in servers too). */
export function peerSceneEachTest() {
  const counters: TestCore[] = [];
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    counters.splice(0).forEach((c) => c.dispose());
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  async function counter(
    letter: string,
    options: { key?: string | null; hospitalCode?: string; dataDir?: string; port?: number } = {},
  ) {
    const dataDir = options.dataDir ?? tempDir();
    const c = startTestCore(
      { ...HOSPITAL, counterLetter: letter, ...(options.hospitalCode ? { hospitalCode: options.hospitalCode } : {}) },
      dataDir,
      {
        peers: { host: '127.0.0.1', port: options.port ?? 0, callTimeoutMs: 1500 },
      },
    );
    counters.push(c);
    if (options.key !== null) await c.call('peers.setNetworkKey', { key: options.key ?? NETWORK_KEY });
    if (c.core.peers.status().networkKeySet) await listeningAddress(c);
    // Remembered: a counter that was closed starts again on the same port, as after a power cut.
    const port = c.core.peers.listening()?.port ?? options.port ?? 0;
    const peerCounter: PeerCounter = Object.assign(c, {
      letter,
      address: () => `127.0.0.1:${c.core.peers.listening()?.port ?? port}`,
      restart: async () => {
        c.core.close();
        counters.splice(counters.indexOf(c), 1);
        await new Promise((r) => setTimeout(r, 50));
        return counter(letter, { dataDir, port, key: null });
      },
    });
    return peerCounter;
  }

  return {
    counter,
    /** a adds b: both pinned. */
    async pair(a: PeerCounter, b: PeerCounter) {
      return a.call('peers.add', { address: b.address() });
    },
    onClose(close: () => Promise<void>) {
      closers.push(close);
    },
  };
}

/** An HTTPS server that answers every request with `handler`, registered at `c` as a paired counter `letter`. */
export async function standInPeer(
  c: TestCore,
  letter: string,
  handler: Parameters<typeof createTlsServer>[1],
  validity: { from: Date; to: Date } = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) },
): Promise<{ server: HttpsServer; close: () => Promise<void> }> {
  const cert = await certificate(validity.from, validity.to);
  const server = createTlsServer({ key: cert.keyPem, cert: cert.certPem }, handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  savePeer(c.core.db, {
    counter_id: `stand-in-${letter}`,
    counter_letter: letter,
    hospital_code: HOSPITAL.hospitalCode,
    hospital_name: HOSPITAL.hospitalName,
    address: `127.0.0.1:${port}`,
    spki_pin: cert.pin,
    cert_pem: cert.certPem,
    paired_at: new Date().toISOString(),
  });
  return {
    server,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Accepts connections and never says a word: a counter hung mid-day. */
export async function blackHolePeer(c: TestCore, letter: string): Promise<{ close: () => Promise<void> }> {
  const cert = await certificate(new Date(Date.now() - 86_400_000), new Date(Date.now() + 86_400_000));
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  savePeer(c.core.db, {
    counter_id: `black-hole-${letter}`,
    counter_letter: letter,
    hospital_code: HOSPITAL.hospitalCode,
    hospital_name: HOSPITAL.hospitalName,
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    spki_pin: cert.pin,
    cert_pem: cert.certPem,
    paired_at: new Date().toISOString(),
  });
  return {
    close: () =>
      new Promise((r) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  };
}

export { certificate, tempDir };
