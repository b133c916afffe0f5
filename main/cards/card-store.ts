// Issued cards: one current card per patient; a reissue supersedes the old.
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';

export interface IssuedCardRow {
  id: string;
  patient_pk: number;
  superseded_at: string | null;
}

export function issuedCardById(db: Database, id: string): IssuedCardRow | undefined {
  return sql<[string], IssuedCardRow>(db, 'SELECT id, patient_pk, superseded_at FROM issued_cards WHERE id = ?').get(id);
}

/** The card a compact QR was issued as (cards issued here since it came; other counters' cards are not here). */
export function issuedCardByCompactQr(db: Database, compactQr: string): IssuedCardRow | undefined {
  return sql<[string], IssuedCardRow>(db, 'SELECT id, patient_pk, superseded_at FROM issued_cards WHERE compact_qr = ?').get(
    compactQr,
  );
}

/** The id of the patient's current (not superseded) card, if any. */
export function currentCardId(db: Database, patientPk: number): string | null {
  return (
    sql<[number], { id: string }>(db, 'SELECT id FROM issued_cards WHERE patient_pk = ? AND superseded_at IS NULL').get(patientPk)
      ?.id ?? null
  );
}

/** Call inside the issuing transaction. Returns the ids of the cards superseded. */
export function recordIssuedCard(
  db: Database,
  card: { id: string; patientPk: number; kid: string; issuer: string; at: string; qr: string; compactQr: string },
): string[] {
  const current = sql<[number], { id: string }>(
    db,
    'SELECT id FROM issued_cards WHERE patient_pk = ? AND superseded_at IS NULL',
  ).all(card.patientPk);
  sql(db, 'UPDATE issued_cards SET superseded_at = ?, superseded_by = ? WHERE patient_pk = ? AND superseded_at IS NULL').run(
    card.at,
    card.id,
    card.patientPk,
  );
  sql(db, 'INSERT INTO issued_cards (id, patient_pk, kid, issuer, issued_at, qr, compact_qr) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    card.id,
    card.patientPk,
    card.kid,
    card.issuer,
    card.at,
    card.qr,
    card.compactQr,
  );
  return current.map((r) => r.id);
}

/** The patient's current card, if its QR was kept (cards issued before migration 0060 have none). */
export function currentPrintableCard(db: Database, patientPk: number): { id: string } | undefined {
  return sql<[number], { id: string }>(
    db,
    'SELECT id FROM issued_cards WHERE patient_pk = ? AND superseded_at IS NULL AND qr IS NOT NULL',
  ).get(patientPk);
}
