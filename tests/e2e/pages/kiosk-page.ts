// Page object for the entrance kiosk: what a patient sees and touches, and
// the supervisor who starts it.
import { expect, type Locator, type Page } from '@playwright/test';
import { CardScanPage } from './card-scan-page';
import { ACCOUNTS, ensureAccount, type Account } from './desk-session';

export class KioskPage {
  readonly scanPrompt: Locator;
  readonly departments: Locator;
  readonly tokenLabel: Locator;
  readonly counterSlip: Locator;
  /** "Take the printed slip to the counter": shown once the notice slip is queued. */
  readonly noticePrinting: Locator;
  /** "A supervisor starts the kiosk": shown while the kiosk has no session. */
  readonly startForm: Locator;
  private readonly scanner: CardScanPage;

  constructor(readonly page: Page) {
    this.scanPrompt = page.getByTestId('kiosk-scan');
    this.departments = page.getByTestId('kiosk-departments');
    this.tokenLabel = page.getByTestId('kiosk-token-label');
    this.counterSlip = page.getByTestId('kiosk-counter');
    this.noticePrinting = page.getByTestId('kiosk-notice-printing');
    this.startForm = page.getByTestId('auth-kiosk');
    this.scanner = new CardScanPage(page);
  }

  /** The kiosk screen, started through its form by a supervisor (ACCOUNTS.supervisor). */
  async open() {
    await this.scanner.open('/?mode=kiosk');
  }

  /** Types the credentials into the kiosk's start form and presses Enter. */
  async tryStart(account: Account) {
    await ensureAccount(this.page.request, account);
    await this.startForm.getByTestId('auth-username').fill(account.username);
    await this.startForm.getByTestId('auth-password').fill(account.password);
    await this.startForm.getByTestId('auth-password').press('Enter');
  }

  async gotoStartForm() {
    await ensureAccount(this.page.request, ACCOUNTS.supervisor);
    await this.page.goto('/?mode=kiosk');
    await expect(this.startForm).toBeVisible();
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
