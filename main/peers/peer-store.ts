// The paired counters (migration 0140): who they are, where, and the TLS key
// pinned at pairing. How each last answered is kept too, so the screens can
// say "Counter C not reachable since 10:42" after a restart.
import type { Database } from 'better-sqlite3';
import type { PeerProblem } from '../../preload/contract/methods/peers-methods';
import { sql } from '../db/statements';
import { writeTransaction } from '../db/transaction';

export interface PeerRow {
  counter_id: string;
  counter_letter: string;
  hospital_code: string;
  hospital_name: string;
  address: string;
  spki_pin: string;
  cert_pem: string;
  paired_at: string;
  last_seen_at: string | null;
  last_error: PeerProblem | null;
  last_error_at: string | null;
}

export function listPeers(db: Database): PeerRow[] {
  return sql<[], PeerRow>(db, 'SELECT * FROM peers ORDER BY counter_letter').all();
}

export function peerById(db: Database, counterId: string): PeerRow | undefined {
  return sql<[string], PeerRow>(db, 'SELECT * FROM peers WHERE counter_id = ?').get(counterId);
}

export function peerByPin(db: Database, pin: string): PeerRow | undefined {
  return sql<[string], PeerRow>(db, 'SELECT * FROM peers WHERE spki_pin = ?').get(pin);
}

/** Pairing again (a moved or re-keyed counter) replaces what was known of it. */
export function savePeer(db: Database, peer: Omit<PeerRow, 'last_seen_at' | 'last_error' | 'last_error_at'>): void {
  writeTransaction(db, () => {
    sql(db, 'DELETE FROM peers WHERE counter_id = ?').run(peer.counter_id);
    sql(
      db,
      `INSERT INTO peers (counter_id, counter_letter, hospital_code, hospital_name, address, spki_pin, cert_pem, paired_at, last_seen_at)
       VALUES (@counter_id, @counter_letter, @hospital_code, @hospital_name, @address, @spki_pin, @cert_pem, @paired_at, @paired_at)`,
    ).run(peer);
  });
}

export function removePeer(db: Database, counterId: string): boolean {
  return writeTransaction(db, () => sql(db, 'DELETE FROM peers WHERE counter_id = ?').run(counterId).changes > 0);
}

export function markSeen(db: Database, counterId: string, at: string): void {
  writeTransaction(db, () =>
    sql(db, 'UPDATE peers SET last_seen_at = ?, last_error = NULL, last_error_at = NULL WHERE counter_id = ?').run(at, counterId),
  );
}

export function markProblem(db: Database, counterId: string, problem: PeerProblem, at: string): void {
  writeTransaction(db, () =>
    sql(db, 'UPDATE peers SET last_error = ?, last_error_at = ? WHERE counter_id = ?').run(problem, at, counterId),
  );
}
