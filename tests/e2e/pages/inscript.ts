// The Hindi InScript keyboard as the keys a clerk presses: each Devanagari
// character is the key at its place (KeyboardEvent.code) with or without
// Shift, typing that character (KeyboardEvent.key). Taken from the X
// keyboard's in(deva) layout (/usr/share/X11/xkb/symbols/in). The number row
// types Latin digits, as Windows' Hindi Traditional (InScript) layout does,
// or Devanagari digits as Linux's does (linuxNumberRow).
import type { Stroke } from '../../support/key-strokes';

/** Key place → [the character without Shift, with Shift]. */
const LAYOUT: Record<string, [string, string]> = {
  KeyQ: ['ौ', 'औ'],
  KeyW: ['ै', 'ऐ'],
  KeyE: ['ा', 'आ'],
  KeyR: ['ी', 'ई'],
  KeyT: ['ू', 'ऊ'],
  KeyY: ['ब', 'भ'],
  KeyU: ['ह', 'ङ'],
  KeyI: ['ग', 'घ'],
  KeyO: ['द', 'ध'],
  KeyP: ['ज', 'झ'],
  BracketLeft: ['ड', 'ढ'],
  BracketRight: ['़', 'ञ'],
  Backslash: ['ॉ', 'ऑ'],
  KeyA: ['ो', 'ओ'],
  KeyS: ['े', 'ए'],
  KeyD: ['्', 'अ'],
  KeyF: ['ि', 'इ'],
  KeyG: ['ु', 'उ'],
  KeyH: ['प', 'फ'],
  KeyJ: ['र', 'ऱ'],
  KeyK: ['क', 'ख'],
  KeyL: ['त', 'थ'],
  Semicolon: ['च', 'छ'],
  Quote: ['ट', 'ठ'],
  KeyZ: ['ॆ', 'ऎ'],
  KeyX: ['ं', 'ँ'],
  KeyC: ['म', 'ण'],
  KeyV: ['न', 'ऩ'],
  KeyB: ['व', 'ऴ'],
  KeyN: ['ल', 'ळ'],
  KeyM: ['स', 'श'],
  Comma: [',', 'ष'],
  Period: ['.', '।'],
  Slash: ['य', 'य़'],
  Minus: ['-', 'ः'],
  Equal: ['ृ', 'ऋ'],
};

const BY_CHARACTER = new Map<string, Omit<Stroke, 'at'>>();
for (const [code, [plain, shifted]] of Object.entries(LAYOUT)) {
  BY_CHARACTER.set(plain, { key: plain, code });
  BY_CHARACTER.set(shifted, { key: shifted, code, shift: true });
}
for (const digit of '0123456789') BY_CHARACTER.set(digit, { key: digit, code: `Digit${digit}` });
BY_CHARACTER.set(' ', { key: ' ', code: 'Space' });

/** What the InScript key at a place types (a one-key choice pressed on a Hindi keyboard). */
export function inscriptKey(code: string): Omit<Stroke, 'at'> {
  const found = LAYOUT[code];
  if (found) return { key: found[0], code };
  if (/^Digit\d$/.test(code)) return { key: code.slice(5), code };
  throw new Error(`no InScript key at ${code}`);
}

/** The keys that type `text` on an InScript keyboard, `gapMs` apart. */
export function inscriptStrokes(text: string, gapMs: number, at = 0): Stroke[] {
  return [...text].map((ch, i) => {
    const stroke = BY_CHARACTER.get(ch);
    if (!stroke) throw new Error(`InScript has no key for “${ch}”`);
    return { ...stroke, at: at + i * gapMs };
  });
}

/** Digits on the number row of Linux's InScript layout, which types ० to ९ there, `gapMs` apart. */
export function linuxNumberRow(digits: string, gapMs: number, at = 0): Stroke[] {
  return [...digits].map((d, i) => ({ key: String.fromCodePoint(0x0966 + Number(d)), code: `Digit${d}`, at: at + i * gapMs }));
}

/**
 * What a wedge scanner sends for `text` while the computer's keyboard is set
 * to InScript (Linux): the scanner presses the US keys (Shift for capitals),
 * and the layout turns each into its own character.
 */
export function inscriptScan(text: string): Omit<Stroke, 'at'>[] {
  return [...text].map((ch) => {
    if (/^\d$/.test(ch)) return { key: String.fromCodePoint(0x0966 + Number(ch)), code: `Digit${ch}` };
    const code = /^[a-z]$/i.test(ch) ? `Key${ch.toUpperCase()}` : ch === '-' ? 'Minus' : '';
    const place = LAYOUT[code];
    if (!place) throw new Error(`no InScript place for “${ch}”`);
    const shift = /^[A-Z]$/.test(ch);
    return { key: place[shift ? 1 : 0], code, shift };
  });
}
