// The browser shell over real HTTP on loopback: who may call, what bad input
// gets back, and that a refused call changes nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../preload/contract/methods';
import { QueueMove } from '../../preload/contract/queue-rule';
import { methodAccess } from '../../preload/contract/method-access';
import { startBrowserShell, type RunningShell } from '../../main/browser/http-server';
import { RAM, startTestCore, tempDir, type TestCore } from '../support/temp-core';

const API_KEY = 'test-key-0123456789abcdef';
let t: TestCore;
let shell: RunningShell;
let port: number;

beforeAll(async () => {
  t = startTestCore();
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HIMS Counter</title>');
  shell = await startBrowserShell({ core: t.core, rendererDir, port: 0, apiKey: API_KEY });
  port = Number(new URL(shell.url).port);
});
afterAll(async () => {
  await shell.close();
  t.dispose();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so the test controls every header (fetch would add its own). */
function send(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Opens a stream, reads its status and type, and hangs up. */
function openStream(path: string, headers: Record<string, string>): Promise<{ status: number; contentType: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']) });
      res.destroy();
    });
    req.on('error', reject);
    req.end();
  });
}

const auth = { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' };
const call = (method: string, input: unknown, headers: Record<string, string> = auth) =>
  send('POST', `/api/${method}`, headers, typeof input === 'string' ? input : JSON.stringify(input));
const json = (reply: Reply) =>
  JSON.parse(reply.body) as { ok: boolean; value?: unknown; error?: { code: string; field?: string } };

function snapshot() {
  return ['patients', 'patient_identifiers', 'tokens', 'outbox', 'audit_log', 'sequences'].map((table) => t.count(table));
}

describe('browser shell access', () => {
  it('serves the page with a per-launch HttpOnly cookie and a CSP', async () => {
    const page = await send('GET', '/', {});
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(String(page.headers['set-cookie'])).toMatch(/hims_counter_session=[\w-]{40,}; HttpOnly; SameSite=Strict/);
  });

  it('lets the page call with its cookie and scripts with the API key, nobody else', async () => {
    const cookie = String((await send('GET', '/', {})).headers['set-cookie']).split(';')[0]!;
    expect(
      (await call('counter.info', {}, { Cookie: cookie, 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}` }))
        .status,
    ).toBe(200);
    expect((await call('counter.info', {})).status).toBe(200);
    const none = await call('counter.info', {}, { 'Content-Type': 'application/json' });
    expect([none.status, json(none).error?.code]).toEqual([401, 'UNAUTHORIZED']);
    const wrong = await call('counter.info', {}, { ...auth, Authorization: 'Bearer wrong-key-0123456789' });
    expect(wrong.status).toBe(401);
    const forgedCookie = await call(
      'counter.info',
      {},
      { Cookie: 'hims_counter_session=guess', 'Content-Type': 'application/json' },
    );
    expect(forgedCookie.status).toBe(401);
  });

  it('lets the page past the sign-in only with the desk session it got (X-Counter-Session)', async () => {
    const cookie = String((await send('GET', '/', {})).headers['set-cookie']).split(';')[0]!;
    const page = { Cookie: cookie, 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}` };
    const before = await call('patients.search', { query: 'ram' }, page);
    expect([before.status, json(before).error?.code]).toEqual([401, 'UNAUTHORIZED']);
    const setup = json(
      await call('auth.setup', { username: 'asha', displayName: 'Asha Verma', password: 'correct horse battery' }, page),
    );
    const token = (setup.value as { token: string }).token;
    const after = await call('patients.search', { query: 'ram' }, { ...page, 'X-Counter-Session': token });
    expect(after.status).toBe(200);
    const forged = await call('patients.search', { query: 'ram' }, { ...page, 'X-Counter-Session': 'x'.repeat(43) });
    expect([forged.status, json(forged).error?.code]).toEqual([401, 'UNAUTHORIZED']);
    // Pushes (card contents) reach a page only with a live session.
    const noSession = await send('GET', '/api/events', { Cookie: cookie });
    expect([noSession.status, json(noSession).error?.code]).toEqual([401, 'UNAUTHORIZED']);
    const events = await openStream(`/api/events?session=${encodeURIComponent(token)}`, { Cookie: cookie });
    expect(events.status).toBe(200);
    expect(events.contentType).toMatch(/^text\/event-stream/);
    // A session token without the page's cookie is not enough: the cookie proves it is our page.
    const noCookie = await call(
      'patients.search',
      { query: 'ram' },
      { 'Content-Type': 'application/json', 'X-Counter-Session': token },
    );
    expect(noCookie.status).toBe(401);
  });

  it('refuses an unknown Host (DNS rebinding) and a cross-site Origin', async () => {
    const rebinding = await call('counter.info', {}, { ...auth, Host: `evil.example:${port}` });
    expect([rebinding.status, json(rebinding).error?.code]).toEqual([403, 'FORBIDDEN']);
    expect((await send('GET', '/', { Host: 'evil.example' })).status).toBe(403);
    const crossSite = await call('counter.info', {}, { ...auth, Origin: 'https://evil.example' });
    expect([crossSite.status, json(crossSite).error?.code]).toEqual([403, 'FORBIDDEN']);
    const fetchMeta = await call('counter.info', {}, { ...auth, 'Sec-Fetch-Site': 'cross-site' });
    expect(fetchMeta.status).toBe(403);
  });

  it("GET /api's schema for queue.move requires, move by move, exactly what the core refuses without", async () => {
    interface Condition {
      if?: { properties?: { move?: { const?: string } } };
      then?: { required?: string[] };
    }
    const contract = JSON.parse((await send('GET', '/api', { Authorization: `Bearer ${API_KEY}` })).body) as {
      methods: Record<string, { input: { required?: string[]; allOf?: Condition[] } }>;
    };
    const schema = contract.methods['queue.move']!.input;
    const schemaRequires = (move: string) =>
      [
        ...(schema.required ?? []),
        ...(schema.allOf ?? []).filter((c) => c.if?.properties?.move?.const === move).flatMap((c) => c.then?.required ?? []),
      ].filter((field) => field === 'room' || field === 'reason');
    const coreRequires = async (move: string) => {
      const refusedWithout: string[] = [];
      for (const field of ['room', 'reason']) {
        const input: Record<string, unknown> = {
          moveId: crypto.randomUUID(),
          tokenId: crypto.randomUUID(),
          version: 1,
          move,
          room: '101',
          reason: 'issued to the wrong patient',
        };
        delete input[field];
        const error = json(await call('queue.move', input)).error;
        if (error?.code === 'VALIDATION_FAILED' && error.field === field) refusedWithout.push(field);
      }
      return refusedWithout;
    };
    for (const move of QueueMove.options) expect(schemaRequires(move), move).toEqual(await coreRequires(move));
    expect(schemaRequires('entered_in_error')).toEqual(['reason']);
  });

  it('lists the contract with JSON Schemas at GET /api', async () => {
    const reply = await send('GET', '/api', { Authorization: `Bearer ${API_KEY}` });
    expect(reply.status).toBe(200);
    const contract = JSON.parse(reply.body) as {
      methods: Record<string, { input: { properties?: Record<string, unknown>; required?: string[] }; output: unknown }>;
    };
    expect(Object.keys(contract.methods).sort()).toEqual([...methodNames].sort());
    const register = contract.methods['patients.register']!.input;
    expect(Object.keys(register.properties ?? {})).toEqual(
      expect.arrayContaining([
        'name',
        'gender',
        'dateOfBirth',
        'ageYears',
        'phone',
        'guardianName',
        'guardianRelation',
        'address',
        'abhaNumber',
        'abhaAddress',
      ]),
    );
    expect(register.required).toEqual(expect.arrayContaining(['name', 'gender']));
    expect(contract.methods['tokens.issue']!.output).toMatchObject({ type: 'object' });
  });
});

describe('bad input over HTTP', () => {
  const cases: [string, string, unknown, number, string][] = [
    ['wrong types', 'patients.register', { ...RAM, name: 42, ageYears: 'forty' }, 400, 'VALIDATION_FAILED'],
    ['missing fields', 'patients.register', { name: 'Ram' }, 400, 'VALIDATION_FAILED'],
    ['out-of-range age', 'patients.register', { ...RAM, ageYears: 400 }, 400, 'VALIDATION_FAILED'],
    ['out-of-range limit', 'patients.search', { query: 'ram', limit: 100000 }, 400, 'VALIDATION_FAILED'],
    [
      'bad token priority',
      'tokens.issue',
      { patientId: crypto.randomUUID(), departmentCode: 'MED', priority: 'vip' },
      400,
      'VALIDATION_FAILED',
    ],
    ['unknown method', 'patients.delete', {}, 404, 'UNKNOWN_METHOD'],
    ['a method name that is not valid percent-encoding', 'patients.%E0%A4', {}, 400, 'MALFORMED_REQUEST'],
    ['a lone percent sign in the method name', '%', {}, 400, 'MALFORMED_REQUEST'],
    ['malformed JSON', 'patients.register', '{"name": "Ram",', 400, 'MALFORMED_REQUEST'],
    ['JSON that is not an object', 'patients.register', '[1,2,3]', 400, 'MALFORMED_REQUEST'],
    ['a 10 MB name', 'patients.register', { ...RAM, name: 'x'.repeat(10 * 1024 * 1024) }, 413, 'PAYLOAD_TOO_LARGE'],
    [
      'SQL in the department code',
      'tokens.issue',
      { patientId: crypto.randomUUID(), departmentCode: "MED'; DROP TABLE tokens;--" },
      400,
      'VALIDATION_FAILED',
    ],
  ];

  it.each(cases)('%s (%s): a typed error, nothing changed', async (_label, method, input, status, code) => {
    const before = snapshot();
    const reply = await call(method, input);
    expect(reply.status).toBe(status);
    expect(json(reply)).toMatchObject({ ok: false, error: { code } });
    expect(snapshot()).toEqual(before);
  });

  it('refuses every peer method at /api, even with the API key: they answer only on the peer port', async () => {
    const registered = json(await call('patients.register', { ...RAM, name: 'Peer Probe', confirmNotDuplicate: true }));
    const id = (registered.value as { id: string }).id;
    const reply = await call('peer.patient', { id });
    expect(reply.status).toBe(403);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(reply.body).not.toContain('Peer Probe');
    const peerMethods = methodNames.filter((m) => methodAccess[m].level === 'peer');
    expect(peerMethods).toEqual(expect.arrayContaining(['peer.patient', 'peer.lookup', 'peer.move']));
    for (const method of peerMethods) expect(json(await call(method, {})).error?.code, method).toBe('FORBIDDEN');
  });

  it('names the offending field', async () => {
    const reply = await call('patients.register', { ...RAM, address: { ...RAM.address, pincode: '12' } });
    expect(json(reply).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'address.pincode' });
  });

  it('refuses a body that is not declared JSON (an HTML form cannot send JSON)', async () => {
    const reply = await call('counter.info', '{}', {
      Authorization: `Bearer ${API_KEY}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(reply.status).toBe(400);
  });

  it('stores and returns markup and SQL in names as plain text', async () => {
    const name = `<img src=x onerror=alert(1)> O'Brien'); DROP TABLE patients;--`;
    const reply = await call('patients.register', { name, gender: 'female', ageYears: 33 });
    expect(reply.status).toBe(200);
    expect((json(reply).value as { name: string }).name).toBe(name);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(t.count('patients')).toBeGreaterThan(0);
  });
});
