// Keys at a set rhythm for a spec: the rhythm is the input under test (a key
// 60 ms after a one-key choice), not a wait for a result. See
// tests/support/key-strokes.ts.
import type { CDPSession, Page } from '@playwright/test';
import { playStrokes, typedAt, type Stroke } from '../../support/key-strokes';

export class KeyRhythm {
  private cdp: CDPSession | null = null;

  constructor(private readonly page: Page) {}

  async play(strokes: Stroke[]): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    await playStrokes(this.cdp, strokes);
  }

  /** Text at a person's pace (ms between keys), from `at`. */
  static typed(text: string, gapMs: number, at = 0): Stroke[] {
    return typedAt(text, gapMs, at);
  }
}
