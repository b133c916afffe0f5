// Issuer keys for card tests: real ES256 keys made with jose, and an in-memory
// trust list shaped like the core's (main/cards/shc-verify.ts ShcTrust).
import { base64url, calculateJwkThumbprint, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import type { PublicJwk } from '../../preload/contract/methods/card-schemas';
import { publicOnly, type VerifyKey } from '../../main/cards/issuer-store';
import type { ShcTrust } from '../../main/cards/shc-verify';
import { signShc } from '../../main/cards/shc-issue';
import type { CardHolder } from '../../main/cards/shc-bundle';
import { makeUhid } from '../../main/patients/uhid';

export interface TestIssuer {
  iss: string;
  kid: string;
  key: CryptoKey;
  jwk: PublicJwk;
}

export async function makeIssuer(iss = 'https://hims.lnh.hospital/cards'): Promise<TestIssuer> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const jwk = publicOnly(await exportJWK(pair.publicKey));
  return { iss, kid: await calculateJwkThumbprint(jwk, 'sha256'), key: pair.privateKey, jwk };
}

export function trustOf(issuers: TestIssuer[], now = new Date('2026-11-25T05:00:00Z')): ShcTrust {
  return {
    findKey: (kid): VerifyKey | null => {
      const found = issuers.find((i) => i.kid === kid);
      return found ? { kid, iss: found.iss, name: 'test issuer', own: true, jwk: found.jwk } : null;
    },
    findKeysByShortKid: (shortKid): VerifyKey[] =>
      issuers
        .filter((i) => shortKid.every((b, n) => base64url.decode(i.kid)[n] === b))
        .map((i) => ({ kid: i.kid, iss: i.iss, name: 'test issuer', own: true, jwk: i.jwk })),
    isKnownIssuer: (iss) => issuers.some((i) => i.iss === iss),
    now: () => now,
  };
}

export const HOLDER: CardHolder = {
  cardId: '3f1d7a52-9c1e-4b7a-8f43-2a9e6c0d1b77',
  uhid: makeUhid('LNH', 'B', 2026, 173),
  name: 'Sunita Devi',
  gender: 'female',
  dateOfBirth: '1984-03-05',
  abhaNumber: '91-5312-7746-2208',
  abhaAddress: 'sunita.devi@abdm',
};

export function signedCard(
  issuer: TestIssuer,
  holder: CardHolder = HOLDER,
  issuedAt = new Date('2026-11-20T05:00:00Z'),
  expiresAt?: Date,
) {
  return signShc(holder, issuer, issuedAt, expiresAt);
}
