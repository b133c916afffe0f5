// Page object for the counter screen: the steps a clerk takes, in their words.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { ACCOUNTS, apiValue, openCounterAs, type Account } from './desk-session';

export interface NewPatient {
  name: string;
  gender: 'male' | 'female' | 'other';
  ageYears: number;
  phone: string;
  guardianRelation: 'S/o' | 'D/o' | 'W/o' | 'C/o';
  guardianName: string;
  pincode: string;
}

/** The patient most counter specs register. */
export const SUNITA: NewPatient = {
  name: 'Sunita Devi',
  gender: 'female',
  ageYears: 34,
  phone: '9812345678',
  guardianRelation: 'W/o',
  guardianName: 'Rakesh Kumar',
  pincode: '110006',
};

export class CounterPage {
  readonly search: Locator;
  readonly results: Locator;
  readonly patientPanel: Locator;
  readonly issuedToken: Locator;
  readonly queueRows: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('search-input');
    this.results = page.getByTestId('search-result');
    this.patientPanel = page.getByTestId('patient-panel');
    this.issuedToken = page.getByTestId('issued-token');
    this.queueRows = page.getByTestId('queue-row');
  }

  /** Signed in through the UI; the administrator by default, as the settings screens need one. */
  async open(account: Account = ACCOUNTS.admin) {
    await openCounterAs(this.page, account);
    await expect(this.search).toBeFocused();
    // Pushes (sync status, serial scans) reach the page from here on.
    await expect(this.page.locator('html')).toHaveAttribute('data-core-events', 'open');
  }

  /** Set-up as the hospital's script does it: with the API key. */
  api<T>(method: string, input: unknown): Promise<T> {
    return apiValue<T>(this.page.request, method, input);
  }

  /** A patient already on file, registered as the hospital's script does it (no duplicate check). */
  registerByApi(p: Pick<NewPatient, 'name' | 'gender' | 'ageYears' | 'phone'>): Promise<{ id: string }> {
    return this.api<{ id: string }>('patients.register', { ...p, confirmNotDuplicate: true });
  }

  async typeSearch(text: string) {
    await this.search.fill('');
    // Human speed: a burst at scanner speed (under ~30 ms a key) is read as a card scan.
    await this.search.pressSequentially(text, { delay: 90 });
  }

  /** Types a query that finds nobody, and fills the prefilled form. */
  async register(p: NewPatient) {
    await this.typeSearch(p.phone);
    await expect(this.page.getByTestId('reg-phone')).toHaveValue(p.phone);
    await this.page.getByTestId('reg-name').fill(p.name);
    await this.page.getByTestId('reg-gender').selectOption(p.gender);
    await this.page.getByTestId('reg-age').fill(String(p.ageYears));
    await this.page.getByTestId('reg-guardian-relation').selectOption(p.guardianRelation);
    await this.page.getByTestId('reg-guardian-name').fill(p.guardianName);
    await this.page.getByTestId('reg-pincode').fill(p.pincode);
    await this.page.getByTestId('reg-submit').click();
    await expect(this.patientPanel).toContainText(p.name);
  }

  async findAndOpen(query: string, expectedName: string) {
    await this.page.keyboard.press('Escape');
    await this.typeSearch(query);
    await expect(this.results.first()).toContainText(expectedName);
    await this.search.press('Enter');
    await expect(this.patientPanel).toContainText(expectedName);
  }

  /** Picks the department by its shortcut key and issues with Enter. */
  async issueToken(shortcutKey: string, departmentCode: string): Promise<string> {
    await this.page.getByTestId('dept-' + departmentCode).waitFor();
    await this.patientPanel.click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press(shortcutKey);
    await expect(this.page.getByTestId('dept-' + departmentCode)).toHaveAttribute('aria-pressed', 'true');
    await this.page.keyboard.press('Enter');
    await expect(this.issuedToken).toBeVisible();
    const label = (await this.issuedToken.getByTestId('issued-token-label').textContent())?.trim() ?? '';
    expect(label).toMatch(/^B-\d{3}$/);
    return label;
  }

  async showQueue(departmentCode: string) {
    await this.page.getByTestId('queue-tab-' + departmentCode).click();
  }

  /** A move from the token's row menu (its testid: return-token, cancel-token, transfer-token, eie-token). */
  async chooseMove(label: string, move: string) {
    const row = this.queueRows.filter({ hasText: label });
    await row.getByTestId('row-actions').click();
    await row.getByTestId(move).click();
  }

  async cancel(label: string, reason: string) {
    const row = this.queueRows.filter({ hasText: label });
    await this.chooseMove(label, 'cancel-token');
    await this.page.getByTestId('cancel-reason').fill(reason);
    await this.page.getByTestId('cancel-confirm').click();
    await expect(row).toHaveAttribute('data-status', 'cancelled');
  }

  async switchLanguage() {
    await this.page.getByTestId('lang-switch').click();
  }

  async screenshot(testInfo: TestInfo, name: string) {
    const path = testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  }
}
