// A misbehaving network between the counter and the HIMS, on loopback.
// Each request draws one fault (seeded, so a failing run can be replayed):
//   drop-request   the connection dies before the HIMS sees anything
//   drop-response  the HIMS does the work, the answer never arrives
//   reset-mid-body the HIMS does the work, half the answer arrives, then RST
//   delay          the answer comes late (the client may time out meanwhile)
//   slow-drip      the answer trickles in small chunks
//   500 / 503      answered by the "gateway" without reaching the HIMS
//   502-after      the HIMS did the work, the gateway answers 502 anyway
//   429            Too Many Requests with Retry-After
// `heal()` turns it into a plain pass-through.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  'drop-request' | 'drop-response' | 'reset-mid-body' | 'delay' | 'slow-drip' | '500' | '503' | '502-after' | '429' | 'none';

export interface FaultProxyOptions {
  target: string; // http://127.0.0.1:port
  seed?: number;
  /** Probability of each fault per request; the rest pass through. */
  faults?: Partial<Record<Exclude<Fault, 'none'>, number>>;
  delayMs?: number;
  retryAfterSeconds?: number;
}

export interface FaultProxy {
  url: string;
  counts: Record<Fault, number>;
  setFaults(faults: FaultProxyOptions['faults']): void;
  heal(): void;
  close(): Promise<void>;
}

/** mulberry32: a small seeded PRNG, so the fault sequence is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const random = seededRandom(options.seed ?? 1);
  let faults = options.faults ?? {};
  const counts = Object.fromEntries(
    ['drop-request', 'drop-response', 'reset-mid-body', 'delay', 'slow-drip', '500', '503', '502-after', '429', 'none'].map(
      (f) => [f, 0],
    ),
  ) as Record<Fault, number>;
  const sockets = new Set<Socket>();

  function draw(): Fault {
    let r = random();
    for (const [fault, p] of Object.entries(faults) as [Exclude<Fault, 'none'>, number][]) {
      if (r < p) return fault;
      r -= p;
    }
    return 'none';
  }

  function forward(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, 'content-length': String(body.length) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const fault = draw();
    counts[fault]++;
    const plain = (status: number, extra: Record<string, string> = {}): void =>
      void res.writeHead(status, { 'content-type': 'text/plain', ...extra }).end(`fault proxy: ${status}`);
    switch (fault) {
      case 'drop-request':
        return void req.socket.destroy();
      case '500':
        return plain(500);
      case '503':
        return plain(503, { 'retry-after': String(options.retryAfterSeconds ?? 1) });
      case '429':
        return plain(429, { 'retry-after': String(options.retryAfterSeconds ?? 1) });
      default:
    }
    const answer = await forward(req, body);
    const headers: Record<string, string | string[] | undefined> = {
      ...answer.headers,
      'content-length': String(answer.body.length),
      connection: 'close',
    };
    delete headers['transfer-encoding'];
    switch (fault) {
      case 'drop-response':
        return void req.socket.destroy();
      case '502-after':
        return plain(502);
      case 'reset-mid-body':
        res.writeHead(answer.status, headers);
        res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
        await sleep(5);
        return void req.socket.resetAndDestroy();
      case 'delay':
        await sleep(options.delayMs ?? 300);
        break;
      case 'slow-drip': {
        res.writeHead(answer.status, headers);
        const step = Math.max(256, Math.ceil(answer.body.length / 10));
        for (let i = 0; i < answer.body.length && !res.destroyed; i += step) {
          res.write(answer.body.subarray(i, i + step));
          await sleep(20);
        }
        return void res.end();
      }
      default:
    }
    res.writeHead(answer.status, headers).end(answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${target.pathname === '/' ? '' : target.pathname}`,
    counts,
    setFaults: (f) => (faults = f ?? {}),
    heal: () => (faults = {}),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
