// Counters of one hospital on its own network (docs/peers.md), each on its
// own data folder and loopback port with real TLS: pairing with the network
// key, refusals, a patient found at another counter by mobile and brought
// over, a counter killed and started again, and what bad peers get.
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { networkKeyFrom } from '../../main/peers/network-key';
import { signRequest } from '../../main/peers/request-auth';
import { RAM } from '../support/temp-core';
import {
  blackHolePeer,
  certificate,
  NETWORK_KEY,
  peerSceneEachTest,
  standInPeer,
  type PeerCounter,
} from '../support/peer-fixture';

const scene = peerSceneEachTest();

/** A raw HTTPS request to a counter's peer server, with whatever certificate and headers a test wants. */
function rawCall(
  to: PeerCounter,
  path: string,
  body: string,
  options: { cert?: { keyPem: string; certPem: string }; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: { ok?: boolean; error?: { code: string; message: string }; reason?: string } }> {
  const [host, port] = to.address().split(':');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port: Number(port),
        method: 'POST',
        path,
        rejectUnauthorized: false,
        agent: false,
        ...(options.cert ? { key: options.cert.keyPem, cert: options.cert.certPem } : {}),
        headers: { 'Content-Type': 'application/json', ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('pairing counters', () => {
  it('pairs two counters with the network key: each knows and reaches the other', async () => {
    const a = await scene.counter('A');
    const b = await scene.counter('B');
    const paired = await scene.pair(a, b);
    expect(paired).toMatchObject({ counterLetter: 'B', address: b.address(), state: 'reachable', problem: null });
    // B learnt A from the pairing itself: the address A listens on, A's pinned key.
    const atB = await b.call('peers.status', {});
    expect(atB.peers).toEqual([expect.objectContaining({ counterLetter: 'A', address: a.address() })]);
    expect(atB.keyCheck).toBe((await a.call('peers.status', {})).keyCheck);
    const checked = await b.call('peers.check', {});
    expect(checked[0]).toMatchObject({ counterLetter: 'A', state: 'reachable', clockOffsetSeconds: 0 });
    expect(a.core.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'peer.%' ORDER BY seq").pluck().all()).toEqual([
      'peer.networkKey',
      'peer.pair',
    ]);
  });

  it('refuses a counter with another network key, which learns nothing', async () => {
    const a = await scene.counter('A');
    const stranger = await scene.counter('S', { key: 'SOMEO-NEELS-EKEYX-XXXXX-XXXXX' });
    const refused = await stranger.fail('peers.add', { address: a.address() });
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'key_refused' } });
    expect(refused.message).not.toMatch(/Lok Nayak|counter A/);
    expect(a.count('peers') + stranger.count('peers')).toBe(0);
  });

  it('refuses a second counter with a letter already paired, the same letter as this one, and another hospital', async () => {
    const a = await scene.counter('A');
    const b = await scene.counter('B');
    await scene.pair(a, b);
    const secondB = await scene.counter('B');
    expect(await secondB.fail('peers.add', { address: a.address() })).toMatchObject({ details: { reason: 'letter_taken' } });
    const secondA = await scene.counter('A');
    expect(await secondA.fail('peers.add', { address: a.address() })).toMatchObject({ details: { reason: 'same_letter' } });
    const elsewhere = await scene.counter('G', { hospitalCode: 'GTB' });
    expect(await elsewhere.fail('peers.add', { address: a.address() })).toMatchObject({ details: { reason: 'other_hospital' } });
    expect(a.count('peers')).toBe(1);
  });

  it('talks to a counter whose clock is ten minutes ahead, and names that clock', async () => {
    const a = await scene.counter('A');
    const b = await scene.counter('B');
    await scene.pair(a, b);
    b.clock.advance(10 * 60_000);
    // A's requests are stamped ten minutes behind B: refused once as stale, then sent again in B's time.
    const [view] = await a.call('peers.check', {});
    expect(view).toMatchObject({ counterLetter: 'B', state: 'reachable', clockOffsetSeconds: 600 });
    const clock = await a.call('clock.status', {});
    expect(clock.problems).toContainEqual(
      expect.objectContaining({ kind: 'differs', source: 'peer', peer: 'B', byMinutes: -10 }),
    );
  });

  it('cannot pair without a key of its own, and says so', async () => {
    const a = await scene.counter('A');
    const keyless = await scene.counter('K', { key: null });
    expect(await keyless.fail('peers.add', { address: a.address() })).toMatchObject({ code: 'CONFLICT', field: 'address' });
    expect(await keyless.fail('peers.setNetworkKey', { key: 'short' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'key',
    });
  });
});

describe('a patient registered at another counter', () => {
  it('is found by mobile number and brought over with the same id and UHID, audited at both counters', async () => {
    const a = await scene.counter('A');
    const c = await scene.counter('C');
    await scene.pair(a, c);
    const atC = await c.call('patients.register', RAM);

    expect((await a.call('patients.search', { query: RAM.phone })).patients).toEqual([]);
    const elsewhere = await a.call('patients.searchElsewhere', { query: RAM.phone });
    expect(elsewhere).toEqual({
      found: [
        expect.objectContaining({
          counterLetter: 'C',
          broughtHere: false,
          patient: expect.objectContaining({ uhid: atC.uhid, name: 'Ram Kumar' }),
        }),
      ],
      notAsked: [],
    });

    const brought = await a.call('patients.bringOver', { counterId: c.core.context.identity.counterId, patientId: atC.id });
    expect(brought).toMatchObject({ id: atC.id, uhid: atC.uhid, name: atC.name, phone: atC.phone, guardianName: 'Shyam Lal' });
    expect((await a.call('patients.search', { query: RAM.phone })).patients.map((p) => p.id)).toEqual([atC.id]);
    expect(a.core.db.prepare('SELECT entity, operation FROM outbox WHERE entity_id = ?').all(atC.id)).toEqual([
      { entity: 'patient', operation: 'create' },
    ]);
    expect(a.core.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'patient.bringOver'").get()).toEqual({
      actor: 'test',
      detail: JSON.stringify({ fromCounter: 'C' }),
    });
    expect(
      c.core.db.prepare("SELECT actor FROM audit_log WHERE action = 'patient.view' AND entity_id = ?").pluck().all(atC.id),
    ).toEqual(['peer:A']);
    // A token for the brought patient is this counter's own.
    expect((await a.call('tokens.issue', { patientId: atC.id, departmentCode: 'MED' })).label).toBe('A-001');
    // Asked again: it is here now.
    expect((await a.call('patients.searchElsewhere', { query: RAM.phone })).found[0]).toMatchObject({ broughtHere: true });
  });

  it('is never looked for by name across counters', async () => {
    const a = await scene.counter('A');
    const refused = await a.fail('patients.searchElsewhere', { query: 'Ram Kumar' });
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query' });
  });

  it('answers within the time-out when a counter hangs, saying which counter was not asked', async () => {
    const a = await scene.counter('A');
    const c = await scene.counter('C');
    await scene.pair(a, c);
    await c.call('patients.register', RAM);
    const hole = await blackHolePeer(a, 'H');
    scene.onClose(hole.close);
    const started = Date.now();
    const answer = await a.call('patients.searchElsewhere', { query: RAM.phone });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(answer.found.map((f) => f.counterLetter)).toEqual(['C']);
    expect(answer.notAsked).toEqual([{ counterId: 'black-hole-H', counterLetter: 'H', problem: 'timeout' }]);
    expect((await a.call('peers.status', {})).peers.find((p) => p.counterLetter === 'H')).toMatchObject({
      state: 'unreachable',
      problem: 'timeout',
    });
  });

  it('is found again once its counter, killed mid-day, is started again', async () => {
    const a = await scene.counter('A');
    let c = await scene.counter('C');
    await scene.pair(a, c);
    await c.call('patients.register', RAM);
    const port = c.address();
    c.core.close();
    const down = await a.call('patients.searchElsewhere', { query: RAM.phone });
    expect(down).toMatchObject({ found: [], notAsked: [{ counterLetter: 'C', problem: 'unreachable' }] });

    c = await c.restart();
    expect(c.address()).toBe(port);
    const up = await a.call('patients.searchElsewhere', { query: RAM.phone });
    expect(up.found.map((f) => f.patient.name)).toEqual(['Ram Kumar']);
    expect(up.notAsked).toEqual([]);
  });
});

describe('what a caller without the key, or a bad peer, gets', () => {
  it('refuses every peer method to an unpaired certificate and to a wrong key, changing nothing', async () => {
    const a = await scene.counter('A');
    const b = await scene.counter('B');
    await scene.pair(a, b);
    const patient = await a.call('patients.register', RAM);
    const stranger = await certificate(new Date(Date.now() - 86_400_000), new Date(Date.now() + 86_400_000));
    for (const [method, input] of [
      ['peer.hello', {}],
      ['peer.lookup', { query: RAM.phone }],
      ['peer.patient', { id: patient.id }],
    ] as const) {
      const path = `/peer/call/${method}`;
      const body = JSON.stringify(input);
      const noCert = await rawCall(a, path, body);
      const unpaired = await rawCall(a, path, body, { cert: stranger });
      const wrongKey = await rawCall(a, path, body, {
        cert: stranger,
        headers: signRequest(networkKeyFrom('WRONG-KEYWR-ONGKE-YWRON-GKEYX'), {
          counterId: b.core.context.identity.counterId,
          path,
          body,
          time: new Date(),
        }),
      });
      for (const reply of [noCert, unpaired, wrongKey]) {
        expect(reply.status).toBe(401);
        expect(JSON.stringify(reply.body)).not.toContain('Ram');
      }
    }
    expect(a.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'patient.view'").pluck().get()).toBe(0);
  });

  it('refuses a replayed request, and a paired counter calling anything but the peer methods', async () => {
    const a = await scene.counter('A');
    const b = await scene.counter('B');
    await scene.pair(a, b);
    const patient = await a.call('patients.register', RAM);
    // B's own TLS key and the network key: a request exactly as B would sign it.
    const { loadPeerCredentials } = await import('../../main/peers/peer-tls');
    const { plainFileSecretStore } = await import('../../main/config/secret-store');
    const bCert = await loadPeerCredentials(b.core.db, plainFileSecretStore(`${b.dataDir}/secrets`), 'x', new Date());
    const path = '/peer/call/peer.patient';
    const body = JSON.stringify({ id: patient.id });
    // Stamped by the clock both test counters share.
    const headers = signRequest(networkKeyFrom(NETWORK_KEY), {
      counterId: b.core.context.identity.counterId,
      path,
      body,
      time: a.clock.now(),
    });
    const first = await rawCall(a, path, body, { cert: bCert, headers });
    expect(first.body).toMatchObject({ ok: true });
    const again = await rawCall(a, path, body, { cert: bCert, headers });
    expect(again).toMatchObject({ status: 401, body: { error: { message: 'request refused: replayed' } } });
    // A body swapped under a valid signature.
    const swapped = await rawCall(a, path, JSON.stringify({ id: crypto.randomUUID() }), { cert: bCert, headers });
    expect(swapped.status).toBe(401);
    expect(a.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'patient.view'").pluck().get()).toBe(1);

    const clerkPath = '/peer/call/patients.register';
    const clerkBody = JSON.stringify(RAM);
    const clerkCall = await rawCall(a, clerkPath, clerkBody, {
      cert: bCert,
      headers: signRequest(networkKeyFrom(NETWORK_KEY), {
        counterId: b.core.context.identity.counterId,
        path: clerkPath,
        body: clerkBody,
        time: a.clock.now(),
      }),
    });
    expect(clerkCall).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(a.count('patients')).toBe(1);
  });

  it('names a peer that answers garbage, too much, too slowly or with an expired certificate, and changes nothing here', async () => {
    const a = await scene.counter('A');
    const cases: [string, Parameters<typeof standInPeer>[2], string, { from: Date; to: Date }?][] = [
      ['G', (_req, res) => res.end('<html>proxy error</html>'), 'bad_answer'],
      ['J', (_req, res) => res.end(JSON.stringify({ ok: true, value: { patients: [{ id: 'not a patient' }] } })), 'bad_answer'],
      [
        'L',
        (_req, res) => res.end(JSON.stringify({ ok: true, value: { patients: [] }, pad: 'x'.repeat(2 * 1024 * 1024) })),
        'too_large',
      ],
      [
        'D',
        (_req, res) => {
          // A drip: a byte at a time, never done in time.
          res.writeHead(200);
          const timer = setInterval(() => res.write(' '), 100);
          res.on('close', () => clearInterval(timer));
        },
        'timeout',
      ],
      [
        'E',
        (_req, res) => res.end(JSON.stringify({ ok: true, value: { patients: [] } })),
        'certificate_expired',
        { from: new Date(Date.now() - 10 * 86_400_000), to: new Date(Date.now() - 86_400_000) },
      ],
    ];
    for (const [letter, handler, , validity] of cases) {
      const peer = await standInPeer(a, letter, handler, validity);
      scene.onClose(peer.close);
    }
    const before = a.count('patients') + a.count('outbox');
    const answer = await a.call('patients.searchElsewhere', { query: RAM.phone });
    expect(answer.found).toEqual([]);
    expect(Object.fromEntries(answer.notAsked.map((n) => [n.counterLetter, n.problem]))).toEqual({
      G: 'bad_answer',
      J: 'bad_answer',
      L: 'too_large',
      D: 'timeout',
      E: 'certificate_expired',
    });
    expect(a.count('patients') + a.count('outbox')).toBe(before);
    const shown = (await a.call('peers.status', {})).peers;
    expect(shown.every((p) => p.state === 'unreachable')).toBe(true);
  });

  it('refuses to bring over what a peer cannot give, changing nothing', async () => {
    const a = await scene.counter('A');
    const c = await scene.counter('C');
    await scene.pair(a, c);
    const missing = await a.fail('patients.bringOver', {
      counterId: c.core.context.identity.counterId,
      patientId: crypto.randomUUID(),
    });
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
    c.core.close();
    const down = await a.fail('patients.bringOver', {
      counterId: c.core.context.identity.counterId,
      patientId: crypto.randomUUID(),
    });
    expect(down).toMatchObject({ code: 'UNAVAILABLE', details: { problem: 'unreachable' } });
    expect(a.count('patients') + a.count('outbox')).toBe(0);
  });
});
