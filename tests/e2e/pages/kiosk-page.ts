// Page object for the entrance kiosk: what a patient sees and touches.
import type { Locator, Page } from '@playwright/test';
import { CardScanPage } from './card-scan-page';

export class KioskPage {
  readonly scanPrompt: Locator;
  readonly departments: Locator;
  readonly tokenLabel: Locator;
  readonly counterSlip: Locator;
  /** "Take the printed slip to the counter": shown once the notice slip is queued. */
  readonly noticePrinting: Locator;
  private readonly scanner: CardScanPage;

  constructor(readonly page: Page) {
    this.scanPrompt = page.getByTestId('kiosk-scan');
    this.departments = page.getByTestId('kiosk-departments');
    this.tokenLabel = page.getByTestId('kiosk-token-label');
    this.counterSlip = page.getByTestId('kiosk-counter');
    this.noticePrinting = page.getByTestId('kiosk-notice-printing');
    this.scanner = new CardScanPage(page);
  }

  async open() {
    await this.scanner.open('/?mode=kiosk');
  }

  /** The kiosk's scanner is a keyboard-wedge scanner under the screen. */
  scan(text: string) {
    return this.scanner.scanWithWedge(text);
  }

  pick(code: string) {
    return this.page.getByTestId(`kiosk-dept-${code}`).click();
  }

  async done() {
    await this.page.getByRole('button', { name: 'Done' }).click();
    await this.scanPrompt.waitFor();
  }
}
