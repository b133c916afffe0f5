// Keys at a set rhythm through the DevTools protocol (Input.dispatchKeyEvent):
// each key is sent at its own moment in real time and none waits for the page
// to answer the one before, as a clerk's fingers do not wait for the screen.
// A key may carry its own `code` (its place on the keyboard) and the character
// a layout makes there (InScript: "स" on the M key). Shared by the e2e specs
// and the on-screen bench.

export interface Stroke {
  /** What the key types (KeyboardEvent.key), or a key's name (Enter, Tab, Escape). */
  key: string;
  /** Where it is on the keyboard (KeyboardEvent.code); from the US layout when left out. */
  code?: string;
  shift?: boolean;
  alt?: boolean;
  /** Milliseconds after the first key. */
  at: number;
}

/** Input.dispatchKeyEvent's parameters, as far as these helpers use them. */
export interface KeyEvent {
  type: 'keyDown' | 'rawKeyDown' | 'keyUp';
  key: string;
  code: string;
  windowsVirtualKeyCode: number;
  modifiers: number;
  text?: string;
  unmodifiedText?: string;
  /** Seconds since the epoch. */
  timestamp?: number;
}

/** The one DevTools method these helpers use (a Playwright CDPSession has it). */
export interface KeySender {
  send(method: 'Input.dispatchKeyEvent', params: KeyEvent): Promise<unknown>;
}

const NAMED: Record<string, { code: string; vk: number }> = {
  Enter: { code: 'Enter', vk: 13 },
  Tab: { code: 'Tab', vk: 9 },
  Escape: { code: 'Escape', vk: 27 },
  Backspace: { code: 'Backspace', vk: 8 },
  ' ': { code: 'Space', vk: 32 },
  '-': { code: 'Minus', vk: 189 },
  '/': { code: 'Slash', vk: 191 },
  '.': { code: 'Period', vk: 190 },
  ',': { code: 'Comma', vk: 188 },
};

/** The US-layout place of a character a clerk would press. */
export function usCode(key: string): string {
  if (NAMED[key]) return NAMED[key].code;
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (/^\d$/.test(key)) return `Digit${key}`;
  return '';
}

/** Windows' virtual key code of a place on the keyboard (Chromium needs it for Enter and Space to act). */
function virtualKey(code: string): number {
  const named = Object.values(NAMED).find((n) => n.code === code);
  if (named) return named.vk;
  const m = /^(?:Key|Digit)(.)$/.exec(code);
  return m ? m[1]!.charCodeAt(0) : 0;
}

/** The keyDown and keyUp of one stroke; `timestamp` (seconds since the epoch) when the moment is given. */
export function keyEvents(s: Omit<Stroke, 'at'>, timestamp?: number): KeyEvent[] {
  const code = s.code ?? usCode(s.key);
  const text = s.key === 'Enter' ? '\r' : [...s.key].length === 1 ? s.key : undefined;
  const base = {
    key: s.key,
    code,
    windowsVirtualKeyCode: virtualKey(code),
    // DevTools' modifier bits: Alt 1, Shift 8.
    modifiers: (s.alt ? 1 : 0) | (s.shift ? 8 : 0),
    ...(timestamp === undefined ? {} : { timestamp }),
  };
  const down: KeyEvent = { type: text ? 'keyDown' : 'rawKeyDown', ...base, ...(text ? { text, unmodifiedText: text } : {}) };
  const up: KeyEvent = { type: 'keyUp', ...base, ...(timestamp === undefined ? {} : { timestamp: timestamp + 0.001 }) };
  return [down, up];
}

/** Sends every stroke at its moment; resolves once all were delivered. */
export async function playStrokes(cdp: KeySender, strokes: Stroke[]): Promise<void> {
  const start = Date.now();
  const sent: Promise<unknown>[] = [];
  for (const s of strokes) {
    const wait = start + s.at - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    for (const event of keyEvents(s)) sent.push(cdp.send('Input.dispatchKeyEvent', event));
  }
  await Promise.all(sent);
}

/** Text at a person's pace (ms between keys), from `at`. */
export function typedAt(text: string, gapMs: number, at = 0): Stroke[] {
  return [...text].map((key, i) => ({ key, at: at + i * gapMs }));
}

/**
 * A keyboard-wedge scanner's burst: the text and Enter `gapMs` apart by their
 * timestamps, all queued at once as they sit in the OS input queue, the Enter
 * stamped now (so the page can time what follows from the moment the scanner
 * sent it).
 */
export async function scanBurst(cdp: KeySender, text: string, gapMs = 8): Promise<void> {
  await scanStrokes(
    cdp,
    [...text].map((key) => ({ key })),
    gapMs,
  );
}

/** The same burst as keys of any layout (a scanner pressing US places on a Hindi keyboard), then Enter. */
export async function scanStrokes(cdp: KeySender, strokes: Omit<Stroke, 'at'>[], gapMs = 8): Promise<void> {
  const keys = [...strokes, { key: 'Enter' }];
  const end = Date.now() / 1000;
  const events = keys.flatMap((stroke, i) => keyEvents(stroke, end - ((keys.length - 1 - i) * gapMs) / 1000));
  await Promise.all(events.map((e) => cdp.send('Input.dispatchKeyEvent', e)));
}
