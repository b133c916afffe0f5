// Who this counter is. The letter is what makes token labels and UHIDs unique
// across the hospital's counters without talking to each other, so it is set
// once per counter — at first run, or by the IT officer's start-up
// configuration (main/config/startup-options.ts) — kept in the database, and
// frozen once anything was issued with it.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { CounterIdentityInput, DEFAULT_TIME_ZONE, type IdentityField } from '../../preload/contract/methods/counter-schemas';
import { appendAudit } from '../audit/audit-log';
import { AppError } from '../core/app-error';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';

export interface CounterIdentity {
  counterId: string;
  /** null until set: nothing can be issued without it. */
  counterLetter: string | null;
  /** 2-6 capital letters; the prefix of every UHID this hospital issues. null until set. */
  hospitalCode: string | null;
  /** '' until set. */
  hospitalName: string;
  /** The same in Devanagari; '' when none is given. */
  hospitalNameHi: string;
  timeZone: string;
  /** Given by the start-up configuration: the screens cannot change these. */
  pinned: IdentityField[];
}

export type CounterSettings = Partial<CounterIdentityInput>;

const FIELDS: readonly IdentityField[] = ['hospitalName', 'hospitalNameHi', 'hospitalCode', 'counterLetter', 'timeZone'];
/** What UHIDs and token labels are made of. */
const MINTING_FIELDS: ReadonlySet<IdentityField> = new Set(['hospitalCode', 'counterLetter']);

/** Start-up or first-run values, checked by the contract's own rules so every shell says the same words. */
export function validateSettings(settings: CounterSettings): CounterSettings {
  const parsed = CounterIdentityInput.partial().safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'counter');
    const shown = (settings as Record<string, unknown>)[field];
    throw new AppError('VALIDATION_FAILED', `${describe(field as IdentityField)} ${issue.message}, not "${String(shown)}"`, {
      field,
    });
  }
  return parsed.data;
}

function describe(field: IdentityField): string {
  return {
    hospitalName: 'hospital name',
    hospitalNameHi: 'hospital name in Hindi',
    hospitalCode: 'hospital code',
    counterLetter: 'counter letter',
    timeZone: 'time zone',
  }[field];
}

export function isConfigured(identity: CounterIdentity): boolean {
  return identity.counterLetter !== null && identity.hospitalCode !== null && identity.hospitalName !== '';
}

/**
 * Whether this counter has issued a UHID or a token. Read from the sequences
 * (a handful of rows), which move in the same transaction as what they number.
 */
export function hasIssued(db: Database): boolean {
  return (
    sql<[], { n: number }>(
      db,
      `SELECT EXISTS (SELECT 1 FROM sequences WHERE name LIKE 'uhid:%' AND last_value > 0)
           OR EXISTS (SELECT 1 FROM token_sequences) AS n`,
    ).get()!.n === 1
  );
}

type StoredIdentity = Partial<Record<IdentityField | 'counterId', string>>;

function readStored(db: Database): StoredIdentity {
  const rows = sql<[], { key: string; value: string }>(
    db,
    `SELECT key, value FROM settings WHERE key IN ('counterId', 'hospitalName', 'hospitalNameHi', 'hospitalCode', 'counterLetter', 'timeZone')`,
  ).all();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

function writeSetting(db: Database, key: string, value: string): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

function identityFrom(stored: StoredIdentity, pinned: IdentityField[]): CounterIdentity {
  return {
    counterId: stored.counterId!,
    counterLetter: stored.counterLetter ?? null,
    hospitalCode: stored.hospitalCode ?? null,
    hospitalName: stored.hospitalName ?? '',
    hospitalNameHi: stored.hospitalNameHi ?? '',
    timeZone: stored.timeZone ?? DEFAULT_TIME_ZONE,
    pinned,
  };
}

/**
 * Refuses to change the letter or hospital code of a counter that issued
 * anything: every UHID and token label it handed out carries them, and a
 * second counter may already use the letter it would move to.
 */
function refuseMintingChange(db: Database, field: IdentityField, from: string, to: string, how: string): void {
  if (!MINTING_FIELDS.has(field) || !hasIssued(db)) return;
  throw new AppError(
    'CONFLICT',
    `this counter has already issued UHIDs or tokens with ${describe(field)} ${from}; it cannot change to ${to}` +
      ` (${how}). A counter's letter and hospital code are fixed once it has issued anything.`,
    { field, details: { reason: 'issued' } },
  );
}

/**
 * Writes what differs from the stored identity (in `stored` too), refusing a
 * change `refuse` throws for and any change of a letter or code already
 * issued with; one audit entry names the fields changed.
 */
function applyIdentity(
  db: Database,
  stored: StoredIdentity,
  wanted: CounterSettings,
  how: string,
  audit: { at: string; actor: string; action: 'counter.configure' | 'counter.update' },
  refuse: (field: IdentityField) => void = () => {},
): void {
  const changed: IdentityField[] = [];
  for (const field of FIELDS) {
    const value = wanted[field];
    // Nothing given and nothing stored are the same: an empty Hindi name is not a change.
    if (value === undefined || (stored[field] ?? '') === value) continue;
    refuse(field);
    const before = stored[field];
    if (before !== undefined) refuseMintingChange(db, field, before, value, how);
    writeSetting(db, field, value);
    stored[field] = value;
    changed.push(field);
  }
  if (changed.length > 0) {
    appendAudit(db, { ...audit, entity: 'counter', entityId: stored.counterId!, detail: { changed } });
  }
}

/**
 * Reads the identity, applying (and saving) what the start-up configuration
 * gives. A given letter or hospital code that differs from the stored one is
 * refused once anything was issued: the counter does not start on a changed
 * identity rather than hand out numbers another counter may own.
 */
export function loadCounterIdentity(
  db: Database,
  settings: CounterSettings = {},
  at = new Date().toISOString(),
): CounterIdentity {
  const given = validateSettings(settings);
  const pinned = FIELDS.filter((f) => given[f] !== undefined);
  return writeTransaction(db, () => {
    const stored = readStored(db);
    if (!stored.counterId) {
      stored.counterId = randomUUID();
      writeSetting(db, 'counterId', stored.counterId);
    }
    applyIdentity(db, stored, given, 'remove it from counter.json or the command line', {
      at,
      actor: 'start-up',
      action: 'counter.configure',
    });
    return identityFrom(stored, pinned);
  });
}

/**
 * A change made at a screen (first run, "This counter"). Fields pinned by the
 * start-up configuration cannot be changed here; the letter and hospital code
 * only while nothing was issued. Returns the new identity; the caller's
 * transaction (if any) holds the write.
 */
export function changeCounterIdentity(
  db: Database,
  current: CounterIdentity,
  changes: CounterSettings,
  audit: { at: string; actor: string },
): CounterIdentity {
  const wanted = validateSettings(changes);
  return writeTransaction(db, () => {
    const stored = readStored(db);
    applyIdentity(db, stored, wanted, 'it was set before', { ...audit, action: 'counter.update' }, (field) => {
      if (!current.pinned.includes(field)) return;
      throw new AppError(
        'CONFLICT',
        `the ${describe(field)} is set by this counter's start-up configuration (counter.json or the command line); change it there`,
        { field, details: { reason: 'pinned' } },
      );
    });
    return identityFrom(stored, current.pinned);
  });
}

/** The letter and hospital code to mint a UHID or token label with, or a typed refusal. */
export function issuingIdentity(identity: CounterIdentity): { counterLetter: string; hospitalCode: string } {
  if (identity.counterLetter === null || identity.hospitalCode === null) {
    throw new AppError(
      'NOT_SET_UP',
      "this counter's letter and hospital code are not set yet: an administrator sets them at first run or in This counter",
    );
  }
  return { counterLetter: identity.counterLetter, hospitalCode: identity.hospitalCode };
}
