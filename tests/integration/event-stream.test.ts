// The browser shell's push stream over real HTTP on loopback: events carry
// ids, and a page that reconnects with the last id it saw gets what it
// missed, but only from this launch and only while it is still fresh.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoreEvents, type CoreEvents } from '../../main/core/core-events';
import { createEventStream, type EventStream, type PushVerdict } from '../../main/browser/event-stream';

interface Frame {
  id?: string;
  event?: string;
  data?: string;
}

/** An SSE client that keeps every frame it has read, like EventSource would parse them. */
function connect(port: number, lastEventId?: string) {
  const frames: Frame[] = [];
  let response: IncomingMessage | null = null;
  let buffer = '';
  const opened = new Promise<void>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/events', headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {} },
      (res) => {
        response = res;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame: Frame = {};
            for (const line of buffer.slice(0, end).split('\n')) {
              const m = /^(id|event|data): (.*)$/.exec(line);
              if (m) frame[m[1] as keyof Frame] = m[2];
            }
            frames.push(frame);
            buffer = buffer.slice(end + 2);
          }
        });
        resolve();
      },
    );
    req.on('error', reject);
    req.end();
  });
  return {
    frames,
    opened,
    scans: () => frames.filter((f) => f.event === 'scanner.scan').map((f) => (JSON.parse(f.data!) as { text: string }).text),
    lastId: () => frames.filter((f) => f.id !== undefined).at(-1)?.id,
    close: () => response?.destroy(),
    response: () => response,
  };
}

const scan = (events: CoreEvents, text: string) => events.emit('scanner.scan', { text, source: 'serial' });

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

let server: Server | null = null;
let stream: EventStream | null = null;
afterEach(async () => {
  stream?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server?.closeAllConnections();
});

async function serve(events: CoreEvents, now: () => number, verdict: () => PushVerdict = () => 'send', notBefore = 0) {
  stream = createEventStream(events, { now, replayWindowMs: 10_000, keep: 5 });
  const s = stream;
  server = createServer((req, res) => s.serve(req, res, verdict, notBefore));
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

describe('the push stream', () => {
  it('sends each event once to every open page, with increasing ids', async () => {
    const events = createCoreEvents();
    const port = await serve(events, Date.now);
    const a = connect(port);
    const b = connect(port);
    await Promise.all([a.opened, b.opened]);
    scan(events, 'LNH-B26-000001-9');
    scan(events, 'LNH-B26-000002-6');
    await until(() => a.scans().length === 2 && b.scans().length === 2);
    expect(a.scans()).toEqual(['LNH-B26-000001-9', 'LNH-B26-000002-6']);
    expect(b.scans()).toEqual(a.scans());
    const seqs = a.frames.filter((f) => f.event).map((f) => Number(f.id!.split('-')[1]));
    expect(seqs).toEqual([1, 2]);
    a.close();
    b.close();
  });

  it('replays to a reconnecting page exactly what it missed', async () => {
    const events = createCoreEvents();
    const port = await serve(events, Date.now);
    const first = connect(port);
    await first.opened;
    scan(events, 'seen');
    await until(() => first.scans().length === 1);
    const lastSeen = first.lastId()!;
    first.close();
    scan(events, 'missed-1');
    scan(events, 'missed-2');

    const again = connect(port, lastSeen);
    await again.opened;
    await until(() => again.scans().length === 2);
    scan(events, 'live');
    await until(() => again.scans().length === 3);
    expect(again.scans()).toEqual(['missed-1', 'missed-2', 'live']);
    again.close();
  });

  it('gives a page that saw nothing yet a starting id, so even its first reconnect resumes', async () => {
    const events = createCoreEvents();
    const port = await serve(events, Date.now);
    const quiet = connect(port);
    await until(() => quiet.lastId() !== undefined);
    quiet.close();
    scan(events, 'while-away');
    const again = connect(port, quiet.lastId());
    await until(() => again.scans().length === 1);
    expect(again.scans()).toEqual(['while-away']);
    again.close();
  });

  it('replays nothing stale, nothing from another launch and nothing for a made-up id', async () => {
    let clock = 1_000_000;
    const events = createCoreEvents();
    const port = await serve(events, () => clock);
    const first = connect(port);
    await until(() => first.lastId() !== undefined);
    const start = first.lastId()!;
    first.close();
    scan(events, 'old');
    clock += 11_000; // past the 10 s window
    scan(events, 'fresh');

    const resumed = connect(port, start);
    const otherLaunch = connect(port, `00000000-${start.split('-')[1]}`);
    const garbage = connect(port, '"><script>');
    await Promise.all([resumed.opened, otherLaunch.opened, garbage.opened]);
    scan(events, 'live');
    await until(() => [resumed, otherLaunch, garbage].every((c) => c.scans().includes('live')));
    expect(resumed.scans()).toEqual(['fresh', 'live']);
    expect(otherLaunch.scans()).toEqual(['live']);
    expect(garbage.scans()).toEqual(['live']);
    for (const c of [resumed, otherLaunch, garbage]) c.close();
  });

  it('keeps only the newest events for replay', async () => {
    const events = createCoreEvents();
    const port = await serve(events, Date.now);
    const first = connect(port);
    await until(() => first.lastId() !== undefined);
    const start = first.lastId()!;
    first.close();
    for (let i = 1; i <= 8; i++) scan(events, `s${i}`);
    const again = connect(port, start);
    await until(() => again.scans().length === 5);
    expect(again.scans()).toEqual(['s4', 's5', 's6', 's7', 's8']);
    again.close();
  });

  it('sends a locked page nothing, and ends its stream at the first event after its session ended', async () => {
    const events = createCoreEvents();
    let state: PushVerdict = 'send';
    const port = await serve(events, Date.now, () => state);
    const page = connect(port);
    await page.opened;
    scan(events, 'while-signed-in');
    await until(() => page.scans().length === 1);
    let ended = false;
    page.response()?.on('end', () => (ended = true));
    state = 'skip'; // the counter locked: nothing is sent, the stream stays
    scan(events, 'while-locked');
    state = 'send';
    scan(events, 'after-unlock');
    await until(() => page.scans().length === 2);
    state = 'end';
    scan(events, 'after-sign-out');
    await until(() => ended);
    expect(page.scans()).toEqual(['while-signed-in', 'after-unlock']);
  });

  it('replays nothing from before the page’s session began', async () => {
    let clock = 5_000_000;
    const events = createCoreEvents();
    const port = await serve(
      events,
      () => clock,
      () => 'send',
      5_000_500,
    );
    const first = connect(port);
    await until(() => first.lastId() !== undefined);
    const start = first.lastId()!;
    first.close();
    scan(events, 'before-sign-in'); // at 5,000,000
    clock += 1000;
    scan(events, 'after-sign-in'); // at 5,001,000
    const again = connect(port, start);
    await until(() => again.scans().length === 1);
    expect(again.scans()).toEqual(['after-sign-in']);
    again.close();
  });
});
