// The certificate the screens server shows: the counter's own TLS key (so the
// pairing code and the peers' pin are the same), with the names room PCs
// reach the counter by, which a browser checks against the address it opened.
// Kept in the settings and made again only when the names change, it runs
// out within 60 days, or the key changed: a room PC's browser installs it once.
import { isIP } from 'node:net';
import { X509Certificate } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { generate } from 'selfsigned';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import type { PeerCredentials } from '../peers/peer-tls';
import { spkiPin } from '../peers/peer-tls';

const CERT_SETTING = 'screensCertificate';
const VALID_DAYS = 2 * 365;
const RENEW_BEFORE_MS = 60 * 86_400_000;

/** The names a certificate is valid for, sorted (DNS names and IP addresses alike). */
function namesOf(certPem: string): string[] {
  const alt = new X509Certificate(certPem).subjectAltName ?? '';
  return alt
    .split(', ')
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter((name) => name !== '')
    .sort();
}

export async function screensCertificate(db: Database, own: PeerCredentials, names: string[], now: Date): Promise<string> {
  const wanted = [...new Set(names.map((n) => n.toLowerCase()))].sort();
  const stored = sql<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(CERT_SETTING)?.value;
  if (
    stored &&
    spkiPin(stored) === own.spkiPin &&
    JSON.stringify(namesOf(stored)) === JSON.stringify(wanted) &&
    Date.parse(new X509Certificate(stored).validTo) - now.getTime() > RENEW_BEFORE_MS
  ) {
    return stored;
  }
  const { createPublicKey } = await import('node:crypto');
  const made = await generate([{ name: 'commonName', value: wanted.find((n) => isIP(n) === 0) ?? 'HIMS Counter' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    keyPair: {
      privateKey: own.keyPem,
      publicKey: createPublicKey(own.keyPem).export({ type: 'spki', format: 'pem' }).toString(),
    },
    notBeforeDate: new Date(now.getTime() - 86_400_000),
    notAfterDate: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: wanted.map((name) => (isIP(name) !== 0 ? { type: 7, ip: name } : { type: 2, value: name })),
      },
    ],
  });
  writeTransaction(db, () =>
    sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      CERT_SETTING,
      made.cert,
    ),
  );
  return made.cert;
}
