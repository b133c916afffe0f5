// A serial (USB-COM) scanner through a real pty pair made by socat: the core
// opens one end with `serialport` (port and baud from scanners.configure);
// what the "scanner" writes into the other end arrives as a scanner.scan push
// event, also over the browser shell's SSE stream, and resolves to the
// patient. Unplugging (socat stops) and replugging reconnect by themselves.
import { request } from 'node:http';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../preload/contract/events';
import { startBrowserShell } from '../../main/browser/http-server';
import { startPtyPair, type PtyPair } from '../support/pty-pair';
import { RAM, startTestCore, tempDir, type TestCore } from '../support/temp-core';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function nextEvent<N extends CoreEvent['name']>(
  t: TestCore,
  name: N,
  test: (e: Extract<CoreEvent, { name: N }>) => boolean = () => true,
  ms = 5000,
) {
  return new Promise<Extract<CoreEvent, { name: N }>>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${name} event in ${ms} ms`));
    }, ms);
    const off = t.core.events.subscribe((e) => {
      if (e.name === name && test(e as Extract<CoreEvent, { name: N }>)) {
        clearTimeout(timer);
        off();
        resolve(e as Extract<CoreEvent, { name: N }>);
      }
    });
  });
}

async function setup(): Promise<{ t: TestCore; pty: PtyPair; dir: string }> {
  const t = startTestCore({ counterLetter: 'B', hospitalCode: 'LNH' });
  cleanups.push(() => t.dispose());
  const dir = tempDir('hims-pty-');
  const pty = await startPtyPair(join(dir, 'scanner'), join(dir, 'ttyScanner'));
  cleanups.push(() => pty.stop());
  return { t, pty, dir };
}

describe('serial scanner', () => {
  it('reads a card from the port and the card resolves to the patient', async () => {
    const { t, pty } = await setup();
    const ram = await t.call('patients.register', RAM);
    const card = await t.call('cards.issue', { patientId: ram.id });
    const connected = nextEvent(t, 'scanner.status', (e) => e.payload.serialState === 'connected');
    const status = await t.call('scanners.configure', { serialPort: pty.hostPath, serialBaudRate: 115200 });
    expect(status.settings).toMatchObject({ serialPort: pty.hostPath, serialBaudRate: 115200 });
    await connected;

    const scanned = nextEvent(t, 'scanner.scan');
    pty.send(`${card.qr}\r\n`);
    const event = await scanned;
    expect(event.payload).toEqual({ text: card.qr, source: 'serial' });
    const resolved = await t.call('cards.resolve', { text: event.payload.text, source: 'serial' });
    expect(resolved).toMatchObject({ verification: { state: 'verified' }, patient: { id: ram.id } });

    // A scanner with no suffix: the pause ends the scan. And CR-only.
    const bare = nextEvent(t, 'scanner.scan');
    pty.send(ram.uhid);
    expect((await bare).payload.text).toBe(ram.uhid);
    const cr = nextEvent(t, 'scanner.scan');
    pty.send('91-5312-7746-2208\r');
    expect((await cr).payload.text).toBe('91-5312-7746-2208');
    expect((await t.call('scanners.status', {})).scans).toBe(3);
  });

  it('waits for an unplugged scanner and reconnects when it is back', async () => {
    const { t, pty, dir } = await setup();
    const connected = nextEvent(t, 'scanner.status', (e) => e.payload.serialState === 'connected');
    await t.call('scanners.configure', { serialPort: pty.hostPath });
    await connected;

    const waiting = nextEvent(t, 'scanner.status', (e) => e.payload.serialState === 'waiting_for_device');
    await pty.stop(); // unplugged
    expect((await waiting).payload.lastError).toBeTruthy();

    const back = nextEvent(t, 'scanner.status', (e) => e.payload.serialState === 'connected', 8000);
    const again = await startPtyPair(join(dir, 'scanner'), join(dir, 'ttyScanner'));
    cleanups.push(() => again.stop());
    await back;
    const scanned = nextEvent(t, 'scanner.scan');
    again.send('LNH-B26-000173-4\n');
    expect((await scanned).payload.text).toBe('LNH-B26-000173-4');

    await t.call('scanners.configure', { serialPort: null });
    expect((await t.call('scanners.status', {})).settings.serialPort).toBeNull();
  });

  it('refuses a port that is not a device path, and pushes scans over SSE', async () => {
    const { t, pty } = await setup();
    expect((await t.fail('scanners.configure', { serialPort: '/dev/tty; rm -rf /' })).field).toBe('serialPort');
    expect((await t.fail('scanners.configure', { serialBaudRate: 1234 })).field).toBe('serialBaudRate');

    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const shell = await startBrowserShell({ core: t.core, rendererDir, port: 0, apiKey: 'k-0123456789abcdef' });
    cleanups.push(() => shell.close());
    const port = Number(new URL(shell.url).port);

    const refused = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(refused).toBe(401);

    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${port}`, Authorization: 'Bearer k-0123456789abcdef' },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString();
            if (text.includes('event: scanner.scan')) {
              req.destroy();
              resolve(text);
            }
          });
          void (async () => {
            const connected = nextEvent(t, 'scanner.status', (e) => e.payload.serialState === 'connected');
            await t.call('scanners.configure', { serialPort: pty.hostPath });
            await connected;
            pty.send('sunita.devi@abdm\r\n');
          })().catch(reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(body).toContain('event: scanner.scan\ndata: {"text":"sunita.devi@abdm","source":"serial"}');
  });
});
