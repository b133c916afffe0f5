// The compact signed card (HHC1: + base45 COSE_Sign1 CWT): base45 against the
// RFC's examples, a round trip that verifies offline, its size against the
// wedge budget, and every tampering refused.
import { encode } from 'cbor2';
import { describe, expect, it } from 'vitest';
import { BASE45_ALPHABET, decodeBase45, encodeBase45 } from '../../main/cards/base45';
import { CardRejected } from '../../main/cards/card-error';
import { MAX_COMPACT_CHARS, shortKid, signCompactCard } from '../../main/cards/compact-card';
import { COMPACT_CARD_PREFIX } from '../../preload/contract/methods/card-schemas';
import { signCoseSign1 } from '../../main/cards/cose-sign1';
import { parseCardText } from '../../main/cards/parser-registry';
import { formatUhid } from '../../main/patients/uhid';
import { HOLDER, makeIssuer, trustOf, type TestIssuer } from '../support/card-keys';

const text = (s: string) => new TextEncoder().encode(s);

async function rejection(scan: string, trust: ReturnType<typeof trustOf>): Promise<CardRejected> {
  try {
    await parseCardText(scan, trust);
  } catch (err) {
    if (err instanceof CardRejected) return err;
    throw err;
  }
  throw new Error(`accepted: ${scan}`);
}

describe('base45 (RFC 9285)', () => {
  it('encodes and decodes the RFC examples', () => {
    for (const [plain, coded] of [
      ['AB', 'BB8'],
      ['Hello!!', '%69 VD92EX0'],
      ['base-45', 'UJCLQE7W581'],
      ['ietf!', 'QED8WEX0'],
    ] as const) {
      expect(encodeBase45(text(plain))).toBe(coded);
      expect(new TextDecoder().decode(decodeBase45(coded))).toBe(plain);
    }
  });
  it('refuses what is not base45', () => {
    for (const bad of ['GGW', 'GGW0', 'A', 'ab8', 'BB8_', '::']) expect(decodeBase45(bad), bad).toBeNull();
  });
  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 511 }, (_, i) => (i * 7) % 256);
    expect(decodeBase45(encodeBase45(all))).toEqual(all);
  });
});

describe('compact card', () => {
  let issuer: TestIssuer;
  const trust = () => trustOf([issuer]);

  it('round-trips and verifies offline, in the alphanumeric QR alphabet', async () => {
    issuer = await makeIssuer();
    const card = await signCompactCard(HOLDER, issuer);
    expect(card.startsWith(COMPACT_CARD_PREFIX)).toBe(true);
    expect([...card].every((ch) => BASE45_ALPHABET.includes(ch))).toBe(true);
    expect(card.length).toBeLessThanOrEqual(MAX_COMPACT_CHARS);
    const read = await parseCardText(card, trust());
    expect(read.card).toMatchObject({
      kind: 'hospital_card',
      uhid: formatUhid(HOLDER.uhid),
      name: 'Sunita Devi',
      gender: 'female',
      dateOfBirth: '1984-03-05',
      yearOfBirth: 1984,
    });
    expect(read.verification).toEqual({ state: 'verified', issuer: issuer.iss, issuerName: 'test issuer', kid: issuer.kid });
    expect(read.issuedText).toBe(card);
    // A scanner typing with Caps Lock on sends small letters: the same card.
    expect((await parseCardText(`  ${card.toLowerCase()}\r\n`, trust())).issuedText).toBe(card);
  });

  it('stays within 190 characters for any name, cutting a long one by whole letters', async () => {
    issuer = await makeIssuer();
    const letters = (s: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);
    for (const name of ['Ramkumar Prasad Yadav Singh Chauhan', 'सत्यनारायण प्रसाद श्रीवास्तव']) {
      const card = await signCompactCard({ ...HOLDER, name }, issuer);
      expect(card.length, name).toBeLessThanOrEqual(MAX_COMPACT_CHARS);
      const read = letters((await parseCardText(card, trust())).card.name!);
      // Whole letters from the start (a Devanagari letter and its vowel sign stay together).
      expect(read).toEqual(letters(name).slice(0, read.length));
      expect(read.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps a birth year alone as a year', async () => {
    issuer = await makeIssuer();
    const card = await signCompactCard({ ...HOLDER, dateOfBirth: '1961', gender: 'male' }, issuer);
    expect((await parseCardText(card, trust())).card).toMatchObject({ dateOfBirth: null, yearOfBirth: 1961, gender: 'male' });
  });

  it('refuses every changed character', async () => {
    issuer = await makeIssuer();
    const card = await signCompactCard(HOLDER, issuer);
    for (let i = COMPACT_CARD_PREFIX.length; i < card.length; i++) {
      const other = BASE45_ALPHABET[(BASE45_ALPHABET.indexOf(card[i]!) + 1 + (i % 44)) % 45]!;
      const changed = card.slice(0, i) + other + card.slice(i + 1);
      // A space at either end is trimmed off like a scanner's padding; inside, it is one more character.
      const { reason } = await rejection(changed, trust());
      expect(['malformed', 'bad_signature'], `position ${i}`).toContain(reason);
    }
  });

  it('refuses a truncated code', async () => {
    issuer = await makeIssuer();
    const card = await signCompactCard(HOLDER, issuer);
    for (let cut = 1; cut < card.length - COMPACT_CARD_PREFIX.length; cut++) {
      const { reason } = await rejection(card.slice(0, card.length - cut), trust());
      expect(['malformed', 'bad_signature'], `cut ${cut}`).toContain(reason);
    }
    expect((await rejection(COMPACT_CARD_PREFIX, trust())).reason).toBe('malformed');
  });

  it('refuses the wrong prefix', async () => {
    issuer = await makeIssuer();
    const card = await signCompactCard(HOLDER, issuer);
    const body = card.slice(COMPACT_CARD_PREFIX.length);
    for (const prefix of ['HC1:', 'HHC2:', 'HHC1', 'HHC1/', '']) {
      expect((await rejection(prefix + body, trust())).reason, prefix).toBe('unrecognized');
    }
  });

  it('refuses a payload re-signed with another key, under our key id or its own', async () => {
    issuer = await makeIssuer();
    const forger = await makeIssuer();
    const altered = encode(
      new Map<number | string, unknown>([
        [2, HOLDER.uhid],
        ['p', ['Someone Else', 'm', 19900101]],
      ]),
    );
    for (const kid of [shortKid(issuer.kid), shortKid(forger.kid)]) {
      const forged = COMPACT_CARD_PREFIX + encodeBase45(await signCoseSign1(altered, kid, forger.key));
      expect((await rejection(forged, trust())).reason).toBe('bad_signature');
    }
    // The forger's own card reads only where the forger is trusted.
    const own = await signCompactCard(HOLDER, forger);
    expect((await rejection(own, trust())).reason).toBe('bad_signature');
    expect((await parseCardText(own, trustOf([issuer, forger]))).verification.kid).toBe(forger.kid);
  });

  it('refuses an expired card', async () => {
    issuer = await makeIssuer();
    const expired = await signCompactCard(HOLDER, issuer, new Date('2021-01-01T00:00:00Z'));
    expect((await rejection(expired, trust())).reason).toBe('expired');
    const valid = await signCompactCard(HOLDER, issuer, new Date('2030-01-01T00:00:00Z'));
    expect((await parseCardText(valid, trust())).verification.state).toBe('verified');
  });
});
