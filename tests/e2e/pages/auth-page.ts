// Page object for accounts and the desk session: the first-run screen, signing
// in and out, the header's name and buttons, the Accounts dialog and the lock.
import { expect, type Locator, type Page } from '@playwright/test';
import { openTool, type Account } from './desk-session';

export class AuthPage {
  readonly setupForm: Locator;
  readonly signInForm: Locator;
  readonly deskUser: Locator;
  readonly accountsButton: Locator;
  readonly accounts: Locator;
  readonly lockOverlay: Locator;
  readonly lockPassword: Locator;
  readonly counterScreen: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.setupForm = page.getByTestId('auth-setup');
    this.signInForm = page.getByTestId('auth-signIn');
    this.deskUser = page.getByTestId('desk-user');
    this.accountsButton = page.getByTestId('accounts-open');
    this.accounts = page.getByTestId('accounts');
    this.lockOverlay = page.getByTestId('lock-overlay');
    this.lockPassword = page.getByTestId('lock-password');
    this.counterScreen = page.locator('.desk-screen');
    this.search = page.getByTestId('search-input');
  }

  async open() {
    await this.page.goto('/');
  }

  /** A field of the first run's "This counter" section. */
  identityField(field: 'hospitalName' | 'hospitalCode' | 'counterLetter' | 'timeZone'): Locator {
    return this.setupForm.getByTestId(`identity-${field}`);
  }

  async createAdministrator(account: Account, repeat = account.password) {
    const form = this.setupForm;
    await form.getByTestId('auth-username').fill(account.username);
    await form.getByTestId('auth-display-name').fill(account.displayName);
    await form.getByTestId('auth-password').fill(account.password);
    await form.getByTestId('auth-repeat').fill(repeat);
    await form.getByTestId('auth-repeat').press('Enter');
  }

  async signIn(username: string, password: string) {
    const form = this.signInForm;
    await form.getByTestId('auth-username').fill(username);
    await form.getByTestId('auth-password').fill(password);
    await form.getByTestId('auth-password').press('Enter');
  }

  async expectSignedInAs(account: Account, roleLabel: string) {
    await expect(this.deskUser).toContainText(account.displayName);
    await expect(this.deskUser).toContainText(roleLabel);
    await expect(this.search).toBeFocused();
  }

  async openAccounts() {
    await openTool(this.page, 'accounts-open');
    await expect(this.accounts).toBeVisible();
    await expect(this.accounts.getByTestId('account-new-username')).toBeFocused();
  }

  accountRow(username: string): Locator {
    return this.accounts.locator(`[data-testid="account-row"][data-username="${username}"]`);
  }

  async createAccount(account: Account) {
    const form = this.accounts.getByTestId('account-create');
    await form.getByTestId('account-new-username').fill(account.username);
    await form.getByTestId('account-new-display-name').fill(account.displayName);
    await form.getByTestId('account-new-role').selectOption(account.role);
    await form.getByTestId('account-new-password').fill(account.password);
    await form.getByTestId('account-new-password').press('Enter');
    await expect(this.accountRow(account.username)).toBeVisible();
  }

  async closeAccounts() {
    await this.page.keyboard.press('Escape');
    await expect(this.accounts).toBeHidden();
    await expect(this.search).toBeFocused();
  }

  async signOut() {
    await this.page.getByTestId('desk-sign-out').click();
    await expect(this.signInForm).toBeVisible();
  }

  /** The desk-session token this tab holds (as the page keeps it). */
  sessionToken(): Promise<string | null> {
    // A string, not a function: the Node tsconfig has no DOM types.
    return this.page.evaluate<string | null>(`window.sessionStorage.getItem('hims-counter.desk-session')`);
  }

  /** A call as the page makes it: the page cookie and the clerk's session header, no API key. */
  async callAsThisClerk(method: string, input: unknown): Promise<{ status: number; code: string | undefined }> {
    const token = await this.sessionToken();
    const response = await this.page.request.post(`/api/${method}`, {
      data: input,
      headers: { 'X-Counter-Session': token ?? '' },
    });
    const body = (await response.json()) as { ok: boolean; error?: { code: string } };
    return { status: response.status(), code: body.error?.code };
  }

  async unlock(password: string) {
    await expect(this.lockPassword).toBeFocused();
    await this.lockPassword.fill(password);
    await this.lockPassword.press('Enter');
  }
}
