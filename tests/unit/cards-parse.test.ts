// The card parser registry on fixtures (tests/fixtures/cards): ABHA card QR in
// both key spellings, bare identifiers, SMART Health Cards (verified,
// unverified, tampered, expired), and scans that must be refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64url, CompactSign } from 'jose';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CardRejected } from '../../main/cards/card-error';
import { parseCardText } from '../../main/cards/parser-registry';
import { decodeShcNumeric, encodeShcNumeric } from '../../main/cards/shc-numeric';
import { formatUhid } from '../../main/patients/uhid';
import { HOLDER, makeIssuer, signedCard, trustOf } from '../support/card-keys';

const fixtures = join(__dirname, '../fixtures/cards');
const load = <T>(file: string): T => JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as T;
const noTrust = trustOf([]);

async function rejection(text: string, trust = noTrust): Promise<CardRejected> {
  try {
    await parseCardText(text, trust);
  } catch (err) {
    if (err instanceof CardRejected) return err;
    throw err;
  }
  throw new Error(`accepted: ${text.slice(0, 60)}`);
}

describe('ABHA card QR', () => {
  const { cases } = load<{ cases: { name: string; text: string; expect: Record<string, unknown> }[] }>('abha-cards.json');
  for (const c of cases) {
    it(c.name, async () => {
      const { card, verification } = await parseCardText(c.text, noTrust);
      expect(card).toMatchObject(c.expect);
      expect(verification.state).toBe('unsigned');
    });
  }
});

describe('bare identifiers', () => {
  const { cases } = load<{ cases: { text: string; kind: string; field: string; value: string }[] }>('bare-ids.json');
  for (const c of cases) {
    it(`${JSON.stringify(c.text)} is an ${c.kind}`, async () => {
      const { card } = await parseCardText(c.text, noTrust);
      expect(card.kind).toBe(c.kind);
      expect(card[c.field as 'abhaNumber']).toBe(c.value);
    });
  }
  it('a UHID in any spelling, with its check digit', async () => {
    for (const text of [HOLDER.uhid, formatUhid(HOLDER.uhid), formatUhid(HOLDER.uhid).toLowerCase(), ` ${HOLDER.uhid}\t`]) {
      const { card } = await parseCardText(text, noTrust);
      expect(card).toMatchObject({ kind: 'uhid', uhid: formatUhid(HOLDER.uhid) });
    }
  });
});

describe('refused scans', () => {
  const { cases } = load<{ cases: { name: string; text?: string; repeat?: { text: string; times: number }; reason: string }[] }>(
    'bad-scans.json',
  );
  for (const c of cases) {
    it(`${c.name}: ${c.reason}`, async () => {
      const text = c.text ?? c.repeat!.text.repeat(c.repeat!.times);
      const err = await rejection(text);
      expect(err.reason).toBe(c.reason);
      expect(err.toCallError()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'text', details: { reason: c.reason } });
      expect(err.message.length).toBeGreaterThan(10);
    });
  }
});

describe('SMART Health Card', () => {
  it('round-trips shc:/ numeric mode', () => {
    const jws = 'eyJhbGciOiJFUzI1NiJ9.e30.abc-_z';
    const numeric = encodeShcNumeric(jws);
    expect(numeric).toMatch(/^shc:\/\d+$/);
    expect(decodeShcNumeric(numeric)).toBe(jws);
  });

  it('a card signed by a trusted issuer is verified and carries the holder', async () => {
    const issuer = await makeIssuer();
    const qr = await signedCard(issuer);
    const { card, verification } = await parseCardText(qr, trustOf([issuer]));
    expect(verification).toEqual({ state: 'verified', issuer: issuer.iss, issuerName: 'test issuer', kid: issuer.kid });
    expect(card).toMatchObject({
      kind: 'shc',
      cardId: HOLDER.cardId,
      uhid: formatUhid(HOLDER.uhid),
      name: 'Sunita Devi',
      gender: 'female',
      dateOfBirth: '1984-03-05',
      abhaNumber: HOLDER.abhaNumber,
      abhaAddress: HOLDER.abhaAddress,
    });
  });

  it('an unknown issuer is read but shown as unverified', async () => {
    const other = await makeIssuer('https://other-hospital.example/cards');
    const ours = await makeIssuer();
    const { card, verification } = await parseCardText(await signedCard(other), trustOf([ours]));
    expect(verification).toMatchObject({ state: 'unverified', issuer: 'https://other-hospital.example/cards', kid: other.kid });
    expect(card.name).toBe('Sunita Devi');
  });

  it('a changed payload under the original signature is refused as tampered', async () => {
    const issuer = await makeIssuer();
    const [h, , s] = decodeShcNumeric(await signedCard(issuer)).split('.');
    const forged = {
      iss: issuer.iss,
      nbf: 1,
      vc: {
        credentialSubject: {
          fhirBundle: { entry: [{ resource: { resourceType: 'Patient', name: [{ text: 'Someone Else' }] } }] },
        },
      },
    };
    const payload = base64url.encode(deflateRawSync(Buffer.from(JSON.stringify(forged))));
    const err = await rejection(encodeShcNumeric(`${h}.${payload}.${s}`), trustOf([issuer]));
    expect(err.reason).toBe('bad_signature');
  });

  it('a card claiming our issuer but signed with another key is refused as forged', async () => {
    const ours = await makeIssuer();
    const attacker = await makeIssuer(ours.iss);
    const err = await rejection(await signedCard(attacker), trustOf([ours]));
    expect(err.reason).toBe('bad_signature');
  });

  it('a signature re-used under another trusted kid is refused', async () => {
    const ours = await makeIssuer();
    const second = await makeIssuer();
    const [, p, s] = decodeShcNumeric(await signedCard(ours)).split('.');
    const header = base64url.encode(JSON.stringify({ alg: 'ES256', zip: 'DEF', kid: second.kid }));
    const err = await rejection(encodeShcNumeric(`${header}.${p}.${s}`), trustOf([ours, second]));
    expect(err.reason).toBe('bad_signature');
  });

  it('expired and future-dated cards are refused', async () => {
    const issuer = await makeIssuer();
    const expired = await signedCard(issuer, HOLDER, new Date('2025-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    expect((await rejection(expired, trustOf([issuer]))).reason).toBe('expired');
    const future = await signedCard(issuer, HOLDER, new Date('2026-12-25T00:00:00Z'));
    expect((await rejection(future, trustOf([issuer]))).reason).toBe('not_yet_valid');
  });

  it('a zip bomb is refused without inflating it', async () => {
    const issuer = await makeIssuer();
    const bomb = deflateRawSync(Buffer.alloc(10_000_000, 32));
    const jws = await new CompactSign(bomb).setProtectedHeader({ alg: 'ES256', zip: 'DEF', kid: issuer.kid }).sign(issuer.key);
    const err = await rejection(encodeShcNumeric(jws), trustOf([issuer]));
    expect(['malformed', 'oversized']).toContain(err.reason);
  });

  it('a JWS without zip DEF or with another algorithm is refused', async () => {
    const issuer = await makeIssuer();
    const jws = await new CompactSign(Buffer.from('{}')).setProtectedHeader({ alg: 'ES256', kid: issuer.kid }).sign(issuer.key);
    expect((await rejection(encodeShcNumeric(jws), trustOf([issuer]))).reason).toBe('malformed');
  });
});
