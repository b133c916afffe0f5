// cards.* and scanners.* — every scan ends in cards.resolve; the counter
// issues the hospital's signed e-health card. See docs/cards.md.
import { z } from 'zod';
import { Uuid } from '../fields';
import type { MethodSpec } from '../method-spec';
import { PrintJob } from './printing-methods';
import { IssuedCard, Jwks, PublicJwk, ResolvedCard, ScannerSettings, ScannerStatus, TrustedIssuer } from './card-schemas';

/**
 * Longer than any card QR (a version-40 QR holds 7,089 digits). Past the
 * contract's ceiling the call is refused before it reaches a parser; the
 * parser itself refuses anything over MAX_CARD_TEXT with reason "oversized".
 */
const ResolveText = z.string().max(65_536, { message: 'is far longer than any card' });

export const cardMethods = {
  'cards.resolve': {
    summary:
      'Raw scanned (or pasted) text in: the parsed card, its verification, and the patient found or a registration prefill.',
    input: z.object({ text: ResolveText, source: z.enum(['wedge', 'serial', 'camera', 'typed', 'kiosk']).optional() }).strict(),
    output: ResolvedCard,
  },
  'cards.issue': {
    summary:
      "Issue (or reissue) a patient's e-health card: a SMART Health Card signed with this hospital's key, and its CR80 PDF. Supersedes the previous card.",
    input: z.object({ patientId: Uuid }).strict(),
    output: IssuedCard,
  },
  'cards.printSlip': {
    summary:
      "Print the patient's current e-health card on the thermal slip printer; issues one first if the patient has none we can print.",
    input: z.object({ patientId: Uuid }).strict(),
    output: z.object({
      cardId: z.string(),
      /** true when a card was issued for this print (none before, or one issued before cards kept their QR). */
      issued: z.boolean(),
      job: PrintJob,
    }),
  },
  'cards.issuerKeys': {
    summary: "This hospital's card-signing public keys as a JWKS, for the HIMS and other counters.",
    input: z.object({}).strict(),
    output: z.object({ issuer: z.string(), jwks: Jwks }),
  },
  'cards.trustIssuer': {
    summary: 'Trust another issuer (e.g. another counter or hospital): its iss URL, a name, and its public keys.',
    input: z
      .object({
        iss: z.url({ protocol: /^https$/, message: 'must be an https URL' }).max(300),
        name: z.string().min(1).max(100),
        jwks: z.object({ keys: z.array(PublicJwk).min(1).max(20) }),
      })
      .strict(),
    output: z.array(TrustedIssuer),
  },
  'cards.trustedIssuers': {
    summary: 'Issuers whose cards verify at this counter (our own keys first).',
    input: z.object({}).strict(),
    output: z.array(TrustedIssuer),
  },
  'scanners.status': {
    summary: 'Scanner settings and the serial scanner state.',
    input: z.object({}).strict(),
    output: ScannerStatus,
  },
  'scanners.configure': {
    summary: 'Change scanner settings (serial port and baud, wedge prefix and suffix); the serial scanner reconnects.',
    input: ScannerSettings.partial().strict(),
    output: ScannerStatus,
  },
} as const satisfies Record<string, MethodSpec>;
