// cards.resolve: the one path every scan takes. Parse (and verify) the card,
// refuse a superseded card of ours, then find the patient by the strongest
// identifier the card carries, or say what the registration form can be
// filled with. Reads only: nothing is stored for a scan.
import type { Database } from 'better-sqlite3';
import type { ParsedCard, RegistrationPrefill, ResolvedCard } from '../../preload/contract/methods/card-schemas';
import type { PatientRow } from '../patients/patient-rows';
import { toSummary } from '../patients/patient-rows';
import { IDENTIFIER_SYSTEMS, patientByIdentifier, patientByPk } from '../patients/patient-store';
import { sql } from '../db/statements';
import { PATIENT_COLUMNS } from '../patients/patient-rows';
import { normalizeUhid } from '../patients/uhid';
import { reject } from './card-error';
import { issuedCardByCompactQr, issuedCardById } from './card-store';
import { followMerged, supersededByMerge } from '../patients/merge-store';
import { parseCardText } from './parser-registry';
import type { ShcTrust } from './shc-verify';

type MatchedBy = ResolvedCard['matchedBy'];

function findPatient(db: Database, card: ParsedCard, verified: boolean): { row: PatientRow; by: MatchedBy } | null {
  if (card.cardId && verified) {
    const issued = issuedCardById(db, card.cardId);
    if (issued) {
      const row = patientByPk(db, issued.patient_pk);
      if (row) return { row, by: 'card_id' };
    }
  }
  const uhid = card.uhid ? normalizeUhid(card.uhid) : null;
  if (uhid) {
    const row = sql<[string], PatientRow>(db, `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.uhid = ?`).get(uhid);
    if (row) return { row, by: 'uhid' };
  }
  if (card.abhaNumber) {
    const row = patientByIdentifier(db, IDENTIFIER_SYSTEMS.abhaNumber, card.abhaNumber);
    if (row) return { row, by: 'abha_number' };
  }
  if (card.abhaAddress) {
    const row = patientByIdentifier(db, IDENTIFIER_SYSTEMS.abhaAddress, card.abhaAddress);
    if (row) return { row, by: 'abha_address' };
  }
  return null;
}

/** What a new patient's registration form can start with; null when the card says nothing useful. */
export function prefillFrom(card: ParsedCard, today: string): RegistrationPrefill | null {
  const prefill: RegistrationPrefill = {};
  if (card.name) prefill.name = card.name;
  if (card.gender) prefill.gender = card.gender;
  if (card.dateOfBirth && card.dateOfBirth <= today) prefill.dateOfBirth = card.dateOfBirth;
  else if (card.yearOfBirth) {
    const age = Number(today.slice(0, 4)) - card.yearOfBirth;
    if (age >= 0 && age <= 130) prefill.ageYears = age;
  }
  if (card.phone) prefill.phone = card.phone;
  if (card.abhaNumber) prefill.abhaNumber = card.abhaNumber;
  if (card.abhaAddress) prefill.abhaAddress = card.abhaAddress;
  const a = card.address;
  if (a.line || a.district || a.state || a.pincode) {
    prefill.address = {
      ...(a.line ? { line: a.line } : {}),
      ...(a.district ? { district: a.district } : {}),
      ...(a.state ? { state: a.state } : {}),
      ...(a.pincode ? { pincode: a.pincode } : {}),
    };
  }
  return Object.keys(prefill).length > 0 ? prefill : null;
}

export async function resolveCard(db: Database, text: string, trust: ShcTrust, today: string): Promise<ResolvedCard> {
  const { card, verification, issuedText } = await parseCardText(text, trust);
  const verified = verification.state === 'verified';
  // A compact card names no card id; where it was issued, its text finds it.
  if (issuedText && verified) card.cardId = issuedCardByCompactQr(db, issuedText)?.id ?? null;
  if (card.cardId && verified) {
    const issued = issuedCardById(db, card.cardId);
    // A card superseded only because its holder was merged still names them (main/patients/merge.ts).
    if (issued?.superseded_at && !supersededByMerge(db, issued.id)) {
      throw reject(
        'superseded',
        'This card was replaced by a newer card and no longer identifies anyone. Ask for the new card, or search by name or UHID.',
      );
    }
  }
  const matched = findPatient(db, card, verified);
  // A card or id of a merged duplicate names the record it was merged into.
  const found = matched && { ...matched, row: followMerged(db, matched.row) };
  return {
    card,
    verification,
    matchedBy: found?.by ?? null,
    patient: found ? toSummary(found.row, today) : null,
    prefill: found ? null : prefillFrom(card, today),
  };
}
