// What a scanned card looks like on the wire (cards.resolve), and the issued
// card and issuer keys (cards.issue, cards.issuerKeys). Pure zod, shared by
// the core and the renderer. Parsing rules: docs/cards.md, docs/design.md §4.
import { z } from 'zod';
import { Gender } from '../fields';
import { PatientSummary } from '../records';

/** What the hospital's compact signed card (the front QR) begins with; base45 follows (docs/cards.md). */
export const COMPACT_CARD_PREFIX = 'HHC1:';

export const CardKind = z.enum(['abha_card', 'shc', 'hospital_card', 'uhid', 'abha_number', 'abha_address']);
export type CardKind = z.infer<typeof CardKind>;

/**
 * Why a scan was refused. The UI translates the reason; `message` is the
 * English fallback. Every refusal stores nothing.
 */
export const CardRejection = z.enum([
  'empty',
  'oversized',
  'binary', // control characters or bytes a card never carries
  'unrecognized', // not any card format we know
  'malformed', // looks like a known format but does not parse
  'chunked', // a multi-part SMART Health Card (deprecated by the spec)
  'bad_signature', // signed by a trusted key, but the signature does not match: tampered
  'expired',
  'not_yet_valid',
  'superseded', // a card of ours that a newer card replaced
]);
export type CardRejection = z.infer<typeof CardRejection>;

/** `details` of the VALIDATION_FAILED error a refused scan returns. */
export const CardRejectionDetails = z.object({ reason: CardRejection });

const nullableString = z.string().nullable();

export const CardVerification = z.object({
  /** verified: signed by a trusted issuer; unverified: signed by an issuer we do not know; unsigned: no signature at all. */
  state: z.enum(['verified', 'unverified', 'unsigned']),
  issuer: nullableString,
  issuerName: nullableString,
  kid: nullableString,
});
export type CardVerification = z.infer<typeof CardVerification>;

export const CardAddress = z.object({
  line: nullableString,
  district: nullableString,
  state: nullableString,
  pincode: nullableString,
});

/** Everything a card says about its holder, as printed on it. */
export const ParsedCard = z.object({
  kind: CardKind,
  uhid: nullableString,
  abhaNumber: nullableString,
  abhaAddress: nullableString,
  /** Id of a card this hospital issued (SMART Health Card; a compact card's is found by its text where it was issued). */
  cardId: nullableString,
  name: nullableString,
  gender: Gender.nullable(),
  /** As printed on the card (ABHA cards write DD-MM-YYYY, or only a year). */
  dateOfBirthAsPrinted: nullableString,
  /** ISO date when the printed one is a full date. */
  dateOfBirth: nullableString,
  yearOfBirth: z.number().int().nullable(),
  phone: nullableString,
  address: CardAddress,
});
export type ParsedCard = z.infer<typeof ParsedCard>;

/** What the registration form is filled with when the card's holder is new here. */
export const RegistrationPrefill = z.object({
  name: z.string().optional(),
  gender: Gender.optional(),
  dateOfBirth: z.string().optional(),
  ageYears: z.number().int().optional(),
  phone: z.string().optional(),
  abhaNumber: z.string().optional(),
  abhaAddress: z.string().optional(),
  address: z
    .object({
      line: z.string().optional(),
      district: z.string().optional(),
      state: z.string().optional(),
      pincode: z.string().optional(),
    })
    .optional(),
});
export type RegistrationPrefill = z.infer<typeof RegistrationPrefill>;

export const ResolvedCard = z.object({
  card: ParsedCard,
  verification: CardVerification,
  /** Which identifier found the patient, if one did. */
  matchedBy: z.enum(['card_id', 'uhid', 'abha_number', 'abha_address']).nullable(),
  patient: PatientSummary.nullable(),
  /** Set when no patient was found and the card says enough to start a registration. */
  prefill: RegistrationPrefill.nullable(),
});
export type ResolvedCard = z.infer<typeof ResolvedCard>;

export const IssuedCard = z.object({
  id: z.string(),
  patientId: z.string(),
  kid: z.string(),
  issuer: z.string(),
  issuedAt: z.string(),
  /** The SMART Health Card's QR content: shc:/ followed by digits (the back of the card; portable). */
  qr: z.string(),
  /** The compact signed QR on the card's front: HHC1: and base45, at most 190 characters (docs/cards.md). */
  compactQr: z.string(),
  /** The CR80 card as a PDF, base64 (for a card printer). */
  pdfBase64: z.string(),
  /** Ids of the cards this one replaced. */
  superseded: z.array(z.string()),
});
export type IssuedCard = z.infer<typeof IssuedCard>;

export const PublicJwk = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    kid: z.string().max(100).optional(),
    alg: z.literal('ES256').optional(),
    use: z.literal('sig').optional(),
  })
  .strip();
export type PublicJwk = z.infer<typeof PublicJwk>;

export const Jwks = z.object({
  keys: z.array(PublicJwk.extend({ kid: z.string(), alg: z.literal('ES256'), use: z.literal('sig') })),
});
export type Jwks = z.infer<typeof Jwks>;

export const TrustedIssuer = z.object({
  iss: z.string(),
  kid: z.string(),
  name: z.string(),
  addedAt: z.string(),
  own: z.boolean(),
});
export type TrustedIssuer = z.infer<typeof TrustedIssuer>;

const WedgeAffix = z
  .string()
  .max(8)
  .regex(/^[\x20-\x7e]*$/, { message: 'must be printable ASCII' });

/** Scanner settings, kept in the counter's database. */
export const ScannerSettings = z.object({
  /** Serial (USB-COM) scanner: e.g. /dev/ttyACM0 or COM3; null switches it off. */
  serialPort: z
    .string()
    .max(200)
    .regex(/^[\w./\\:-]+$/, { message: 'must be a device path like /dev/ttyACM0 or COM3' })
    .nullable(),
  serialBaudRate: z.union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]),
  /** Characters a keyboard-wedge scanner is programmed to send before and after each scan. */
  wedgePrefix: WedgeAffix,
  wedgeSuffix: WedgeAffix,
});
export type ScannerSettings = z.infer<typeof ScannerSettings>;

export const ScannerStatus = z.object({
  settings: ScannerSettings,
  serialState: z.enum(['off', 'connecting', 'connected', 'waiting_for_device']),
  lastError: nullableString,
  scans: z.number().int(),
});
export type ScannerStatus = z.infer<typeof ScannerStatus>;
