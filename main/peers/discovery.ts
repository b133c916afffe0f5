// Counters announce themselves on the hospital network with DNS-SD over
// multicast DNS (bonjour-service, `_hims-counter._tcp`), so a supervisor can
// pick a counter instead of typing its address. Only a convenience: many
// hospital networks drop multicast, so every counter can also be added by
// address, and nothing depends on this. What it announces is public anyway:
// the hospital code, the letter and the counter id, never a patient.
import { Bonjour, type Service } from 'bonjour-service';

export const SERVICE_TYPE = 'hims-counter';

export interface Announced {
  address: string;
  counterLetter: string;
  hospitalCode: string;
  counterId: string;
}

export interface Discovery {
  announce(info: { port: number; counterLetter: string; hospitalCode: string; counterId: string }): void;
  find(waitMs: number): Promise<Announced[]>;
  close(): void;
}

export function createDiscovery(log: (message: string) => void): Discovery {
  let bonjour: Bonjour | null = null;
  const open = () => (bonjour ??= new Bonjour({}, (err: Error) => log(`mDNS: ${err.message}`)));
  return {
    announce(info) {
      try {
        open().publish({
          name: `HIMS Counter ${info.hospitalCode}-${info.counterLetter}`,
          type: SERVICE_TYPE,
          port: info.port,
          txt: { hospital: info.hospitalCode, letter: info.counterLetter, counter: info.counterId },
        });
      } catch (err) {
        log(`mDNS announce failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    find(waitMs) {
      return new Promise((resolve) => {
        const found = new Map<string, Announced>();
        let browser: ReturnType<Bonjour['find']> | null = null;
        try {
          browser = open().find({ type: SERVICE_TYPE }, (service: Service) => {
            const txt = (service.txt ?? {}) as Record<string, string>;
            const host = service.addresses?.find((a) => !a.includes(':')) ?? service.referer?.address;
            if (!host || !txt.counter || !txt.letter || !txt.hospital) return;
            found.set(txt.counter, {
              address: `${host}:${service.port}`,
              counterLetter: txt.letter,
              hospitalCode: txt.hospital,
              counterId: txt.counter,
            });
          });
        } catch (err) {
          log(`mDNS browse failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        setTimeout(() => {
          browser?.stop();
          resolve([...found.values()]);
        }, waitMs);
      });
    },
    close() {
      bonjour?.unpublishAll();
      bonjour?.destroy();
      bonjour = null;
    },
  };
}
