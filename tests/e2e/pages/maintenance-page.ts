// Page object for the administrator's Maintenance dialog and the
// supervisor's audit log, and the clock and backup lines under the header.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { openTool } from './desk-session';

export class MaintenancePage {
  readonly dialog: Locator;
  readonly audit: Locator;
  readonly clockWarning: Locator;
  readonly backupWarning: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('maintenance');
    this.audit = page.getByTestId('audit');
    this.clockWarning = page.getByTestId('clock-warning');
    this.backupWarning = page.getByTestId('backup-warning');
  }

  async open() {
    await openTool(this.page, 'maintenance-open');
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByTestId('backup-state')).toBeVisible();
  }

  async close() {
    const open = (await this.dialog.isVisible()) ? this.dialog : this.audit;
    await open
      .getByRole('button', { name: /^(Close|बंद करें)$/ })
      .first()
      .click();
    await expect(this.dialog.or(this.audit)).toBeHidden();
  }

  async chooseBackupFolder(folder: string) {
    await this.dialog.getByTestId('backup-folder').fill(folder);
    await this.dialog.getByTestId('backup-save').click();
    await expect(this.dialog.getByTestId('backup-saved')).toBeVisible();
  }

  /** Makes the recovery code, reads it off the screen, and closes the sheet as printed. */
  async makeRecoveryCode(testInfo?: TestInfo, shot?: string): Promise<string> {
    await this.dialog.getByTestId('recovery-make').click();
    const code = (await this.dialog.getByTestId('recovery-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    if (testInfo && shot) await this.screenshot(testInfo, shot);
    await this.dialog.getByTestId('recovery-done').click();
    await expect(this.dialog.getByTestId('recovery-state')).toBeVisible();
    return code;
  }

  async backUpNow(): Promise<string> {
    await this.dialog.getByTestId('backup-run').click();
    const ran = this.dialog.getByTestId('backup-ran');
    await expect(ran).toBeVisible({ timeout: 20_000 });
    const file = /hims-backup_\S+\.himsbak/.exec((await ran.textContent()) ?? '')?.[0] ?? '';
    expect(file).not.toBe('');
    return file;
  }

  async restore(file: string) {
    const row = this.dialog.locator(`[data-testid="backup-row"][data-name="${file}"]`);
    await row.getByTestId('backup-restore-open').click();
    const form = row.getByTestId('restore-form');
    await expect(form.getByTestId('restore-submit')).toBeDisabled();
    await form.getByTestId('restore-confirm').fill('RESTORE');
    await form.getByTestId('restore-submit').click();
    await expect(row.getByTestId('restore-done')).toBeVisible({ timeout: 20_000 });
  }

  async openAudit() {
    await openTool(this.page, 'audit-open');
    await expect(this.audit).toBeVisible();
    await expect(this.audit.getByTestId('audit-row').first()).toBeVisible();
  }

  async filterAuditByClerk(username: string) {
    await this.audit.getByTestId('audit-actor').fill(username);
    await this.audit.getByTestId('audit-show').click();
  }

  async checkChain(): Promise<Locator> {
    await this.audit.getByTestId('audit-verify').click();
    const verdict = this.audit.getByTestId('audit-verdict');
    await expect(verdict).toBeVisible();
    return verdict;
  }

  async screenshot(testInfo: TestInfo, name: string) {
    const path = testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  }
}
