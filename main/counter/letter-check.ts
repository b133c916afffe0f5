// The last answer of the HIMS to "does another counter of this hospital use
// my letter?" (main/sync/counter-device.ts asks it). Kept in the database so a
// duplicate found yesterday is still shown after a restart while the HIMS is
// out of reach; shown as a check of the letter and code it was made for only.
import type { Database } from 'better-sqlite3';
import type { LetterCheck } from '../../preload/contract/methods/counter-schemas';
import type { CounterIdentity } from '../config/counter-identity';
import { isConfigured } from '../config/counter-identity';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';

export interface LetterCheckRecord {
  /** The letter and hospital code asked about, e.g. LNH-B. */
  asked: string;
  checkedAt: string;
  otherCounters: LetterCheck['otherCounters'];
}

const KEY = 'letterCheck';

export const letterKey = (identity: Pick<CounterIdentity, 'hospitalCode' | 'counterLetter'>) =>
  `${identity.hospitalCode}-${identity.counterLetter}`;

export function saveLetterCheck(db: Database, record: LetterCheckRecord): void {
  writeTransaction(db, () =>
    sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      KEY,
      JSON.stringify(record),
    ),
  );
}

function readLetterCheck(db: Database): LetterCheckRecord | null {
  const row = sql<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(KEY);
  if (!row) return null;
  try {
    return JSON.parse(row.value) as LetterCheckRecord;
  } catch {
    return null;
  }
}

export interface HimsReach {
  configured: boolean;
  /** The last check failed because the HIMS refused it (not because it was out of reach). */
  refused: boolean;
}

/** What the screens show: the stored answer if it is about today's letter, else why there is none. */
export function letterCheckView(db: Database, identity: CounterIdentity, hims: HimsReach): LetterCheck {
  const none = (reason: NonNullable<LetterCheck['reason']>): LetterCheck => ({
    state: 'unchecked',
    reason,
    checkedAt: null,
    otherCounters: [],
  });
  if (!isConfigured(identity)) return none('not_set_up');
  const record = readLetterCheck(db);
  if (record && record.asked === letterKey(identity)) {
    return {
      state: record.otherCounters.length > 0 ? 'duplicate' : 'unique',
      reason: null,
      checkedAt: record.checkedAt,
      otherCounters: record.otherCounters,
    };
  }
  if (!hims.configured) return none('hims_not_configured');
  return none(hims.refused ? 'hims_refused' : 'hims_not_reached');
}
