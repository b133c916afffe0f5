// Fuzz: random bytes, random text and mutations of valid payloads through
// the one parse path. Every case must end in a parsed card or a CardRejected
// with a reason (never another exception), and a card is only ever
// "verified" when its JWS is exactly the one the issuer signed.
import { describe, expect, it } from 'vitest';
import { CardRejection } from '../../preload/contract/methods/card-schemas';
import { CardRejected } from '../../main/cards/card-error';
import { cleanScan, parseCardText } from '../../main/cards/parser-registry';
import { decodeShcNumeric } from '../../main/cards/shc-numeric';
import { rng } from '../bench/synthetic-patients';
import { makeIssuer, signedCard, trustOf } from '../support/card-keys';

const ROUNDS = 1500;

type Outcome = { kind: 'parsed'; verified: boolean } | { kind: 'rejected'; reason: string };

async function outcome(text: string, trust: ReturnType<typeof trustOf>): Promise<Outcome> {
  try {
    const result = await parseCardText(text, trust);
    return { kind: 'parsed', verified: result.verification.state === 'verified' };
  } catch (err) {
    if (err instanceof CardRejected) {
      expect(CardRejection.options).toContain(err.reason);
      expect(err.message).not.toBe('');
      return { kind: 'rejected', reason: err.reason };
    }
    throw new Error(`not a clear error for ${JSON.stringify(text.slice(0, 80))}`, { cause: err });
  }
}

function mutate(text: string, random: () => number): string {
  const chars = [...text];
  const ops = 1 + Math.floor(random() * 3);
  for (let i = 0; i < ops; i++) {
    const at = 5 + Math.floor(random() * (chars.length - 5));
    switch (Math.floor(random() * 6)) {
      case 0: // change one digit
        chars[at] = String(Math.floor(random() * 10));
        break;
      case 1: // swap two neighbours (a typical misread)
        [chars[at], chars[at - 1]] = [chars[at - 1]!, chars[at]!];
        break;
      case 2: // drop a pair of digits
        chars.splice(at, 2);
        break;
      case 3: // insert a pair
        chars.splice(at, 0, String(Math.floor(random() * 10)), String(Math.floor(random() * 10)));
        break;
      case 4: // cut short
        chars.length = at;
        break;
      default: // a foreign character
        chars[at] = String.fromCharCode(Math.floor(random() * 0xffff));
    }
  }
  return chars.join('');
}

describe('card parser fuzz', () => {
  it('random bytes and random text end in a clear error, never a crash', async () => {
    const random = rng(4242);
    const trust = trustOf([await makeIssuer()]);
    for (let i = 0; i < ROUNDS; i++) {
      const length = Math.floor(random() * 400);
      const bytes = Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
      const prefix = ['', 'shc:/', '{', '{"hidn":', 'LNH'][i % 5]!;
      for (const text of [
        prefix + bytes.toString('latin1'),
        prefix + bytes.toString('utf8'),
        prefix + bytes.toString('base64'),
      ]) {
        const result = await outcome(text, trust);
        if (result.kind === 'parsed') expect(result.verified).toBe(false);
      }
    }
  });

  it('mutated signed cards are never accepted as verified unless the JWS is unchanged', async () => {
    const random = rng(7);
    const issuer = await makeIssuer();
    const trust = trustOf([issuer]);
    const qr = await signedCard(issuer);
    const original = decodeShcNumeric(qr);
    const reasons = new Map<string, number>();
    let verified = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const text = mutate(qr, random);
      const result = await outcome(text, trust);
      if (result.kind === 'rejected') reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
      else if (result.verified) {
        verified++;
        expect(decodeShcNumeric(cleanScan(text))).toBe(original);
      }
    }
    // The mutations really did reach the signature check, not only the digit decoder.
    expect(reasons.get('bad_signature') ?? 0).toBeGreaterThan(50);
    expect(reasons.get('malformed') ?? 0).toBeGreaterThan(50);
    expect(verified).toBeLessThan(ROUNDS / 10);
  });

  it('mutated ABHA card JSON is parsed or refused, never thrown', async () => {
    const random = rng(99);
    const trust = trustOf([]);
    const card =
      '{"hidn":"91-5312-7746-2208","hid":"sunita.devi@abdm","name":"Sunita Devi","gender":"F","dob":"5/3/1984","mobile":"9812345670"}';
    for (let i = 0; i < ROUNDS; i++) await outcome(mutate(card, random), trust);
  });
});
