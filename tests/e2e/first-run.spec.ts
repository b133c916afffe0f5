// A counter started with no options at all, as an IT officer meets it: the
// first screen asks which hospital and which counter this is (in Hindi and in
// English), refuses a letter that is not one, and the counter then issues
// UHIDs and tokens with what was entered. The administrator renames the
// hospital later from This counter; the letter is fixed by then.
import { expect, test } from '@playwright/test';
import { AuthPage } from './pages/auth-page';
import { violationsOn } from './pages/axe';
import { CounterPage, SUNITA } from './pages/counter-page';
import { openTool, type Account } from './pages/desk-session';
import { startOwnServer, type OwnServer } from './pages/own-server';

const PORT = Number(process.env.E2E_PORT ?? 5188) + 2;

const ADMIN: Account = { username: 'it.officer', displayName: 'Vikram Singh', role: 'admin', password: 'monsoon over delhi' };

let server: OwnServer | null = null;

test.beforeAll(async () => {
  server = await startOwnServer(PORT, []);
});

test.afterAll(async () => {
  await server?.stop();
  server = null;
});

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test('first run: who the counter is, in both languages, then its UHIDs and tokens carry it', async ({ page }, testInfo) => {
  const auth = new AuthPage(page);
  const counter = new CounterPage(page);

  await test.step('Given a new counter, the first screen asks for the hospital first', async () => {
    await auth.open();
    await expect(auth.setupForm).toContainText('Set up this counter');
    await expect(auth.identityField('hospitalName')).toBeFocused();
    await expect(auth.identityField('timeZone')).toHaveValue('Asia/Kolkata');
    await expect(auth.identityField('counterLetter')).not.toHaveAttribute('readonly');
    expect(await violationsOn(page, 'first run (en)')).toEqual([]);
  });

  await test.step('When I read it in Hindi, every label is in Hindi', async () => {
    await page.getByTestId('auth-lang-switch').click();
    await expect(auth.setupForm.getByRole('heading', { level: 1 })).toHaveText('यह काउंटर सेट करें');
    await expect(auth.setupForm).toContainText('इस काउंटर का अक्षर');
    await expect(auth.setupForm).toContainText('अस्पताल कोड (UHID उपसर्ग)');
    expect(await violationsOn(page, 'first run (hi)')).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('first-run-hi.png'), fullPage: true });
  });

  await test.step('When I give a digit for the letter, it is refused at the letter, in Hindi, and nothing is set up', async () => {
    await auth.identityField('hospitalName').fill('लोक नायक अस्पताल');
    await auth.identityField('hospitalCode').fill('lnh');
    await expect(auth.identityField('hospitalCode')).toHaveValue('LNH');
    await auth.identityField('counterLetter').fill('7');
    await auth.createAdministrator(ADMIN);
    await expect(page.getByTestId('identity-counterLetter-error')).toContainText('A–Z का एक अक्षर लिखें।');
    await expect(auth.identityField('counterLetter')).toBeFocused();
    await expect(auth.setupForm).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('first-run-hi-error.png'), fullPage: true });
  });

  await test.step('When I switch to English, the same refusal reads in English', async () => {
    await page.getByTestId('auth-lang-switch').click();
    await expect(page.getByTestId('identity-counterLetter-error')).toContainText('Use one letter A–Z.');
    await page.screenshot({ path: testInfo.outputPath('first-run-en-error.png'), fullPage: true });
  });

  await test.step('When I give the letter D, I am signed in and the header says Counter D', async () => {
    // The passwords typed stay: only the letter was wrong.
    await expect(auth.setupForm.getByTestId('auth-repeat')).toHaveValue(ADMIN.password);
    await auth.identityField('counterLetter').fill('d');
    await auth.identityField('counterLetter').press('Enter');
    await auth.expectSignedInAs(ADMIN, 'Administrator');
    await expect(page.getByTestId('hospital-name')).toHaveText('लोक नायक अस्पताल');
    await expect(page.getByTestId('counter-letter')).toContainText('D');
    await expect(page.getByTestId('counter-not-set-up')).toHaveCount(0);
  });

  await test.step('Then a patient registered here gets an LNH-D UHID and a D token', async () => {
    await counter.register(SUNITA);
    await expect(page.getByTestId('patient-uhid')).toHaveText(/^LNH-D\d{2}-000001-\d$/);
    await page.getByTestId('dept-MED').click();
    await page.getByTestId('issue-token').click();
    await expect(counter.issuedToken.getByTestId('issued-token-label')).toHaveText('D-001');
  });

  await test.step('When I open This counter, the letter and code are fixed, and I rename the hospital', async () => {
    await openTool(page, 'this-counter-open');
    const dialog = page.getByTestId('this-counter');
    await expect(dialog.getByTestId('identity-hospitalName')).toBeFocused();
    for (const field of ['counterLetter', 'hospitalCode'] as const) {
      await expect(dialog.getByTestId(`identity-${field}`)).toHaveAttribute('readonly', '');
      await expect(dialog.getByTestId(`identity-${field}-hint`)).toContainText('Fixed: UHIDs or tokens were issued with it.');
    }
    await expect(dialog.getByTestId('letter-check')).toContainText('the HIMS is not set up');
    await dialog.getByTestId('identity-hospitalName').fill('Lok Nayak Hospital');
    await dialog.getByTestId('identity-hospitalNameHi').fill('लोक नायक अस्पताल');
    await dialog.getByTestId('identity-hospitalName').press('Enter');
    await expect(dialog.getByTestId('this-counter-saved')).toBeVisible();
    await expect(page.getByTestId('hospital-name')).toHaveText('Lok Nayak Hospital');
    await page.screenshot({ path: testInfo.outputPath('this-counter-en.png'), fullPage: true });
  });

  await test.step('When I press Escape, the dialog closes and the cursor is back in the search box', async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('this-counter')).toHaveCount(0);
    await expect(counter.search).toBeFocused();
  });

  await test.step('When I switch to Hindi, the header names the hospital in Hindi', async () => {
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('hospital-name')).toHaveText('लोक नायक अस्पताल');
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('hospital-name')).toHaveText('Lok Nayak Hospital');
  });

  await test.step('And the hall board names it in the language it is shown in', async () => {
    await page.getByTestId('desk-sign-out').click();
    await page.goto('/?mode=board');
    const form = page.getByTestId('auth-board');
    await form.getByTestId('auth-username').fill(ADMIN.username);
    await form.getByTestId('auth-password').fill(ADMIN.password);
    await form.getByTestId('board-start-dept-MED').check();
    await form.getByTestId('auth-submit').click();
    await expect(page.getByTestId('board-hospital')).toHaveText('Lok Nayak Hospital');
    await page.getByTestId('board-settings-open').click();
    await page.getByTestId('board-lang-switch').click();
    await expect(page.getByTestId('board-hospital')).toHaveText('लोक नायक अस्पताल');
  });
});
