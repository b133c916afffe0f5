// Page object for the hall board (?mode=board): started once by a supervisor,
// then read from across the hall. The announcements it made are in a hidden
// record on the page (data-testid="announce-log"), with the engine used and
// the loudest sample the Web Audio analyser heard.
import { expect, type Locator, type Page } from '@playwright/test';
import { ensureAccount, type Account } from './desk-session';

export interface Announced {
  key: string;
  label: string;
  state: string;
  /** How fully it was said: full, once, first (first language), bare (no chime). */
  form: string;
  engines: string;
  peak: number;
  started: number;
  ended: number;
}

/** What is read of a page element here (the Node tsconfig has no DOM types). */
export interface Attributed {
  getAttribute(name: string): string | null;
}

export class BoardPage {
  readonly board: Locator;
  readonly connection: Locator;
  readonly offline: Locator;

  constructor(readonly page: Page) {
    this.board = page.getByTestId('board');
    this.connection = page.getByTestId('board-connection');
    this.offline = page.getByTestId('board-offline');
  }

  /** Opens the board; if it has no session yet, the supervisor starts it for these departments. */
  async start(account: Account, departmentCodes: string[], options: { names?: boolean; base?: string } = {}) {
    await ensureAccount(this.page.request, account, options.base ?? '');
    await this.page.goto(`${options.base ?? ''}/?mode=board`);
    const form = this.page.getByTestId('auth-board');
    await expect(form.or(this.connection)).toBeVisible();
    if (await form.isVisible()) {
      await form.getByTestId('auth-username').fill(account.username);
      await form.getByTestId('auth-password').fill(account.password);
      for (const code of departmentCodes) await form.getByTestId(`board-start-dept-${code}`).check();
      if (options.names) await form.getByTestId('board-start-names').check();
      await form.getByTestId('auth-submit').click();
    }
    await expect(this.board).toHaveAttribute('data-connection', 'connected');
  }

  department(code: string): Locator {
    return this.page.locator(`[data-testid="board-department"][data-code="${code}"]`);
  }

  nowCalling(code: string): Locator {
    return this.department(code).getByTestId('board-now');
  }

  /** Every finished or running announcement, newest first. */
  announced(): Promise<Announced[]> {
    return this.page
      .getByTestId('announce-log')
      .locator('li')
      .evaluateAll((items: Attributed[]) =>
        items.map((li) => ({
          key: li.getAttribute('data-key') ?? '',
          label: li.getAttribute('data-label') ?? '',
          state: li.getAttribute('data-state') ?? '',
          form: li.getAttribute('data-form') ?? '',
          engines: li.getAttribute('data-engines') ?? '',
          peak: Number(li.getAttribute('data-peak')),
          started: Number(li.getAttribute('data-started')),
          ended: Number(li.getAttribute('data-ended')),
        })),
      );
  }

  /**
   * Waits until the announcement of `label`'s `call`-th call has been said, and returns it. A call
   * takes about seven seconds to say (chime, Hindi, English), and calls queue behind each other.
   */
  async announcedCall(label: string, call = 1, timeout = 30_000): Promise<Announced> {
    let found: Announced | undefined;
    await expect
      .poll(
        async () => {
          found = (await this.announced()).find((a) => a.label === label && a.key.endsWith(`:${call}`));
          return found?.state;
        },
        { timeout },
      )
      .toBe('done');
    return found!;
  }

  /** Speech settings through the board's own dialog. */
  async setSpeech(settings: { languages?: string; repeat?: number; chime?: boolean; voice?: 'auto' | 'clips' }) {
    await this.page.getByTestId('board-settings-open').click();
    const dialog = this.page.getByTestId('board-settings');
    if (settings.languages !== undefined) await dialog.getByTestId('board-settings-languages').selectOption(settings.languages);
    if (settings.repeat !== undefined) await dialog.getByTestId('board-settings-repeat').selectOption(String(settings.repeat));
    if (settings.chime !== undefined) await dialog.getByTestId('board-settings-chime').setChecked(settings.chime);
    if (settings.voice !== undefined) await dialog.getByTestId('board-settings-voice').selectOption(settings.voice);
    await dialog.getByTestId('board-settings-close').click();
  }

  async switchLanguage() {
    await this.page.getByTestId('board-settings-open').click();
    await this.page.getByTestId('board-lang-switch').click();
    await this.page.getByTestId('board-settings-close').click();
  }
}
