// Counts what a clerk presses on the keyboard: the characters of the data
// itself, and every other key (Tab, Enter, Space, a one-key choice, a
// shortcut) — the overhead the form's one-key choices brought down and the counter's keys keep
// down. Keys go as key events with the key's place and the character the
// keyboard's layout makes there: an English (US) keyboard, or Hindi InScript,
// where the data is typed in Devanagari and a one-key choice is the key with
// that Latin letter printed on it. Typing goes at human speed: a burst at
// scanner speed would be read as a card scan.
import type { Page } from '@playwright/test';
import { typedAt, type Stroke } from '../../support/key-strokes';
import { inscriptKey, inscriptStrokes } from './inscript';
import { KeyRhythm } from './key-rhythm';

export type Layout = 'english' | 'inscript';

/** A person's pace between two keys of the data. */
const TYPING_MS = 90;

export class KeyCounter {
  /** Keys that are not the data: Tab, Enter, Space, one-key choices, shortcuts. */
  readonly overheadKeys: string[] = [];
  dataCharacters = 0;
  private readonly rhythm: KeyRhythm;

  constructor(
    page: Page,
    private readonly layout: Layout = 'english',
  ) {
    this.rhythm = new KeyRhythm(page);
  }

  /** The data, as this keyboard types it. */
  async type(text: string): Promise<void> {
    this.dataCharacters += [...text].length;
    await this.rhythm.play(this.layout === 'inscript' ? inscriptStrokes(text, TYPING_MS) : typedAt(text, TYPING_MS));
  }

  /** A key that is the same on every layout: Enter, Tab, Shift+Tab, Space (' '). */
  async press(key: 'Enter' | 'Tab' | 'Shift+Tab' | ' '): Promise<void> {
    this.overheadKeys.push(key === ' ' ? 'Space' : key);
    const stroke: Stroke = key === 'Shift+Tab' ? { key: 'Tab', shift: true, at: 0 } : { key, at: 0 };
    await this.rhythm.play([stroke]);
  }

  /** The key with this letter or digit printed on it (a one-key choice, a department), with Alt for a shortcut. */
  async letter(printed: string, options: { alt?: boolean } = {}): Promise<void> {
    this.overheadKeys.push(options.alt ? `Alt+${printed}` : printed);
    const code = /\d/.test(printed) ? `Digit${printed}` : `Key${printed.toUpperCase()}`;
    const stroke = this.layout === 'inscript' ? inscriptKey(code) : { key: printed.toLowerCase(), code };
    await this.rhythm.play([{ ...stroke, alt: options.alt ?? false, at: 0 }]);
  }

  get overhead(): number {
    return this.overheadKeys.length;
  }
}
