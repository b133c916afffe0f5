// Keys that sign and verify cards: this counter's own (generated on first
// use, private half in the secret store) and other issuers' public keys.
// kid = RFC 7638 JWK thumbprint, as SMART Health Cards require.
import type { Database } from 'better-sqlite3';
import { base64url, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { PublicJwk, TrustedIssuer } from '../../preload/contract/methods/card-schemas';
import { AppError } from '../core/app-error';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import type { SecretStore } from '../config/secret-store';

export interface VerifyKey {
  kid: string;
  iss: string;
  name: string;
  own: boolean;
  jwk: PublicJwk;
}

const secretName = (kid: string) => `card-issuer-${kid}`;

export function publicOnly(jwk: JWK | PublicJwk): PublicJwk {
  return { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string };
}

/** Our own cards' issuer; a counter with no hospital code yet has issued none, so any stand-in name will do. */
export function issuerUrl(db: Database, hospitalCode: string | null): string {
  const row = sql<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get('cardIssuer');
  return row?.value ?? `https://hims.${(hospitalCode ?? 'unset').toLowerCase()}.hospital/cards`;
}

export function ownKeys(db: Database): { kid: string; jwk: PublicJwk; createdAt: string }[] {
  return sql<[], { kid: string; public_jwk: string; created_at: string }>(
    db,
    'SELECT kid, public_jwk, created_at FROM card_issuer_keys WHERE retired_at IS NULL ORDER BY created_at',
  )
    .all()
    .map((r) => ({ kid: r.kid, jwk: JSON.parse(r.public_jwk) as PublicJwk, createdAt: r.created_at }));
}

/** The key this counter signs with, made (and its private half stored) on first use. */
export async function signingKey(db: Database, secrets: SecretStore, at: string): Promise<{ kid: string; key: CryptoKey }> {
  for (const own of ownKeys(db).reverse()) {
    const stored = secrets.read(secretName(own.kid));
    if (stored) return { kid: own.kid, key: (await importJWK(JSON.parse(stored) as JWK, 'ES256')) as CryptoKey };
  }
  const pair = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = await exportJWK(pair.privateKey);
  const publicJwk = publicOnly(await exportJWK(pair.publicKey));
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  // Secret first: a crash between the two leaves an unused secret, never a
  // published key whose private half is lost.
  secrets.write(secretName(kid), JSON.stringify(privateJwk));
  writeTransaction(db, () =>
    sql(db, 'INSERT INTO card_issuer_keys (kid, public_jwk, created_at) VALUES (?, ?, ?)').run(
      kid,
      JSON.stringify(publicJwk),
      at,
    ),
  );
  return { kid, key: pair.privateKey };
}

export function findVerifyKey(db: Database, kid: string, ownIss: string): VerifyKey | null {
  const own = sql<[string], { public_jwk: string }>(db, 'SELECT public_jwk FROM card_issuer_keys WHERE kid = ?').get(kid);
  if (own) return { kid, iss: ownIss, name: 'this hospital', own: true, jwk: JSON.parse(own.public_jwk) as PublicJwk };
  const other = sql<[string], { iss: string; name: string; public_jwk: string }>(
    db,
    'SELECT iss, name, public_jwk FROM trusted_card_issuers WHERE kid = ?',
  ).get(kid);
  return other ? { kid, iss: other.iss, name: other.name, own: false, jwk: JSON.parse(other.public_jwk) as PublicJwk } : null;
}

/**
 * Every key, ours and trusted, whose kid (JWK thumbprint) begins with these
 * bytes. A hospital holds a few dozen keys at most, so they are all read.
 */
export function findVerifyKeysByShortKid(db: Database, shortKid: Uint8Array, ownIss: string): VerifyKey[] {
  const startsWith = (kid: string) => {
    const bytes = base64url.decode(kid);
    return bytes.length >= shortKid.length && shortKid.every((b, i) => bytes[i] === b);
  };
  const own = sql<[], { kid: string }>(db, 'SELECT kid FROM card_issuer_keys').all();
  const others = sql<[], { kid: string }>(db, 'SELECT kid FROM trusted_card_issuers').all();
  return [...own, ...others]
    .filter((r) => startsWith(r.kid))
    .map((r) => findVerifyKey(db, r.kid, ownIss))
    .filter((k): k is VerifyKey => k !== null);
}

/** Is `iss` an issuer we hold keys for? A card claiming it with another key is forged. */
export function isKnownIssuer(db: Database, iss: string, ownIss: string): boolean {
  if (iss === ownIss && ownKeys(db).length > 0) return true;
  return sql<[string], { n: number }>(db, 'SELECT count(*) AS n FROM trusted_card_issuers WHERE iss = ?').get(iss)!.n > 0;
}

export async function trustIssuer(
  db: Database,
  input: { iss: string; name: string; keys: PublicJwk[] },
  at: string,
): Promise<void> {
  const rows: { kid: string; jwk: PublicJwk }[] = [];
  for (const key of input.keys) {
    const jwk = publicOnly(key);
    try {
      await importJWK({ ...jwk }, 'ES256'); // refuses a point that is not on the curve
    } catch {
      throw new AppError('VALIDATION_FAILED', 'jwks.keys: a key is not a valid P-256 public key', { field: 'jwks.keys' });
    }
    const kid = await calculateJwkThumbprint(jwk, 'sha256');
    if (key.kid !== undefined && key.kid !== kid) {
      throw new AppError('VALIDATION_FAILED', `jwks.keys: kid "${key.kid}" is not the key's JWK thumbprint (${kid})`, {
        field: 'jwks.keys',
      });
    }
    rows.push({ kid, jwk });
  }
  writeTransaction(db, () => {
    for (const row of rows) {
      sql(
        db,
        `INSERT INTO trusted_card_issuers (kid, iss, name, public_jwk, added_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kid) DO UPDATE SET iss = excluded.iss, name = excluded.name`,
      ).run(row.kid, input.iss, input.name, JSON.stringify(row.jwk), at);
    }
  });
}

export function listIssuers(db: Database, ownIss: string): TrustedIssuer[] {
  const own = ownKeys(db).map((k) => ({ iss: ownIss, kid: k.kid, name: 'this hospital', addedAt: k.createdAt, own: true }));
  const others = sql<[], { iss: string; kid: string; name: string; added_at: string }>(
    db,
    'SELECT iss, kid, name, added_at FROM trusted_card_issuers ORDER BY added_at, kid',
  )
    .all()
    .map((r) => ({ iss: r.iss, kid: r.kid, name: r.name, addedAt: r.added_at, own: false }));
  return [...own, ...others];
}
