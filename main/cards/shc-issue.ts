// Signing our e-health card: the holder's FHIR Bundle in a SMART Health Card
// payload, deflated (zip DEF), signed ES256 as a compact JWS, written as the
// shc:/ numeric QR text. https://spec.smarthealth.cards/#health-cards-are-small
import { deflateRawSync } from 'node:zlib';
import { CompactSign, type CryptoKey } from 'jose';
import { holderBundle, type CardHolder } from './shc-bundle';
import { encodeShcNumeric } from './shc-numeric';

export interface ShcSigner {
  iss: string;
  kid: string;
  key: CryptoKey;
}

export async function signShc(holder: CardHolder, signer: ShcSigner, issuedAt: Date, expiresAt?: Date): Promise<string> {
  const payload = {
    iss: signer.iss,
    nbf: Math.floor(issuedAt.getTime() / 1000),
    ...(expiresAt ? { exp: Math.floor(expiresAt.getTime() / 1000) } : {}),
    vc: {
      type: ['https://smarthealth.cards#health-card'],
      credentialSubject: { fhirVersion: '4.0.1', fhirBundle: holderBundle(holder) },
    },
  };
  const deflated = deflateRawSync(Buffer.from(JSON.stringify(payload), 'utf8'));
  const jws = await new CompactSign(deflated).setProtectedHeader({ alg: 'ES256', zip: 'DEF', kid: signer.kid }).sign(signer.key);
  return encodeShcNumeric(jws);
}
