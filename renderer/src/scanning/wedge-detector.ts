// Tells a keyboard-wedge scanner from a person typing, by the rhythm of the
// whole burst (docs/design.md §4): a scanner types a dozen or more characters at
// a few milliseconds each; people type at 100-300 ms a key. The judgement
// uses the median gap of the burst, so one hiccup on a USB hub (a single slow
// gap) does not turn a scan into typing, nor one quick pair typing into a scan.
// Pure logic: the DOM side (which keys reach the page) is wedge-listener.ts.
import { COMPACT_CARD_PREFIX } from '../../../preload/contract/methods/card-schemas';

export interface WedgeOptions {
  /** Median gap at or under this is a scanner. */
  maxMedianGapMs: number;
  /** A pause longer than this ends the burst. */
  burstBreakMs: number;
  /** Fewer characters than this are never a scan (no card id is that short). */
  minLength: number;
  /** What the scanner is programmed to send before and after the text. */
  prefix: string;
  suffix: string;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  maxMedianGapMs: 35,
  burstBreakMs: 250,
  minLength: 6,
  prefix: '',
  suffix: '',
};

export interface KeyStroke {
  char: string;
  time: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function gaps(keys: KeyStroke[]): number[] {
  return keys.slice(1).map((k, i) => k.time - keys[i]!.time);
}

/** Characters per second over the burst, for the settings screen and the docs. */
export function charsPerSecond(keys: KeyStroke[]): number {
  if (keys.length < 2) return 0;
  return ((keys.length - 1) * 1000) / Math.max(1, keys.at(-1)!.time - keys[0]!.time);
}

export interface Judgement {
  scan: boolean;
  /** The scanned text, prefix and suffix removed (when scan). */
  text: string;
  /** Index of the first key that belongs to the scan: keys before it were typed by a person. */
  start: number;
}

/**
 * Judges a finished burst. Slow keys a person typed just before the scanner
 * fired are left out of the scan (they stay where they were typed).
 */
export function judgeBurst(keys: KeyStroke[], options: WedgeOptions): Judgement {
  let start = 0;
  const g = gaps(keys);
  while (start < g.length && g[start]! > options.maxMedianGapMs * 2 && keys.length - start > options.minLength) start++;
  const scanKeys = keys.slice(start);
  let text = scanKeys.map((k) => k.char).join('');
  const none: Judgement = { scan: false, text: '', start: 0 };
  if (options.prefix) {
    if (!text.startsWith(options.prefix)) return none;
    text = text.slice(options.prefix.length);
  }
  if (options.suffix && text.endsWith(options.suffix)) text = text.slice(0, -options.suffix.length);
  if (text.length < options.minLength) return none;
  if (median(gaps(scanKeys)) > options.maxMedianGapMs) return none;
  return { scan: true, text, start };
}

/** ASCII printable: wedge scanners type nothing else (docs/design.md §4). */
export function isWedgeChar(key: string): boolean {
  return key.length === 1 && key >= ' ' && key <= '~';
}

/**
 * Could this text be a card or id the core reads (main/cards/parser-registry.ts)?
 * A fast burst typed into a field that is not one (a phone number from a
 * script, a medicine barcode) is left in the field as typed.
 */
export function looksLikeCard(text: string): boolean {
  const t = text.trim();
  return (
    /^shc:\//i.test(t) ||
    t.slice(0, COMPACT_CARD_PREFIX.length).toUpperCase() === COMPACT_CARD_PREFIX ||
    t.startsWith('{') ||
    /^\d{2}-?\d{4}-?\d{4}-?\d{4}$/.test(t) ||
    /^[a-z0-9][a-z0-9._]{2,49}@(abdm|sbx)$/i.test(t) ||
    /^[A-Z]{2,6}-?[A-Z]\d{2}-?\d{6,}-?\d$/i.test(t)
  );
}
