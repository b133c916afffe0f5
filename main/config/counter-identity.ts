// Who this counter is. The letter is what makes token labels and UHIDs unique
// across the hospital's counters without talking to each other, so it is set
// once per counter (by the installer or the IT officer) and kept in the database.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export interface CounterIdentity {
  counterId: string;
  counterLetter: string;
  hospitalName: string;
  /** 2-6 capital letters; the prefix of every UHID this hospital issues. */
  hospitalCode: string;
  timeZone: string;
}

export type CounterSettings = Partial<Omit<CounterIdentity, 'counterId'>>;

const DEFAULTS: Omit<CounterIdentity, 'counterId'> = {
  counterLetter: 'A',
  hospitalName: 'Government Hospital',
  hospitalCode: 'GH',
  timeZone: 'Asia/Kolkata',
};

export function validateSettings(settings: CounterSettings): void {
  if (settings.counterLetter !== undefined && !/^[A-Z]$/.test(settings.counterLetter)) {
    throw new Error(`counter letter must be one capital letter A-Z, not "${settings.counterLetter}"`);
  }
  if (settings.hospitalCode !== undefined && !/^[A-Z]{2,6}$/.test(settings.hospitalCode)) {
    throw new Error(`hospital code must be 2-6 capital letters, not "${settings.hospitalCode}"`);
  }
  if (settings.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: settings.timeZone });
    } catch {
      throw new Error(`unknown time zone "${settings.timeZone}"`);
    }
  }
}

/** Reads the identity, applying (and saving) any settings given at start-up. */
export function loadCounterIdentity(db: Database, settings: CounterSettings = {}): CounterIdentity {
  validateSettings(settings);
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return db
    .transaction(() => {
      const counterId = read.get('counterId')?.value ?? randomUUID();
      write.run('counterId', counterId);
      const identity: CounterIdentity = { counterId, ...DEFAULTS };
      for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
        const given = settings[key];
        if (given !== undefined) write.run(key, given);
        identity[key] = given ?? read.get(key)?.value ?? DEFAULTS[key];
      }
      return identity;
    })
    .immediate();
}
