// Clerk accounts and the idle lock, as the people at a new counter meet them,
// on a browser shell of this spec's own (a fresh data folder, so the first
// screen is the first run; the idle lock at one minute): the administrator is
// created, adds a clerk, a wrong password opens nothing, the clerk sees no
// Accounts and the core refuses them the list, and a half-typed registration
// survives the counter locking (the renderer's clock fast-forwarded).
import { expect, test } from '@playwright/test';
import { AuthPage } from './pages/auth-page';
import { E2E_API_KEY, type Account } from './pages/desk-session';
import { startOwnServer, type OwnServer } from './pages/own-server';

const PORT = Number(process.env.E2E_PORT ?? 5188) + 1;
const BASE = `http://127.0.0.1:${PORT}`;

const ADMIN: Account = { username: 'meera.admin', displayName: 'Meera Sharma', role: 'admin', password: 'quiet river morning' };
const CLERK: Account = { username: 'ravi.clerk', displayName: 'Ravi Kumar', role: 'clerk', password: 'green mango season' };

let server: OwnServer | null = null;

test.beforeAll(async () => {
  server = await startOwnServer(PORT, [
    ...['--idle-lock-minutes', '1', '--api-key', E2E_API_KEY],
    ...['--counter-letter', 'C', '--hospital-name', 'Lok Nayak Hospital', '--hospital-code', 'LNH'],
  ]);
});

test.afterAll(async () => {
  await server?.stop();
  server = null;
});

test.use({ baseURL: BASE });

test('the first account, a clerk account, a refused password, the clerk’s limits and the idle lock', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const auth = new AuthPage(page);
  // The renderer's timers run on a clock the test can move: a minute idle takes no minute.
  await page.clock.install();

  await test.step('Given a new counter set up by its start-up options, the first screen shows them fixed and asks for the administrator', async () => {
    await auth.open();
    await expect(auth.setupForm).toContainText('Set up this counter');
    // --counter-letter C --hospital-code LNH --hospital-name …: shown, not typed again.
    for (const [field, value] of [
      ['counterLetter', 'C'],
      ['hospitalCode', 'LNH'],
      ['hospitalName', 'Lok Nayak Hospital'],
    ] as const) {
      await expect(auth.identityField(field)).toHaveValue(value);
      await expect(auth.identityField(field)).toHaveAttribute('readonly', '');
    }
    await expect(auth.identityField('timeZone')).toHaveValue('Asia/Kolkata');
    await expect(auth.setupForm.getByTestId('auth-username')).toBeFocused();
    await expect(auth.search).toHaveCount(0);
  });

  await test.step('When I repeat the password wrongly, it is caught at the repeat field', async () => {
    await auth.createAdministrator(ADMIN, 'quiet river mornin');
    await expect(page.getByTestId('auth-repeat-error')).toContainText('not the same');
    await expect(page.getByTestId('auth-repeat')).toBeFocused();
  });

  await test.step('When I create the administrator account, I am signed in and the header shows my name', async () => {
    await auth.createAdministrator(ADMIN);
    await auth.expectSignedInAs(ADMIN, 'Administrator');
    await page.screenshot({ path: testInfo.outputPath('auth-01-admin-signed-in.png') });
  });

  await test.step('When I open Accounts and create a clerk account, it is listed as a clerk', async () => {
    await auth.openAccounts();
    await auth.createAccount(CLERK);
    await expect(auth.accountRow(CLERK.username).getByTestId('account-role')).toHaveValue('clerk');
    await expect(auth.accountRow(CLERK.username).getByTestId('account-active')).toBeChecked();
    await page.screenshot({ path: testInfo.outputPath('auth-02-accounts.png') });
    await auth.closeAccounts();
  });

  await test.step('When I sign out, the sign-in screen shows, in Hindi too', async () => {
    await auth.signOut();
    await expect(auth.search).toHaveCount(0);
    await page.getByTestId('auth-lang-switch').click();
    await expect(auth.signInForm.getByRole('heading')).toHaveText('साइन इन');
    await page.getByTestId('auth-lang-switch').click();
    await expect(auth.signInForm.getByRole('heading')).toHaveText('Sign in');
  });

  await test.step('When someone types a wrong password, it is refused at the password field and nothing opens', async () => {
    await auth.signIn(CLERK.username, 'green mango seasons');
    await expect(page.getByTestId('auth-password-error')).toContainText('Wrong username or password');
    await expect(page.getByTestId('auth-password')).toBeFocused();
    await expect(page.getByTestId('auth-password')).toHaveValue('');
    await expect(auth.search).toHaveCount(0);
    await expect(auth.deskUser).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('auth-03-wrong-password.png') });
  });

  await test.step('When someone keeps guessing a password, the counter tells them in words to wait', async () => {
    for (let i = 0; i < 5; i++) {
      await auth.signIn('someone.guessing', `guess number ${i}`);
      // Refused: the password box is emptied for the next try.
      await expect(page.getByTestId('auth-password-error')).toBeVisible();
      await expect(page.getByTestId('auth-password')).toHaveValue('');
    }
    await auth.signIn('someone.guessing', 'guess number 6');
    await expect(page.getByTestId('auth-form-error')).toContainText(/Too many wrong passwords\. Try again in \d+ seconds\./);
    await expect(auth.search).toHaveCount(0);
  });

  await test.step('When the clerk signs in, the header shows the clerk’s name and role', async () => {
    await auth.signIn(CLERK.username, CLERK.password);
    await auth.expectSignedInAs(CLERK, 'Clerk');
  });

  await test.step('Then Accounts and HIMS settings are not offered to a clerk, and the core refuses the clerk the list', async () => {
    await expect(auth.accountsButton).toHaveCount(0);
    await expect(page.getByTestId('sync-settings-open')).toHaveCount(0); // a supervisor's
    await expect(page.getByTestId('sync-indicator')).toBeVisible(); // the status itself is for everyone
    expect(await auth.callAsThisClerk('clerks.list', {})).toEqual({ status: 403, code: 'FORBIDDEN' });
    // The same session may do a clerk's work.
    expect((await auth.callAsThisClerk('patients.search', { query: 'nobody here' })).status).toBe(200);
  });

  await test.step('When the clerk starts a registration and leaves the counter for a minute, it locks', async () => {
    await auth.search.pressSequentially('9811000099', { delay: 90 });
    await expect(page.getByTestId('reg-phone')).toHaveValue('9811000099');
    await page.getByTestId('reg-name').fill('Kishori Lal');
    await page.getByTestId('reg-gender').selectOption('male');
    await page.getByTestId('reg-name').focus();
    await expect(auth.lockOverlay).toHaveCount(0);
    await expect(async () => {
      await page.clock.fastForward('01:05');
      await expect(auth.lockOverlay).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(auth.lockOverlay).toContainText('Ravi Kumar');
    await expect(auth.counterScreen).toHaveAttribute('inert', '');
    // The core agrees: the clerk's calls are refused until the password is given.
    expect(await auth.callAsThisClerk('patients.search', { query: 'Kishori' })).toEqual({ status: 423, code: 'LOCKED' });
    await page.screenshot({ path: testInfo.outputPath('auth-04-locked.png') });
  });

  await test.step('When a wrong password is typed at the lock, it stays locked', async () => {
    await auth.unlock('not my password');
    await expect(page.getByTestId('lock-password-error')).toContainText('Wrong username or password');
    await expect(auth.lockOverlay).toBeVisible();
  });

  await test.step('When the clerk unlocks with the password, the half-typed registration is still there', async () => {
    await auth.unlock(CLERK.password);
    await expect(auth.lockOverlay).toHaveCount(0);
    await expect(page.getByTestId('reg-name')).toHaveValue('Kishori Lal');
    await expect(page.getByTestId('reg-phone')).toHaveValue('9811000099');
    await expect(page.getByTestId('reg-gender')).toHaveValue('male');
    await expect(page.getByTestId('reg-name')).toBeFocused();
    // What the core refused while locked (the queue's poll) has loaded again.
    await expect(page.getByTestId('queue-load-error')).toHaveCount(0);
  });

  await test.step('When the clerk presses F8, it locks at once; "Sign in as someone else" goes to the sign-in screen', async () => {
    await page.keyboard.press('F8');
    await expect(auth.lockOverlay).toBeVisible();
    await expect(auth.lockPassword).toBeFocused();
    await page.getByTestId('lock-switch-user').click();
    await expect(auth.signInForm).toBeVisible();
    expect(await auth.sessionToken()).toBeNull();
  });
});
