// Keys at a set rhythm, through the DevTools protocol: each key is sent at its
// own moment in real time and none waits for the page to answer the one
// before, as a clerk's fingers do not wait for the screen. The rhythm is the
// input under test (a key 60 ms after a one-key choice), not a wait for a
// result. A key may carry its own `code` (its place on the keyboard) and the
// character a layout makes there (InScript: "स" on the M key).
import type { CDPSession, Page } from '@playwright/test';

export interface Stroke {
  /** What the key types (KeyboardEvent.key). */
  key: string;
  /** Where it is on the keyboard (KeyboardEvent.code); from the US layout when left out. */
  code?: string;
  /** Milliseconds after the first key. */
  at: number;
}

/** The US-layout place of a character a clerk would press; Enter and Tab by name. */
export function usCode(key: string): string {
  if (key === 'Enter' || key === 'Tab') return key;
  if (key === ' ') return 'Space';
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (/^\d$/.test(key)) return `Digit${key}`;
  if (key === '-') return 'Minus';
  return '';
}

/** Windows' virtual key code for a place on the keyboard (Chromium needs it for Enter and Space to act). */
function virtualKey(code: string): number {
  const named: Record<string, number> = { Enter: 13, Tab: 9, Space: 32, Minus: 189 };
  if (named[code]) return named[code];
  const m = /^(?:Key|Digit)(.)$/.exec(code);
  return m ? m[1]!.charCodeAt(0) : 0;
}

export class KeyRhythm {
  private cdp: CDPSession | null = null;

  constructor(private readonly page: Page) {}

  /** Sends every stroke at its moment; resolves once all were delivered. */
  async play(strokes: Stroke[]): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    const cdp = this.cdp;
    const start = Date.now();
    const sent: Promise<unknown>[] = [];
    for (const s of strokes) {
      const wait = start + s.at - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const code = s.code ?? usCode(s.key);
      const text = s.key === 'Enter' ? '\r' : s.key.length === 1 ? s.key : undefined;
      const base = { key: s.key, code, windowsVirtualKeyCode: virtualKey(code) };
      sent.push(
        cdp.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', ...base, ...(text ? { text } : {}) }),
        cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }),
      );
    }
    await Promise.all(sent);
  }

  /** Text at a person's pace (ms between keys), from `at`. */
  static typed(text: string, gapMs: number, at = 0): Stroke[] {
    return [...text].map((key, i) => ({ key, at: at + i * gapMs }));
  }
}
