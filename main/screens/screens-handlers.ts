// screens.pairing: what the counter shows a supervisor pairing a room screen
// or hall board on another machine (docs/peers.md "Room screens and boards over TLS").
import type { HandlerMap } from '../core/registry';
import type { PeerService } from '../peers/peer-service';
import { certificateFingerprint, pairingCode } from './screen-pairing-code';

/** Where the screens server listens, set by it when it starts (screens-server.ts); null while it does not. */
export interface ScreensListening {
  port: number | null;
  /** The certificate it shows (screens-certificate.ts): a browser checks its fingerprint. */
  certPem: string | null;
}

export function screensHandlers(peers: PeerService, listening: ScreensListening): HandlerMap {
  return {
    'screens.pairing': async () => {
      const own = await peers.credentials();
      return {
        port: listening.port,
        pairingCode: pairingCode(own.spkiPin),
        fingerprint: certificateFingerprint(listening.certPem ?? own.certPem),
      };
    },
  };
}
