// Accounts for the end-to-end tests. Setting things up through the API acts
// as the hospital's own script (the API key, no desk session); the screens
// themselves are opened the way a clerk does: signed in through the UI.
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** Set by playwright.config.ts (serve-cli wants 16+ characters); the same value reaches the workers. */
export const E2E_API_KEY = process.env.E2E_API_KEY ?? 'e2e-test-key-0123456789';

export interface Account {
  username: string;
  displayName: string;
  role: 'clerk' | 'supervisor' | 'admin';
  password: string;
}

export const ACCOUNTS = {
  /** The first account on the shared server: made by auth.setup. */
  admin: { username: 'e2e-admin', displayName: 'Asha Admin', role: 'admin', password: 'admin passphrase 1' },
  supervisor: { username: 'e2e-supervisor', displayName: 'Sushil Supervisor', role: 'supervisor', password: 'supervisor pass 1' },
  clerk: { username: 'e2e-clerk', displayName: 'Kamla Clerk', role: 'clerk', password: 'clerk passphrase 1' },
  /** A doctor at a room screen: a clerk-level account of their own. */
  doctor: { username: 'e2e-doctor', displayName: 'Dr Meera Rao', role: 'clerk', password: 'doctor passphrase 1' },
} as const satisfies Record<string, Account>;

export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };

/** One contract call with the API key. `base` for a server other than the config's baseURL. */
export async function callApi<T>(request: APIRequestContext, method: string, input: unknown, base = ''): Promise<ApiAnswer<T>> {
  const response = await request.post(`${base}/api/${method}`, {
    data: input,
    headers: { Authorization: `Bearer ${E2E_API_KEY}` },
  });
  return (await response.json()) as ApiAnswer<T>;
}

export async function apiValue<T>(request: APIRequestContext, method: string, input: unknown, base = ''): Promise<T> {
  const answer = await callApi<T>(request, method, input, base);
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/** Makes sure the account exists: the first run makes the administrator, later ones add the rest. */
export async function ensureAccount(request: APIRequestContext, account: Account, base = ''): Promise<void> {
  const status = await apiValue<{ setupNeeded: boolean }>(request, 'auth.status', {}, base);
  if (status.setupNeeded) {
    const admin = ACCOUNTS.admin;
    const setup = await callApi(
      request,
      'auth.setup',
      { username: admin.username, displayName: admin.displayName, password: admin.password },
      base,
    );
    // Another worker or an earlier test may have won the race: then the admin exists.
    if (!setup.ok && setup.error.code !== 'FORBIDDEN') throw new Error(`auth.setup: ${JSON.stringify(setup.error)}`);
  }
  if (account.username === ACCOUNTS.admin.username) return;
  const created = await callApi(request, 'clerks.create', account, base);
  if (!created.ok && created.error.code !== 'CONFLICT') throw new Error(`clerks.create: ${JSON.stringify(created.error)}`);
}

/** On the sign-in screen: username, password, Enter. */
export async function signInThroughUi(page: Page, account: Account): Promise<void> {
  const form = page.getByTestId('auth-signIn');
  await expect(form.getByTestId('auth-username')).toBeFocused();
  await form.getByTestId('auth-username').fill(account.username);
  await form.getByTestId('auth-password').fill(account.password);
  await form.getByTestId('auth-password').press('Enter');
  await expect(form).toBeHidden();
}

/**
 * Opens the counter screen signed in as `account`: signs in through the UI
 * unless this tab already holds that session (a reload keeps it). `base`: a
 * shell of the spec's own (own-shell.ts) instead of the shared one.
 */
export async function openCounterAs(page: Page, account: Account, path = '/', base = ''): Promise<void> {
  await ensureAccount(page.request, account, base);
  await page.goto(`${base}${path}`);
  const signIn = page.getByTestId('auth-signIn');
  const desk = page.getByTestId('desk-user');
  await expect(signIn.or(desk)).toBeVisible();
  if (await desk.isVisible()) {
    if ((await desk.textContent())?.includes(account.displayName)) return;
    await page.getByTestId('desk-sign-out').click();
  }
  await signInThroughUi(page, account);
  await expect(desk).toContainText(account.displayName);
}

/** At the kiosk: a supervisor starts it with their own credentials. */
export async function startKioskAs(page: Page, account: Account, path = '/?mode=kiosk'): Promise<void> {
  await ensureAccount(page.request, account);
  await page.goto(path);
  const start = page.getByTestId('auth-kiosk');
  const kiosk = page.getByTestId('kiosk');
  await expect(start.or(kiosk)).toBeVisible();
  if (await kiosk.isVisible()) return;
  await expect(start.getByTestId('auth-username')).toBeFocused();
  await start.getByTestId('auth-username').fill(account.username);
  await start.getByTestId('auth-password').fill(account.password);
  await start.getByTestId('auth-submit').click();
  await expect(kiosk).toBeVisible();
}

/** Opens a settings screen from the header's Settings menu (its item's testid, e.g. "accounts-open"). */
export async function openTool(page: Page, itemTestId: string): Promise<void> {
  await page.getByTestId('tools-menu').click();
  await page.getByTestId(itemTestId).click();
}
