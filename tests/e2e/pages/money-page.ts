// Page object for money at the counter: the fee in the patient
// panel, the cash drawer, fees settings and the reports screen, in a clerk's
// and a supervisor's words.
import { expect, type Locator, type Page } from '@playwright/test';

export class MoneyPage {
  readonly feePanel: Locator;
  readonly cash: Locator;
  readonly reports: Locator;

  constructor(readonly page: Page) {
    this.feePanel = page.getByTestId('fee-panel');
    this.cash = page.getByTestId('cash');
    this.reports = page.getByTestId('reports');
  }

  async pickDepartment(code: string) {
    await this.page.getByTestId(`dept-${code}`).click();
    await expect(this.page.getByTestId(`dept-${code}`)).toHaveAttribute('aria-pressed', 'true');
  }

  async payBy(method: 'cash' | 'upi') {
    await this.page.getByTestId(`fee-method-${method}`).check();
  }

  async issue() {
    await this.page.getByTestId('issue-token').click();
    await expect(this.page.getByTestId('issued-token')).toBeVisible();
  }

  async openCash() {
    await this.page.getByTestId('cash-open').click();
    await expect(this.cash).toBeVisible();
  }

  async count(counts: Record<string, number>) {
    for (const [key, n] of Object.entries(counts)) await this.page.getByTestId(`cash-count-${key}`).fill(String(n));
  }

  async closeDialog(testId: 'cash' | 'reports' | 'fees') {
    await this.page.getByTestId(`${testId}-close`).click();
    await expect(this.page.getByTestId(testId)).toBeHidden();
  }

  async openReports() {
    await this.page.getByTestId('reports-open').click();
    await expect(this.reports).toBeVisible();
  }

  total(key: string): Locator {
    return this.page.getByTestId(`report-total-${key}`);
  }
}
