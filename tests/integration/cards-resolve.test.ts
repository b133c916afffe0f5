// cards.* on a real core and SQLite file: every scan kind finds the patient
// (or prefills a registration), issued cards verify offline, a reissue makes
// the old card useless, another counter's cards verify once its JWKS is
// trusted, and refused scans store nothing.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { formatUhid } from '../../main/patients/uhid';
import { RAM, startTestCore, tempDir, type TestCore } from '../support/temp-core';

const cores: TestCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.dispose()));
function core(letter = 'B'): TestCore {
  const c = startTestCore({ counterLetter: letter, hospitalCode: 'LNH', hospitalName: 'Lok Nayak Hospital' }, tempDir());
  cores.push(c);
  return c;
}

const WRITE_TABLES = ['patients', 'patient_identifiers', 'issued_cards', 'outbox', 'audit_log', 'tokens', 'card_issuer_keys'];
const counts = (c: TestCore) => Object.fromEntries(WRITE_TABLES.map((t) => [t, c.count(t)]));

describe('cards.resolve', () => {
  it('finds a registered patient by UHID, ABHA number, ABHA address and ABHA card', async () => {
    const c = core();
    const ram = await c.call('patients.register', { ...RAM, abhaNumber: '91-5312-7746-2208', abhaAddress: 'ram.kumar@abdm' });
    const abhaCard = JSON.stringify({ hidn: '91531277462208', phr: 'someone@abdm', name: 'Ram Kumar', gender: 'M', dob: '1981' });
    for (const [text, by] of [
      [formatUhid(ram.uhid), 'uhid'],
      [`${ram.uhid}\r\n`, 'uhid'],
      ['91531277462208', 'abha_number'],
      ['Ram.Kumar@abdm', 'abha_address'],
      [abhaCard, 'abha_number'],
    ] as const) {
      const result = await c.call('cards.resolve', { text });
      expect(result.matchedBy, text).toBe(by);
      expect(result.patient?.id).toBe(ram.id);
      expect(result.prefill).toBeNull();
    }
  });

  it('an unknown ABHA card prefills the registration form', async () => {
    const c = core();
    const text = readFileSync(join(__dirname, '../fixtures/cards/abha-cards.json'), 'utf8');
    const first = (JSON.parse(text) as { cases: { text: string }[] }).cases[0]!.text;
    const result = await c.call('cards.resolve', { text: first });
    expect(result.patient).toBeNull();
    expect(result.verification.state).toBe('unsigned');
    expect(result.prefill).toEqual({
      name: 'Sunita Devi',
      gender: 'female',
      dateOfBirth: '1984-03-05',
      phone: '9812345670',
      abhaNumber: '91-5312-7746-2208',
      abhaAddress: 'sunita.devi@abdm',
      address: { line: 'C-12, Gali No. 4, Seelampur', district: 'North East Delhi', state: 'DELHI' },
    });
    // The prefill is accepted by patients.register as it is.
    const registered = await c.call('patients.register', {
      ...result.prefill!,
      gender: result.prefill!.gender!,
      name: result.prefill!.name!,
    });
    expect((await c.call('cards.resolve', { text: first })).patient?.id).toBe(registered.id);
  });

  it('refused scans store nothing and say why', async () => {
    const c = core();
    await c.call('patients.register', RAM);
    const before = counts(c);
    for (const [text, reason] of [
      ['x'.repeat(9000), 'oversized'],
      ['\u0000\u0001\u0002', 'binary'],
      ["'; DROP TABLE patients; --", 'unrecognized'],
      ['shc:/12', 'malformed'],
    ] as const) {
      const error = await c.fail('cards.resolve', { text });
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'text', details: { reason } });
    }
    expect((await c.fail('cards.resolve', { text: 'x'.repeat(70_000) })).code).toBe('VALIDATION_FAILED');
    expect((await c.fail('cards.resolve', { text: 42 })).code).toBe('VALIDATION_FAILED');
    expect(counts(c)).toEqual(before);
  });
});

describe('cards.issue', () => {
  it('issues a signed card that finds the patient, a CR80 PDF, and a reissue supersedes it', async () => {
    const c = core();
    const ram = await c.call('patients.register', { ...RAM, name: 'राम कुमार' });
    const card = await c.call('cards.issue', { patientId: ram.id });
    expect(card.qr).toMatch(/^shc:\/\d+$/);
    expect(card.superseded).toEqual([]);
    const pdf = await PDFDocument.load(Buffer.from(card.pdfBase64, 'base64'));
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(((width * 25.4) / 72) * 10) / 10, Math.round(((height * 25.4) / 72) * 10) / 10]).toEqual([85.6, 54]);

    const scanned = await c.call('cards.resolve', { text: card.qr });
    expect(scanned).toMatchObject({
      matchedBy: 'card_id',
      verification: { state: 'verified', kid: card.kid },
      patient: { id: ram.id },
    });
    expect(scanned.card).toMatchObject({ name: 'राम कुमार', uhid: ram.uhid, cardId: card.id });

    const again = await c.call('cards.issue', { patientId: ram.id });
    expect(again.superseded).toEqual([card.id]);
    expect(again.kid).toBe(card.kid); // the same issuer key
    expect(await c.fail('cards.resolve', { text: card.qr })).toMatchObject({ details: { reason: 'superseded' } });
    expect((await c.call('cards.resolve', { text: again.qr })).patient?.id).toBe(ram.id);
    const audit = c.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'card.issue'").get() as { n: number };
    expect(audit.n).toBe(2);
  });

  it('issues the compact card with the SMART Health Card: it finds the patient by its card, and a reissue supersedes both', async () => {
    const c = core();
    const ram = await c.call('patients.register', RAM);
    const card = await c.call('cards.issue', { patientId: ram.id });
    expect(card.compactQr).toMatch(/^HHC1:[0-9A-Z $%*+\-./:]+$/);
    expect(card.compactQr.length).toBeLessThanOrEqual(190);
    const stored = c.core.db.prepare('SELECT qr, compact_qr FROM issued_cards WHERE id = ?').get(card.id);
    expect(stored).toEqual({ qr: card.qr, compact_qr: card.compactQr });

    const scanned = await c.call('cards.resolve', { text: card.compactQr });
    expect(scanned).toMatchObject({
      matchedBy: 'card_id',
      verification: { state: 'verified', kid: card.kid, issuerName: 'this hospital' },
      patient: { id: ram.id },
      card: { kind: 'hospital_card', cardId: card.id, uhid: ram.uhid, name: RAM.name },
    });

    const again = await c.call('cards.issue', { patientId: ram.id });
    for (const old of [card.compactQr, card.qr]) {
      expect(await c.fail('cards.resolve', { text: old })).toMatchObject({ details: { reason: 'superseded' } });
    }
    expect((await c.call('cards.resolve', { text: again.compactQr })).patient?.id).toBe(ram.id);
  });

  it("another counter's compact card is refused until its keys are trusted, then verified and found by UHID", async () => {
    const a = core('A');
    const b = core('B');
    const sita = await a.call('patients.register', { ...RAM, name: 'Sita Devi', gender: 'female', phone: '9811111111' });
    const card = await a.call('cards.issue', { patientId: sita.id });
    expect(await b.fail('cards.resolve', { text: card.compactQr })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'text',
      details: { reason: 'bad_signature' },
    });
    const { issuer, jwks } = await a.call('cards.issuerKeys', {});
    await b.call('cards.trustIssuer', { iss: issuer, name: 'Counter A', jwks });
    const atB = await b.call('cards.resolve', { text: card.compactQr });
    expect(atB.verification).toMatchObject({ state: 'verified', issuerName: 'Counter A', kid: card.kid });
    expect(atB.card.cardId).toBeNull(); // issued at A: B has no record of the card itself
    expect(atB.prefill).toMatchObject({ name: 'Sita Devi', gender: 'female' });
  });

  it('keeps the private key out of the database, in a 0600 file in the browser shell', async () => {
    const c = core();
    const ram = await c.call('patients.register', RAM);
    const card = await c.call('cards.issue', { patientId: ram.id });
    const file = join(c.dataDir, 'secrets', `card-issuer-${card.kid}.secret`);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { d } = JSON.parse(readFileSync(file, 'utf8')) as { d: string };
    const dbText = c.core.db.prepare('SELECT group_concat(public_jwk) AS all_keys FROM card_issuer_keys').get() as {
      all_keys: string;
    };
    expect(dbText.all_keys).not.toContain(d);
    expect(await c.fail('cards.issue', { patientId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("another counter's card is unverified until its JWKS is trusted, then verified", async () => {
    const a = core('A');
    const b = core('B');
    const sita = await a.call('patients.register', { ...RAM, name: 'Sita Devi', gender: 'female', phone: '9811111111' });
    const card = await a.call('cards.issue', { patientId: sita.id });
    const atB = await b.call('cards.resolve', { text: card.qr });
    expect(atB.verification.state).toBe('unverified');
    expect(atB.patient).toBeNull(); // not in B's cache yet
    expect(atB.prefill).toMatchObject({ name: 'Sita Devi', gender: 'female' });

    const { issuer, jwks } = await a.call('cards.issuerKeys', {});
    expect(jwks.keys[0]).toMatchObject({ kid: card.kid, alg: 'ES256', use: 'sig', kty: 'EC', crv: 'P-256' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const issuers = await b.call('cards.trustIssuer', { iss: issuer, name: 'Counter A', jwks });
    expect(issuers).toContainEqual(expect.objectContaining({ kid: card.kid, name: 'Counter A', own: false }));
    expect((await b.call('cards.resolve', { text: card.qr })).verification).toMatchObject({
      state: 'verified',
      issuerName: 'Counter A',
    });

    const badKid = await b.fail('cards.trustIssuer', {
      iss: issuer,
      name: 'x',
      jwks: { keys: [{ ...jwks.keys[0]!, kid: 'not-the-thumbprint' }] },
    });
    expect(badKid.code).toBe('VALIDATION_FAILED');
    const notHttps = await b.fail('cards.trustIssuer', { iss: 'http://evil.example', name: 'x', jwks });
    expect(notHttps.field).toBe('iss');
  });
});
