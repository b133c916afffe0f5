// Page object for HIMS sync: the status strip, the settings and the review list.
import { expect, type Locator, type Page } from '@playwright/test';

export class SyncPage {
  readonly indicator: Locator;
  readonly state: Locator;
  readonly pending: Locator;
  readonly lastError: Locator;
  readonly settings: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByTestId('sync-indicator');
    this.state = page.getByTestId('sync-state');
    this.pending = page.getByTestId('sync-pending');
    this.lastError = page.getByTestId('sync-last-error');
    this.settings = page.getByTestId('sync-settings');
  }

  async connect(baseUrl: string) {
    await this.page.getByTestId('sync-settings-open').click();
    await expect(this.settings).toBeVisible();
    await this.page.getByTestId('sync-enabled').check();
    await this.page.getByTestId('sync-base-url').fill(baseUrl);
    await this.page.getByTestId('sync-save').click();
    await expect(this.page.getByTestId('sync-test-result')).toContainText('Connected');
  }

  /** Escape closes it and puts the cursor back in the search box. */
  async closeSettings() {
    await this.page.keyboard.press('Escape');
    await expect(this.settings).toBeHidden();
    await expect(this.page.getByTestId('search-input')).toBeFocused();
  }

  async syncNow() {
    await this.indicator.getByRole('button', { name: 'Sync now' }).click();
  }

  async expectState(state: 'disabled' | 'idle' | 'syncing' | 'offline' | 'error', timeout = 15_000) {
    await expect(this.indicator).toHaveAttribute('data-state', state, { timeout });
  }

  async openReview() {
    await this.page.getByTestId('sync-review-open').click();
    await expect(this.page.getByTestId('sync-review')).toBeVisible();
  }

  reviewEntries(): Locator {
    return this.page.getByTestId('review-entry');
  }
}
