// A room screen or hall board on another machine, paired with its counter
// (docs/peers.md "Room screens and boards over TLS"): it reads the key the
// counter shows over TLS, checks it against the code typed from the
// counter's screen, and from then on trusts that key alone (a pin), never a
// certificate authority nor whatever a machine in the middle shows.
import { X509Certificate } from 'node:crypto';
import { connect, type PeerCertificate } from 'node:tls';
import { AppError } from '../core/app-error';
import { spkiPin } from '../peers/peer-tls';
import { normalizePairingCode, pairingCode } from './screen-pairing-code';

export interface ScreenPairing {
  /** https://host:port of the counter's screens server. */
  counterUrl: string;
  /** base64 SHA-256 of the counter's SubjectPublicKeyInfo. */
  spkiPin: string;
  /** The certificate seen when paired (the trust anchor of Node's own requests). */
  certPem: string;
}

function counterAddress(counterUrl: string): URL {
  let url: URL;
  try {
    url = new URL(counterUrl);
  } catch {
    throw new AppError('VALIDATION_FAILED', `counter: "${counterUrl}" is not an address like https://counter-b:5172`, {
      field: 'counter',
    });
  }
  if (url.protocol !== 'https:') {
    throw new AppError('VALIDATION_FAILED', 'counter: room screens reach the counter over https:// only', { field: 'counter' });
  }
  return url;
}

/** The key the counter shows at `counterUrl`, checked against the code; a clear refusal otherwise. */
export async function pairWithCounter(counterUrl: string, typedCode: string, timeoutMs = 5_000): Promise<ScreenPairing> {
  const url = counterAddress(counterUrl);
  const code = normalizePairingCode(typedCode);
  return new Promise<ScreenPairing>((resolve, reject) => {
    // Not verified against any authority: the code typed from the counter's screen is what is trusted.
    const socket = connect({ host: url.hostname, port: Number(url.port || 443), rejectUnauthorized: false });
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new AppError('UNAVAILABLE', `counter: ${url.host} did not answer in time`, { field: 'counter' })),
    );
    socket.once('error', (err) =>
      reject(
        err instanceof AppError
          ? err
          : new AppError('UNAVAILABLE', `counter: ${url.host} cannot be reached`, { field: 'counter' }),
      ),
    );
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      socket.end();
      const certPem = new X509Certificate(raw).toString();
      const pin = spkiPin(certPem);
      if (pairingCode(pin) !== code) {
        reject(
          new AppError(
            'VALIDATION_FAILED',
            `pairingCode: the counter at ${url.host} shows a key whose code is ${pairingCode(pin)}, not ${code}: check the code on the counter's screen`,
            { field: 'pairingCode' },
          ),
        );
        return;
      }
      resolve({ counterUrl: url.origin, spkiPin: pin, certPem });
    });
  });
}

/** For Node's https requests to the paired counter: its certificate as the only authority, and its key pinned. */
export function pinnedTlsOptions(pairing: ScreenPairing) {
  return {
    ca: [pairing.certPem],
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      spkiPin(new X509Certificate(cert.raw).toString()) === pairing.spkiPin
        ? undefined
        : new Error('the counter shows another key than the one paired'),
  };
}

/** Whether a certificate (PEM, as Electron's certificate check gives it) carries the paired key. */
export function carriesPinnedKey(certPem: string, pairing: Pick<ScreenPairing, 'spkiPin'>): boolean {
  try {
    return spkiPin(certPem) === pairing.spkiPin;
  } catch {
    return false;
  }
}
