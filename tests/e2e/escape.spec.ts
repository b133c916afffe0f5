// Every dialog and menu of the counter screen, one after the other: it takes
// the cursor when it opens, Escape closes it, and the search box has the
// cursor again, so the next typing lands there and not on the page.
import { expect, test, type Page } from '@playwright/test';
import { apiValue } from './pages/desk-session';
import { CounterPage } from './pages/counter-page';
import { COUNTER_DIALOGS, type Opening } from './pages/counter-dialogs';

const SCREEN: Opening[] = [
  ...COUNTER_DIALOGS,
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
