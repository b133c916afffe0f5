// Page object for the screens of patients at the door: emergency registration, MLC, newborns,
// duplicates, photos, ID proof and the PIN directory, as a clerk or a
// supervisor uses them.
import { expect, type Locator, type Page } from '@playwright/test';
import { CounterPage } from './counter-page';

export class DoorPage extends CounterPage {
  readonly emergency: Locator;
  readonly duplicates: Locator;

  constructor(page: Page) {
    super(page);
    this.emergency = page.getByTestId('emergency-dialog');
    this.duplicates = page.getByTestId('duplicates-dialog');
  }

  /** Alt+E, one key for the sex, an age at a glance, who brought them; with an MLC if given. */
  async registerEmergency(p: {
    sexKey: 'm' | 'f' | 'o';
    age: number;
    broughtBy: string;
    mlc?: { number: string; station: string; officer: string };
  }) {
    await this.page.keyboard.press('Alt+e');
    await expect(this.emergency).toBeVisible();
    await expect(this.page.getByTestId('emergency-gender')).toBeFocused();
    await this.page.keyboard.press(p.sexKey);
    await expect(this.page.getByTestId('emergency-age')).toBeFocused();
    // Human speed: two keys within a few milliseconds are a scanner's burst to the wedge listener.
    await this.page.keyboard.type(String(p.age), { delay: 90 });
    await this.page.getByTestId('emergency-brought-by').fill(p.broughtBy);
    if (p.mlc) {
      await this.page.getByTestId('emergency-mlc').check();
      await this.page.getByTestId('mlc-number').fill(p.mlc.number);
      await this.page.getByTestId('mlc-police-station').fill(p.mlc.station);
      await this.page.getByTestId('mlc-brought-by').fill(p.mlc.officer);
    }
  }

  async submitEmergency(): Promise<string> {
    await this.page.getByTestId('emergency-submit').click();
    await expect(this.emergency).toBeHidden();
    await expect(this.issuedToken).toBeVisible();
    return ((await this.issuedToken.getByTestId('issued-token-label').textContent()) ?? '').trim();
  }

  async openByUhid(uhid: string, name: string | RegExp) {
    await this.page.keyboard.press('Escape');
    await this.typeSearch(uhid);
    await expect(this.results.first()).toContainText(name);
    await this.search.press('Enter');
    await expect(this.patientPanel).toContainText(name);
  }
}
