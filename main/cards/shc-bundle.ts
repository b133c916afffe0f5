// The FHIR Bundle inside our SMART Health Card: one Patient with the
// identifiers a counter looks up (card id, UHID, ABHA number and address),
// name, gender and birth date; kept small so the QR stays readable.
// https://spec.smarthealth.cards/#health-cards-are-small
import type { ParsedCard } from '../../preload/contract/methods/card-schemas';
import { reject } from './card-error';
import { cleanText, emptyCard, parseDob, parseGender, validAbhaAddress, validAbhaNumber, validPhone } from './card-fields';
import { formatUhid, normalizeUhid } from '../patients/uhid';
import { SYSTEMS } from '../fhir/systems';

/** Identifier systems on the card's Patient: the same ones sync sends the HIMS (main/fhir/systems.ts). */
export const CARD_SYSTEMS = {
  uhid: SYSTEMS.uhid,
  cardId: SYSTEMS.cardId,
  abhaNumber: SYSTEMS.abhaNumber,
  abhaAddress: SYSTEMS.abhaAddress,
} as const;

export interface CardHolder {
  cardId: string;
  uhid: string;
  name: string;
  gender: 'male' | 'female' | 'other';
  dateOfBirth: string;
  abhaNumber: string | null;
  abhaAddress: string | null;
}

export function holderBundle(holder: CardHolder): Record<string, unknown> {
  const identifier = [
    { system: CARD_SYSTEMS.cardId, value: holder.cardId },
    { system: CARD_SYSTEMS.uhid, value: holder.uhid },
    ...(holder.abhaNumber ? [{ system: CARD_SYSTEMS.abhaNumber, value: holder.abhaNumber }] : []),
    ...(holder.abhaAddress ? [{ system: CARD_SYSTEMS.abhaAddress, value: holder.abhaAddress }] : []),
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'resource:0',
        resource: {
          resourceType: 'Patient',
          identifier,
          name: [{ text: holder.name }],
          gender: holder.gender,
          birthDate: holder.dateOfBirth,
        },
      },
    ],
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The card's holder, read from an SHC payload's FHIR Bundle (already decoded JSON). */
export function cardFromPayload(payload: Record<string, unknown>): ParsedCard {
  const vc = payload['vc'];
  const subject = isObject(vc) ? vc['credentialSubject'] : undefined;
  const bundle = isObject(subject) ? subject['fhirBundle'] : undefined;
  const entries = isObject(bundle) && Array.isArray(bundle['entry']) ? bundle['entry'] : [];
  const patient = entries
    .map((e: unknown) => (isObject(e) ? e['resource'] : undefined))
    .find((r): r is Record<string, unknown> => isObject(r) && r['resourceType'] === 'Patient');
  if (!patient) throw reject('malformed', 'This health card holds no patient.');

  const card = emptyCard('shc');
  const ids = Array.isArray(patient['identifier']) ? patient['identifier'].filter(isObject) : [];
  const id = (system: string) => ids.find((i) => i['system'] === system)?.['value'];
  const cardId = id(CARD_SYSTEMS.cardId);
  card.cardId = typeof cardId === 'string' && /^[\w-]{1,64}$/.test(cardId) ? cardId : null;
  const uhid = id(CARD_SYSTEMS.uhid);
  const compact = typeof uhid === 'string' ? normalizeUhid(uhid) : null;
  card.uhid = compact ? formatUhid(compact) : null;
  card.abhaNumber = validAbhaNumber(id(CARD_SYSTEMS.abhaNumber));
  card.abhaAddress = validAbhaAddress(id(CARD_SYSTEMS.abhaAddress));

  const names = Array.isArray(patient['name']) ? patient['name'].filter(isObject) : [];
  const first = names[0];
  if (first) {
    const given = Array.isArray(first['given']) ? first['given'].filter((g) => typeof g === 'string').join(' ') : '';
    card.name =
      cleanText(first['text']) ?? cleanText(`${given} ${typeof first['family'] === 'string' ? first['family'] : ''}`, 100);
  }
  card.gender = parseGender(patient['gender']);
  card.dateOfBirthAsPrinted = cleanText(patient['birthDate'], 20);
  Object.assign(card, parseDob(card.dateOfBirthAsPrinted));
  const telecom = Array.isArray(patient['telecom']) ? patient['telecom'].filter(isObject) : [];
  card.phone = validPhone(telecom.find((t) => t['system'] === 'phone')?.['value']);
  return card;
}
