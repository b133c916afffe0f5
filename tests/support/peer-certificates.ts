// Certificates like a counter's own (main/peers/peer-tls.ts), for stand-in
// peers in tests and the bench: any validity, including one already over.
import { generateKeyPairSync } from 'node:crypto';
import { generate } from 'selfsigned';
import { spkiPin } from '../../main/peers/peer-tls';

/** A self-signed certificate like a counter's, valid from `from` to `to`. */
export async function certificate(from: Date, to: Date) {
  const pair = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const made = await generate([{ name: 'commonName', value: 'stand-in peer' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    keyPair: { privateKey: pair.privateKey, publicKey: pair.publicKey },
    notBeforeDate: from,
    notAfterDate: to,
  });
  return { keyPem: pair.privateKey, certPem: made.cert, pin: spkiPin(made.cert) };
}
