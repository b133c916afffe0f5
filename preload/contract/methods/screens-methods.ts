// screens.* — how room screens and hall boards on other machines reach this
// counter over TLS (docs/peers.md "Room screens and boards over TLS").
import { z } from 'zod';
import type { MethodSpec } from '../method-spec';

export const ScreensPairing = z.object({
  /** Where the screens server listens over TLS on the hospital network (null: not started, see --screens-port). */
  port: z.number().int().nullable(),
  /** Typed on a desktop room screen or board once (--pairing-code): it names this counter's TLS key. */
  pairingCode: z.string(),
  /** SHA-256 of the certificate as a browser shows it: checked once when a room PC's browser installs it. */
  fingerprint: z.string(),
});
export type ScreensPairing = z.infer<typeof ScreensPairing>;

export const screensMethods = {
  'screens.pairing': {
    summary:
      "The code that pairs a desktop room screen or board with this counter, its certificate's fingerprint for a browser, and the TLS port.",
    input: z.object({}).strict(),
    output: ScreensPairing,
  },
} as const satisfies Record<string, MethodSpec>;
