// Every dialog and menu of the counter screen, one after the other: it takes
// the cursor when it opens, Escape closes it, and the search box has the
// cursor again, so the next typing lands there and not on the page.
import { expect, test, type Page } from '@playwright/test';
import { apiValue } from './pages/desk-session';
import { CounterPage } from './pages/counter-page';

/** A way in (the testids clicked, in order) and what it opens. */
interface Opening {
  name: string;
  open: string[];
  shows: string;
}

const SCREEN: Opening[] = [
  { name: 'Settings menu', open: ['tools-menu'], shows: '[role="menu"]' },
  { name: 'Counters (peers)', open: ['tools-menu', 'peers-open'], shows: '[data-testid="peers"]' },
  { name: 'Departments', open: ['tools-menu', 'departments-open'], shows: '[data-testid="departments"]' },
  { name: 'Audit log', open: ['tools-menu', 'audit-open'], shows: '[data-testid="audit"]' },
  { name: 'This counter', open: ['tools-menu', 'this-counter-open'], shows: '[data-testid="this-counter"]' },
  { name: 'Accounts', open: ['tools-menu', 'accounts-open'], shows: '[data-testid="accounts"]' },
  { name: 'Maintenance', open: ['tools-menu', 'maintenance-open'], shows: '[data-testid="maintenance"]' },
  { name: 'Cash', open: ['cash-open'], shows: '[data-testid="cash"]' },
  { name: 'Fees', open: ['fees-open'], shows: '[data-testid="fees"]' },
  { name: 'Reports', open: ['reports-open'], shows: '[data-testid="reports"]' },
  { name: 'Printer', open: ['printer-settings-open'], shows: '[data-testid="printer-settings"]' },
  { name: 'HIMS settings', open: ['sync-settings-open'], shows: '[data-testid="sync-settings"]' },
  { name: 'Emergency', open: ['emergency-open'], shows: '[data-testid="emergency-dialog"]' },
  { name: 'Duplicates', open: ['duplicates-open'], shows: '[data-testid="duplicates-dialog"]' },
  { name: 'MLC register', open: ['mlc-register-open'], shows: '[data-testid="mlc-register"]' },
  { name: 'Camera', open: ['camera-open'], shows: '[data-testid="camera-scanner"]' },
  { name: 'New patient form', open: ['new-patient'], shows: '[data-testid="registration-form"]' },
];

/** Opened from a patient's panel. */
const PANEL: Opening[] = [
  { name: 'Photo', open: ['photo-open'], shows: '[data-testid="photo-capture"]' },
  { name: 'Register baby', open: ['newborn-open'], shows: '[data-testid="newborn-dialog"]' },
];

async function escapeFrom(page: Page, counter: CounterPage, o: Opening) {
  await test.step(`${o.name}: it takes the cursor, Escape closes it, the search box has the cursor`, async () => {
    for (const id of o.open) await page.getByTestId(id).click();
    const shown = page.locator(o.shows);
    await expect(shown).toBeVisible();
    await expect(page.locator(`${o.shows}:focus-within`)).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(shown).toHaveCount(0);
    await expect(counter.search).toBeFocused();
  });
}

test('every dialog and menu closes on Escape and gives the cursor back to the search box', async ({ page }) => {
  test.setTimeout(120_000);
  const counter = new CounterPage(page);
  await counter.registerByApi({ name: 'Lata Mishra', gender: 'female', ageYears: 27, phone: '9711500001' });
  await counter.open();

  for (const opening of SCREEN) await escapeFrom(page, counter, opening);

  for (const opening of PANEL) {
    await counter.typeSearch('9711500001');
    await counter.search.press('Enter');
    await expect(counter.patientPanel).toContainText('Lata Mishra');
    await escapeFrom(page, counter, opening);
  }

  await test.step('And the patient’s panel: Escape closes it too', async () => {
    await counter.typeSearch('9711500001');
    await counter.search.press('Enter');
    await expect(counter.patientPanel).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(counter.patientPanel).toHaveCount(0);
    await expect(counter.search).toBeFocused();
  });
});

test('whether photos go to the HIMS is set in HIMS settings, not in the duplicate list', async ({ page }) => {
  const counter = new CounterPage(page);
  await counter.open();
  await page.getByTestId('duplicates-open').click();
  await expect(page.getByTestId('duplicates-dialog')).toBeVisible();
  await expect(page.getByTestId('photos-send-to-hims')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.getByTestId('sync-settings-open').click();
  const setting = page.getByTestId('sync-settings').getByTestId('photos-send-to-hims');
  await expect(setting).not.toBeChecked();
  await setting.check();
  await page.getByTestId('sync-save').click();
  await expect(page.getByTestId('sync-test-result')).toBeVisible();
  expect(await apiValue<{ sendToHims: boolean }>(page.request, 'photos.getSettings', {})).toEqual({ sendToHims: true });
  await setting.uncheck();
  await page.getByTestId('sync-save').click();
  await expect
    .poll(() => apiValue<{ sendToHims: boolean }>(page.request, 'photos.getSettings', {}))
    .toEqual({ sendToHims: false });
});
