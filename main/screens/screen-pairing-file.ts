// Where a desktop room screen or board keeps its pairing with the counter:
// screen-pairing.json in its data folder, written once when paired with the
// code shown at the counter, read at every start (docs/peers.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/app-error';
import { pairWithCounter, type ScreenPairing } from './screen-client';

export const SCREEN_PAIRING_FILE = 'screen-pairing.json';

const Stored = z.object({ counterUrl: z.string(), spkiPin: z.string(), certPem: z.string() }).strict();

export function readScreenPairing(dataDir: string): ScreenPairing | null {
  let raw: string;
  try {
    raw = readFileSync(join(dataDir, SCREEN_PAIRING_FILE), 'utf8');
  } catch {
    return null;
  }
  const parsed = Stored.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/**
 * The pairing for `counterUrl`: made now with the code (and kept), or the one
 * kept from before. A screen started without a code and never paired with
 * that counter is refused in words that say where the code is.
 */
export async function screenPairing(dataDir: string, counterUrl: string, code: string | undefined): Promise<ScreenPairing> {
  if (code) {
    const pairing = await pairWithCounter(counterUrl, code);
    writeFileSync(join(dataDir, SCREEN_PAIRING_FILE), JSON.stringify(pairing, null, 2), { mode: 0o600 });
    return pairing;
  }
  const kept = readScreenPairing(dataDir);
  if (kept && kept.counterUrl === new URL(counterUrl).origin) return kept;
  throw new AppError(
    'VALIDATION_FAILED',
    `pairingCode: this screen is not paired with ${counterUrl} yet: start it once with --pairing-code and the code the counter shows (Settings → Counters → Screens)`,
    { field: 'pairingCode' },
  );
}
