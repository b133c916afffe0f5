// Page object for printing: the printer settings (with the live slip
// preview) and the notice that tells the clerk a slip did not print.
import { expect, type Locator, type Page } from '@playwright/test';

export class PrintingPage {
  readonly settings: Locator;
  readonly preview: Locator;
  readonly failedNotice: Locator;

  constructor(readonly page: Page) {
    this.settings = page.getByTestId('printer-settings');
    this.preview = page.getByTestId('slip-preview');
    this.failedNotice = page.getByTestId('print-failed');
  }

  async openSettings() {
    await this.page.getByTestId('printer-settings-open').click();
    await expect(this.settings).toBeVisible();
    await expect(this.preview).toBeVisible();
  }

  async choosePaperWidth(mm: 58 | 80) {
    await this.page.getByTestId('printer-width').selectOption(String(mm));
    await expect(this.preview).toHaveAttribute('data-paper-width', String(mm));
  }

  async setPrinter(address: string, footer: string) {
    await this.page.getByTestId('printer-interface').fill(address);
    await this.page.getByTestId('printer-footer').fill(footer);
    await this.page.getByTestId('printer-save').click();
    await expect(this.page.getByTestId('printer-message')).toBeVisible();
  }

  async testPrint() {
    await this.page.getByTestId('printer-test').click();
    await expect(this.page.getByTestId('printer-message')).toBeVisible();
  }

  /** Escape closes it (wherever the cursor is) and puts the cursor back in the search box. */
  async closeSettings() {
    await this.page.keyboard.press('Escape');
    await expect(this.settings).toBeHidden();
    await expect(this.page.getByTestId('search-input')).toBeFocused();
  }
}
