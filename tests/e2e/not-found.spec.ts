// When "No patient found" is settled: only for the answer to what is in the
// search box now, and only for a query that names one patient when complete.
// The last patient's number says nothing about the next one's first key, and
// a number still being typed opens no form (which would start calls of its
// own in the middle of a scan).
import { expect, test, type Page } from '@playwright/test';
import { CounterPage } from './pages/counter-page';

/** Notes, from now on, every moment the registration form or a "No patient found" is on screen. */
async function watchNotFound(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(`(() => {
    window.notFoundSeen = [];
    const look = () => {
      if (document.querySelector('[data-testid="registration-form"]')) window.notFoundSeen.push('the registration form');
      const status = document.querySelector('[data-testid="search-status"]')?.textContent ?? '';
      if (status.includes('No patient found')) window.notFoundSeen.push(status);
    };
    window.notFoundObserver?.disconnect();
    window.notFoundObserver = new MutationObserver(look);
    window.notFoundObserver.observe(document.body, { subtree: true, childList: true, characterData: true });
    look();
  })()`);
  return () => page.evaluate<string[]>('window.notFoundSeen');
}

/** The search box's answer for `query` is on screen (or, on a screen that got it wrong, the form it opened). */
async function answered(page: Page, query: string) {
  const status = page.locator(`[data-testid="search-status"][data-answered="${query}"]`);
  await expect(status.or(page.getByTestId('registration-form')).first()).toBeAttached();
}

test('after a registration and a token, the first key of the next search shows no "not found" for the last number', async ({
  page,
}) => {
  const counter = new CounterPage(page);
  await counter.open();

  await test.step('Given I registered Gita Rani by her mobile and gave her a token', async () => {
    await counter.register({
      name: 'Gita Rani',
      gender: 'female',
      ageYears: 45,
      phone: '9870055501',
      guardianRelation: 'W/o',
      guardianName: 'Mohan Lal',
      pincode: '110053',
    });
    await counter.issueToken('1', 'MED');
    await expect(counter.search).toBeFocused();
  });

  await test.step('When I type the first digit of the next patient’s number, neither her number’s "not found" nor a form shows', async () => {
    const seen = await watchNotFound(page);
    await page.keyboard.type('9');
    await answered(page, '9');
    expect(await seen()).toEqual([]);
  });

  await test.step('And the rest of a number nobody has opens the form for it', async () => {
    await page.keyboard.type('870055502', { delay: 90 });
    await expect(page.getByTestId('reg-phone')).toHaveValue('9870055502');
    await expect(page.getByTestId('search-status')).toContainText('No patient found for “9870055502”');
  });
});

test('a pause in the middle of a number opens no form and starts none of its calls; the whole number does', async ({ page }) => {
  const counter = new CounterPage(page);
  await counter.open();
  const formCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/places.')) formCalls.push(r.url());
  });

  await test.step('When I type 951 and stop, nothing says "not found" and no form opens', async () => {
    const seen = await watchNotFound(page);
    await counter.typeSearch('951');
    await answered(page, '951');
    expect(await seen()).toEqual([]);
    expect(formCalls).toEqual([]);
  });

  await test.step('When I stop again after nine digits, still no form', async () => {
    const seen = await watchNotFound(page);
    await counter.search.pressSequentially('234567', { delay: 90 });
    await answered(page, '951234567');
    expect(await seen()).toEqual([]);
    expect(formCalls).toEqual([]);
  });

  await test.step('Then the tenth digit makes a mobile nobody has: the form opens with it', async () => {
    await counter.search.press('8');
    await expect(page.getByTestId('reg-phone')).toHaveValue('9512345678');
    await expect(page.getByTestId('search-status')).toContainText('No patient found for “9512345678”');
  });
});
