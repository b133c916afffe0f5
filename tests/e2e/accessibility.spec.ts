// GIGW asks WCAG 2.1 AA of a government hospital's screens: axe-core checks
// every screen and every dialog of the counter, in English and in Hindi — the
// sign-in, the counter, the registration form (with its errors shown), the
// patient panel, each dialog, the room screen, the hall board and the kiosk —
// and finds no violation of WCAG 2.1 A or AA. (The first-run screen is checked
// in first-run.spec.ts, on a counter of its own that is not set up yet.)
import { expect, test, type Page } from '@playwright/test';
import { violationsOn } from './pages/axe';
import { BoardPage } from './pages/board-page';
import { CounterPage } from './pages/counter-page';
import { ACCOUNTS, apiValue, ensureAccount, startKioskAs } from './pages/desk-session';
import { COUNTER_DIALOGS, type Opening } from './pages/counter-dialogs';
import { RoomPage } from './pages/room-page';

const PANEL_DIALOGS: Opening[] = [{ name: 'Register baby', open: ['newborn-open'], shows: '[data-testid="newborn-dialog"]' }];

type Language = 'en' | 'hi';

async function showLanguage(page: Page, language: Language) {
  const toggle = page.getByTestId('lang-switch');
  if ((await toggle.getAttribute('data-lang')) !== language) await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

for (const language of ['en', 'hi'] as const) {
  test(`axe finds no WCAG 2.1 A/AA violation on any screen or dialog (${language})`, async ({ page }) => {
    test.setTimeout(240_000);
    // The sign-in screen too is read in this language: the counter starts in the one it last showed.
    await page.addInitScript(`window.localStorage.setItem('hims-counter.language', '${language}')`);
    const found: string[] = [];
    const counter = new CounterPage(page);
    const api = <T>(method: string, input: unknown) => apiValue<T>(page.request, method, input);
    await ensureAccount(page.request, ACCOUNTS.doctor);
    await api('departments.update', { code: 'ENT', rooms: ['201', '202'] });
    const phone = language === 'en' ? '9711600001' : '9711600002';
    const patient = await counter.registerByApi({ name: 'Lata Mishra', gender: 'female', ageYears: 27, phone });
    await api('tokens.issue', { patientId: patient.id, departmentCode: 'ENT' });

    await test.step('The sign-in screen', async () => {
      await page.goto('/');
      await expect(page.getByTestId('auth-username')).toBeVisible();
      found.push(...(await violationsOn(page, 'sign-in')));
    });

    await test.step('The counter, with its queue', async () => {
      await counter.open();
      await showLanguage(page, language);
      await counter.showQueue('ENT');
      await expect(counter.queueRows.first()).toBeVisible();
      found.push(...(await violationsOn(page, 'counter')));
    });

    for (const dialog of COUNTER_DIALOGS) {
      await test.step(dialog.name, async () => {
        for (const id of dialog.open) await page.getByTestId(id).click();
        await expect(page.locator(dialog.shows)).toBeVisible();
        found.push(...(await violationsOn(page, dialog.name)));
        await page.keyboard.press('Escape');
        await expect(page.locator(dialog.shows)).toHaveCount(0);
      });
    }

    await test.step('The registration form, empty and with its errors shown', async () => {
      await counter.typeSearch('Pooja Sharma');
      await expect(page.getByTestId('registration-form')).toBeVisible();
      found.push(...(await violationsOn(page, 'registration form')));
      await page.getByTestId('reg-pincode').fill('999999');
      await page.getByTestId('reg-phone').fill('12345');
      await page.getByTestId('reg-phone').press('Control+Enter');
      await expect(page.getByTestId('error-gender')).toBeVisible();
      found.push(...(await violationsOn(page, 'registration form with errors')));
      await page.getByTestId('reg-close').click();
    });

    await test.step('The patient panel and its dialogs', async () => {
      await counter.findAndOpen(phone, 'Lata Mishra');
      found.push(...(await violationsOn(page, 'patient panel')));
      for (const dialog of PANEL_DIALOGS) {
        for (const id of dialog.open) await page.getByTestId(id).click();
        await expect(page.locator(dialog.shows)).toBeVisible();
        found.push(...(await violationsOn(page, dialog.name)));
        await page.keyboard.press('Escape');
      }
    });

    await test.step('The room screen', async () => {
      await page.getByTestId('desk-sign-out').click();
      const room = new RoomPage(page);
      await room.open(ACCOUNTS.doctor);
      await room.choose('ENT', '201');
      found.push(...(await violationsOn(page, 'room screen')));
    });

    await test.step('The hall board', async () => {
      const board = new BoardPage(page);
      await board.start(ACCOUNTS.supervisor, ['ENT']);
      found.push(...(await violationsOn(page, 'board')));
      // Its Settings button, focused as a supervisor reaches it with the keyboard, and its dialog.
      await page.getByTestId('board-settings-open').focus();
      found.push(...(await violationsOn(page, 'board, Settings focused')));
      await page.getByTestId('board-settings-open').click();
      await expect(page.getByTestId('board-settings')).toBeVisible();
      found.push(...(await violationsOn(page, 'board settings')));
      await page.getByTestId('board-settings-close').click();
    });

    await test.step('The kiosk', async () => {
      await startKioskAs(page, ACCOUNTS.supervisor);
      found.push(...(await violationsOn(page, 'kiosk')));
    });

    expect(found, found.join('\n')).toEqual([]);
  });
}
