// This counter's TLS identity towards its peers (docs/peers.md): an EC P-256
// key made once and kept in the secret store, and a self-signed certificate
// over it, renewed with the same key before it expires. Peers pin the key
// (SHA-256 of its SubjectPublicKeyInfo), not the certificate, so a renewal
// never needs pairing again; an expired certificate is still refused.
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { generate } from 'selfsigned';
import type { SecretStore } from '../config/secret-store';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';

export interface PeerCredentials {
  keyPem: string;
  certPem: string;
  /** base64 SHA-256 of the certificate's public key: what peers pin. */
  spkiPin: string;
}

const KEY_SECRET = 'peer-tls-key';
const CERT_SETTING = 'peerCertificate';
const VALID_DAYS = 2 * 365;
/** A certificate with less than this left is made again at start-up. */
const RENEW_BEFORE_MS = 60 * 86_400_000;

export function spkiPin(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** Whether the certificate is valid at `now` (its dates; peers' certificates are self-signed). */
export function certificateCurrent(certPem: string, now: Date): boolean {
  const cert = new X509Certificate(certPem);
  return Date.parse(cert.validFrom) <= now.getTime() && now.getTime() <= Date.parse(cert.validTo);
}

export async function loadPeerCredentials(
  db: Database,
  secrets: SecretStore,
  commonName: string,
  now: Date,
): Promise<PeerCredentials> {
  let keyPem = secrets.read(KEY_SECRET);
  let publicPem: string;
  if (!keyPem) {
    const pair = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    secrets.write(KEY_SECRET, pair.privateKey);
    keyPem = pair.privateKey;
    publicPem = pair.publicKey;
  } else {
    const { createPublicKey } = await import('node:crypto');
    publicPem = createPublicKey(keyPem).export({ type: 'spki', format: 'pem' }).toString();
  }
  const stored = sql<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(CERT_SETTING)?.value;
  const usable =
    stored &&
    new X509Certificate(stored).publicKey.export({ type: 'spki', format: 'pem' }).toString() === publicPem &&
    Date.parse(new X509Certificate(stored).validTo) - now.getTime() > RENEW_BEFORE_MS;
  let certPem = usable ? stored : null;
  if (!certPem) {
    const made = await generate([{ name: 'commonName', value: commonName }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      keyPair: { privateKey: keyPem, publicKey: publicPem },
      // A day back: a peer whose clock is a little behind still accepts it.
      notBeforeDate: new Date(now.getTime() - 86_400_000),
      notAfterDate: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    });
    certPem = made.cert;
    const cert = certPem;
    writeTransaction(db, () =>
      sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        CERT_SETTING,
        cert,
      ),
    );
  }
  return { keyPem, certPem, spkiPin: spkiPin(certPem) };
}
