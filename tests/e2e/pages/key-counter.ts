// Counts what a clerk presses on the keyboard: the characters of the data
// itself, and every other key (Tab, Enter, a one-key choice) — the overhead
// issue 13 asks to bring down. Typing goes at human speed: a burst at scanner
// speed would be read as a card scan.
import type { Page } from '@playwright/test';

export class KeyCounter {
  /** Keys that are not the data: Tab, Enter, one-key choices, arrows. */
  readonly overheadKeys: string[] = [];
  dataCharacters = 0;

  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    this.overheadKeys.push(key);
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.dataCharacters += text.length;
    await this.page.keyboard.type(text, { delay: 90 });
  }

  /** A choice in a <select> made the way the form offers it (one key or click), counted as one. */
  async choose(testId: string, value: string): Promise<void> {
    this.overheadKeys.push(`choose:${value}`);
    await this.page.getByTestId(testId).selectOption(value);
  }

  get overhead(): number {
    return this.overheadKeys.length;
  }
}
