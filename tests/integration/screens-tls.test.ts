// Room screens and hall boards over TLS (docs/peers.md "Room screens and
// boards over TLS"): the screens server shows the counter's own key over
// real TLS on loopback; a desktop screen pairs with the code shown at the
// counter and then trusts that key alone, so a machine in the middle is
// refused; a browser that installed the certificate reaches the counter by
// its name; plain HTTP from another machine gets nothing but the page that
// says how to pair, while the counter's own window keeps plain HTTP.
import { X509Certificate } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest, type RequestOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell, type RunningShell } from '../../main/browser/http-server';
import { carriesPinnedKey, pairWithCounter, pinnedTlsOptions, type ScreenPairing } from '../../main/screens/screen-client';
import { readScreenPairing, screenPairing } from '../../main/screens/screen-pairing-file';
import { startScreensServer, type ScreensServer } from '../../main/screens/screens-server';
import { certificate } from '../support/peer-certificates';
import { RAM, startTestCore, tempDir, type TestCore } from '../support/temp-core';

const API_KEY = 'test-key-0123456789abcdef';
const NAME = 'counter-b.lnh.local';
let t: TestCore;
let shell: RunningShell;
let screens: ScreensServer;
let code: string;

beforeAll(async () => {
  t = startTestCore();
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HIMS Counter app</title>');
  screens = await startScreensServer({
    core: t.core,
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    extraHosts: [NAME],
    apiKey: API_KEY,
  });
  shell = await startBrowserShell({ core: t.core, rendererDir, port: 0, apiKey: API_KEY, screens: () => screens.info });
  code = (await t.call('screens.pairing', {})).pairingCode;
  await t.call('patients.register', RAM);
});
afterAll(async () => {
  await screens.close();
  await shell.close();
  t.dispose();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function collect(resolve: (r: Reply) => void) {
  return (res: import('node:http').IncomingMessage) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () =>
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
    );
  };
}

const searchBody = JSON.stringify({ query: RAM.phone });
const apiHeaders = { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' };

/** Plain HTTP to the browser shell, from `from` (127.0.0.1 is this machine; 127.0.0.2 stands for a room PC). */
function plain(from: string, method: string, path: string, body?: string): Promise<Reply> {
  const port = Number(new URL(shell.url).port);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, localAddress: from, method, path, headers: { Host: `127.0.0.1:${port}`, ...apiHeaders } },
      collect(resolve),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** HTTPS to `port` with the given trust; a search of the contract unless `path` says otherwise. */
function secure(port: number, tls: RequestOptions, path = '/api/patients.search', host = '127.0.0.1'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        method: path.startsWith('/api/') ? 'POST' : 'GET',
        path,
        headers: { Host: `${host}:${port}`, ...apiHeaders },
        ...tls,
      },
      collect(resolve),
    );
    req.on('error', reject);
    req.end(path.startsWith('/api/') ? searchBody : undefined);
  });
}

/** A machine in the middle: TLS with a key of its own, answering anything. */
async function impostor() {
  const cert = await certificate(new Date(Date.now() - 86_400_000), new Date(Date.now() + 86_400_000));
  const server = createHttpsServer({ key: cert.keyPem, cert: cert.certPem }, (_req, res) => res.end('{"ok":true,"value":{}}'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, cert, close: () => new Promise((r) => server.close(r)) };
}

describe('room screens and boards over TLS', () => {
  it('pairs a desktop screen with the code shown at the counter, typed any way, and reaches the contract pinned', async () => {
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const pairing = await pairWithCounter(`https://127.0.0.1:${screens.info.port}`, code.toLowerCase().replace(/-/g, ' '));
    // The same key the hospital's other counters pin.
    expect(pairing.spkiPin).toBe((await t.core.peers.credentials()).spkiPin);
    const reply = await secure(screens.info.port, pinnedTlsOptions(pairing));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { patients: [{ name: RAM.name }] } });
    // The page over TLS: its session cookie never goes back over plain HTTP.
    const page = await secure(screens.info.port, pinnedTlsOptions(pairing), '/?mode=room');
    expect(page.body).toContain('HIMS Counter app');
    expect(String(page.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('refuses a wrong code, a machine in the middle, and plain http:// addresses, with the field named', async () => {
    const other = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    await expect(pairWithCounter(`https://127.0.0.1:${screens.info.port}`, other)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { field: 'pairingCode' },
    });
    const middle = await impostor();
    try {
      await expect(pairWithCounter(`https://127.0.0.1:${middle.port}`, code)).rejects.toMatchObject({
        extra: { field: 'pairingCode' },
      });
      // Paired before, then sent to the impostor's address: the request is refused before anything is sent.
      const pairing = await pairWithCounter(`https://127.0.0.1:${screens.info.port}`, code);
      const redirected: ScreenPairing = { ...pairing, certPem: middle.cert.certPem };
      await expect(secure(middle.port, pinnedTlsOptions(pairing))).rejects.toThrow();
      await expect(secure(middle.port, pinnedTlsOptions(redirected))).rejects.toThrow(/another key/);
      // Electron's certificate check: the paired key only.
      expect(carriesPinnedKey(screens.info.certPem, pairing)).toBe(true);
      expect(carriesPinnedKey(middle.cert.certPem, pairing)).toBe(false);
    } finally {
      await middle.close();
    }
    await expect(pairWithCounter(shell.url, code)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { field: 'counter' },
    });
    await expect(pairWithCounter('https://127.0.0.1:1', code)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      extra: { field: 'counter' },
    });
  });

  it('keeps a desktop screen’s pairing in its data folder, and refuses to start unpaired', async () => {
    const dir = tempDir();
    const url = `https://127.0.0.1:${screens.info.port}`;
    const paired = await screenPairing(dir, url, code);
    expect(readScreenPairing(dir)).toEqual(paired);
    // Later starts: no code needed, the same key trusted.
    expect(await screenPairing(dir, url, undefined)).toEqual(paired);
    await expect(screenPairing(dir, 'https://127.0.0.1:1', undefined)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      extra: { field: 'pairingCode' },
    });
    await expect(screenPairing(tempDir(), url, undefined)).rejects.toMatchObject({ extra: { field: 'pairingCode' } });
  });

  it('serves a browser that installed the certificate, by the name it reaches the counter by', async () => {
    const cert = new X509Certificate(screens.info.certPem);
    expect(cert.subjectAltName).toContain(`DNS:${NAME}`);
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    // As a browser with the certificate installed: its authority, and the name checked as usual.
    const reply = await secure(screens.info.port, { ca: [screens.info.certPem], servername: NAME }, '/api/patients.search', NAME);
    expect(reply.status).toBe(200);
    await expect(
      secure(screens.info.port, { ca: [screens.info.certPem], servername: 'elsewhere.example' }, '/api/patients.search', NAME),
    ).rejects.toThrow(/altnames|Hostname/i);
    // Without it installed: refused by TLS, nothing read.
    await expect(secure(screens.info.port, {})).rejects.toThrow(/self.signed|certificate/i);
    expect((await t.call('screens.pairing', {})).fingerprint).toBe(screens.info.fingerprint);
  });

  it('gives another machine over plain HTTP only the page that says how to pair, and the counter’s own window everything', async () => {
    const page = await plain('127.0.0.2', 'GET', '/?mode=room');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Pair this screen');
    expect(page.body).toContain(`:${screens.info.port}`);
    expect(page.body).toContain(screens.info.fingerprint);
    expect(page.body).not.toContain('HIMS Counter app');
    const api = await plain('127.0.0.2', 'POST', '/api/patients.search', searchBody);
    expect(api.status).toBe(403);
    expect(api.body).not.toContain(RAM.name);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await plain('127.0.0.2', 'GET', '/counter-certificate.crt')).body).toBe(screens.info.certPem);

    expect((await plain('127.0.0.1', 'GET', '/')).body).toContain('HIMS Counter app');
    expect(JSON.parse((await plain('127.0.0.1', 'POST', '/api/patients.search', searchBody)).body)).toMatchObject({
      ok: true,
      value: { patients: [{ name: RAM.name }] },
    });
  });
});
