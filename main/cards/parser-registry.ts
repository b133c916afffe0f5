// One function for every scanner: raw text in, a parsed card out (or a
// CardRejected with a reason). Parsers are a list, tried in order; a new card
// format is one more entry. docs/design.md §4.
import type { CardVerification, ParsedCard } from '../../preload/contract/methods/card-schemas';
import { looksLikeAbhaCard, parseAbhaCard } from './abha-card';
import { parseBareId } from './bare-id';
import { reject } from './card-error';
import { claimsCompactCard, readCompactCard } from './compact-card';
import { SHC_PREFIX } from './shc-numeric';
import { readShc, type ShcTrust } from './shc-verify';

/** A version-40 QR holds at most 7,089 digits; our cards are far smaller. */
export const MAX_CARD_TEXT = 8_000;

export interface ParseResult {
  card: ParsedCard;
  verification: CardVerification;
  /** A compact card's text as issued: the issuing counter finds the card's record by it. */
  issuedText?: string;
}

export interface CardParser {
  name: string;
  /** Cheap test on the cleaned text: is this parser's format? */
  claims(text: string): boolean;
  parse(text: string, trust: ShcTrust): ParseResult | Promise<ParseResult>;
}

export const cardParsers: CardParser[] = [
  {
    name: 'smart-health-card',
    claims: (t) => t.slice(0, SHC_PREFIX.length).toLowerCase() === SHC_PREFIX,
    parse: (t, trust) => readShc(`${SHC_PREFIX}${t.slice(SHC_PREFIX.length)}`, trust),
  },
  { name: 'compact-hospital-card', claims: claimsCompactCard, parse: readCompactCard },
  { name: 'abha-card', claims: looksLikeAbhaCard, parse: parseAbhaCard },
  {
    name: 'bare-identifier',
    claims: (t) => parseBareId(t) !== null,
    parse: (t) => parseBareId(t)!,
  },
];

/**
 * Cleans what a scanner sends: surrounding whitespace and terminators (CR,
 * LF, Tab), and a UTF-8 byte order mark. Anything else that is not printable
 * means the bytes are not a card.
 */
export function cleanScan(raw: string): string {
  if (raw.length > MAX_CARD_TEXT) {
    throw reject(
      'oversized',
      `This scan is ${raw.length} characters long; no card holds more than ${MAX_CARD_TEXT}. Nothing was saved.`,
    );
  }
  const text = raw.replace(/^\uFEFF/, '').replace(/^[\s]+|[\s]+$/g, '');
  if (text === '') throw reject('empty', 'The scan was empty. Scan the card again.');
  // Inside the text only line breaks and tabs may appear (pretty-printed JSON).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/.test(text) || hasLoneSurrogate(text)) {
    throw reject('binary', 'This scan holds binary data, not a card. Nothing was saved.');
  }
  return text;
}

function hasLoneSurrogate(text: string): boolean {
  return /(?:[\uD800-\uDBFF](?![\uDC00-\uDFFF]))|(?:(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/.test(text);
}

export async function parseCardText(raw: string, trust: ShcTrust): Promise<ParseResult> {
  const text = cleanScan(raw);
  const parser = cardParsers.find((p) => p.claims(text));
  if (!parser) {
    throw reject(
      'unrecognized',
      'This is not a card or an id this counter knows (UHID, ABHA number or address, ABHA card, hospital e-health card).',
    );
  }
  return parser.parse(text, trust);
}
