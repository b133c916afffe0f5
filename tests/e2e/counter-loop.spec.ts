// The counter loop as a clerk does it, in Debian's Chromium against the
// browser shell: register, find again by phone and by name, issue tokens in
// two departments, cancel one, switch to Hindi.
import { expect, test } from '@playwright/test';
import { CounterPage, SUNITA } from './pages/counter-page';

test('register, find, issue, cancel, switch to Hindi', async ({ page }, testInfo) => {
  const counter = new CounterPage(page);

  await test.step('Given the counter screen is open with the search box focused', async () => {
    await counter.open();
    await expect(page.getByText('Lok Nayak Hospital')).toBeVisible();
  });

  await test.step('When I search a phone nobody has, the form opens prefilled and I register the patient', async () => {
    await counter.register(SUNITA);
    await expect(counter.patientPanel).toContainText(/LNH-B\d{2}-\d{6}-\d/);
    await counter.screenshot(testInfo, '01-registered');
  });

  await test.step('Then I find her again by phone', async () => {
    await counter.findAndOpen(SUNITA.phone, SUNITA.name);
  });

  await test.step('And by name, words in any order and partly typed', async () => {
    await counter.findAndOpen('devi sun', SUNITA.name);
  });

  const labels: string[] = [];
  await test.step('When I issue tokens in General Medicine (key 1) and ENT (key 6), each is the next of its own department', async () => {
    // Other specs share this counter's day: each department's next number follows the tokens it has already.
    const next = async (departmentCode: string) => {
      const issued = await counter.api<unknown[]>('tokens.list', { departmentCode });
      return `B-${String(issued.length + 1).padStart(3, '0')}`;
    };
    const expected = [await next('MED'), await next('ENT')];
    labels.push(await counter.issueToken('1', 'MED'));
    await counter.screenshot(testInfo, '02-token-med');
    await counter.findAndOpen(SUNITA.phone, SUNITA.name);
    labels.push(await counter.issueToken('6', 'ENT'));
    expect(labels).toEqual(expected);
  });

  await test.step("Then each department's queue shows her token", async () => {
    await counter.showQueue('ENT');
    await expect(counter.queueRows.filter({ hasText: labels[1]! })).toContainText(SUNITA.name);
    await counter.showQueue('MED');
    await expect(counter.queueRows.filter({ hasText: labels[0]! })).toContainText(SUNITA.name);
  });

  await test.step('When I cancel the Medicine token with a reason, it is shown cancelled', async () => {
    await counter.cancel(labels[0]!, 'Patient went home');
    await counter.screenshot(testInfo, '03-cancelled');
  });

  await test.step('When I switch to Hindi, the screen reads in Hindi', async () => {
    await counter.switchLanguage();
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
    await expect(page.getByTestId('queue-tab-MED')).toContainText('सामान्य चिकित्सा');
    await expect(counter.search).toHaveAttribute('placeholder', /[\u0900-\u097F]/);
    await counter.screenshot(testInfo, '04-hindi');
  });
});

test('bad registration input is shown at its field and nothing is saved', async ({ page }, testInfo) => {
  const counter = new CounterPage(page);
  await counter.open();
  await counter.typeSearch('Meena Kumari');
  await expect(page.getByTestId('reg-name')).toHaveValue('Meena Kumari');
  await page.getByTestId('reg-gender').selectOption('female');
  await page.getByTestId('reg-age').fill('29');
  await page.getByTestId('reg-phone').fill('12345');
  await page.getByTestId('reg-submit').click();
  await expect(page.getByTestId('error-phone')).toBeVisible();
  await expect(page.getByTestId('reg-phone')).toBeFocused();
  await counter.screenshot(testInfo, '05-field-error');
  await page.keyboard.press('Escape');
  await counter.typeSearch('Meena Kumari');
  await expect(counter.results).toHaveCount(0);
});

test('markup in a name is shown as text, never run', async ({ page }) => {
  const counter = new CounterPage(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await counter.open();
  const name = `<img src=x onerror=alert(1)> O'Brien`;
  await page.keyboard.press('F2');
  await page.getByTestId('reg-name').fill(name);
  await page.getByTestId('reg-gender').selectOption('male');
  await page.getByTestId('reg-age').fill('51');
  await page.getByTestId('reg-submit').click();
  await expect(counter.patientPanel).toContainText(name);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('a baby is registered by age in months, with her name in both scripts; an adult’s form asks no months', async ({
  page,
}, testInfo) => {
  const counter = new CounterPage(page);
  await counter.open();
  await counter.typeSearch('9811000077');
  const age = page.getByTestId('reg-age');
  const months = page.getByTestId('reg-age-months');
  await page.getByTestId('reg-name').fill('Baby of Rekha');
  await page.getByTestId('reg-name-other').fill('रेखा की बेटी'); // the name in the other script, as the mother writes it
  await page.getByTestId('reg-gender').selectOption('female');
  await expect(months).toBeVisible(); // no years typed yet
  await age.fill('34');
  await expect(months).toBeHidden();
  await age.fill('');
  await months.fill('7');
  await page.getByTestId('reg-submit').click();
  await expect(counter.patientPanel).toContainText('Baby of Rekha');
  await expect(counter.patientPanel).toContainText('7 m');
  await expect(counter.patientPanel).toContainText('रेखा की बेटी');
  await page.screenshot({ path: testInfo.outputPath('baby-registered.png') });
});
