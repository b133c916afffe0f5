// Page object for the room screen (?mode=room): a doctor signs in, picks the
// department and room once, then works with single keys.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Attributed } from './board-page';
import { openCounterAs, type Account } from './desk-session';

export class RoomPage {
  readonly screen: Locator;
  readonly current: Locator;
  readonly currentLabel: Locator;
  readonly waitingRows: Locator;
  readonly setAsideRows: Locator;
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('room-screen');
    this.current = page.getByTestId('room-current');
    this.currentLabel = page.getByTestId('room-current-label');
    this.waitingRows = page.getByTestId('room-waiting-row');
    this.setAsideRows = page.getByTestId('room-set-aside-row');
    this.outcome = page.getByTestId('room-outcome');
  }

  /** Signs in at the room screen (the doctor's own clerk-level account). */
  async open(account: Account) {
    await openCounterAs(this.page, account, '/?mode=room');
  }

  /** The once-per-desk choice of department and room. */
  async choose(departmentCode: string, room: string) {
    const setup = this.page.getByTestId('room-setup');
    await expect(setup.or(this.screen)).toBeVisible();
    if (await this.screen.isVisible()) await this.page.getByTestId('room-change').click();
    await setup.getByTestId('room-setup-department').selectOption(departmentCode);
    await setup.getByTestId('room-setup-room').selectOption(room);
    await setup.getByTestId('room-setup-start').click();
    await expect(this.screen).toHaveAttribute('data-room', room);
    // Pushes reach the room screen from here on.
    await expect(this.page.locator('html')).toHaveAttribute('data-core-events', 'open');
  }

  /** One of the room's keys (N, R, I, D, X, S), pressed with nothing focused. */
  async press(key: string) {
    await this.page.locator('body').press(key);
  }

  async waitingLabels(): Promise<string[]> {
    return this.waitingRows.evaluateAll((rows: Attributed[]) => rows.map((r) => r.getAttribute('data-label') ?? ''));
  }
}
