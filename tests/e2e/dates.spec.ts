// Dates read the Indian way on a machine set up the American way (US English,
// New York time): the header's today as "Tue, 8 Dec 2026" / "मंगल, 8 दिस॰ 2026",
// days typed and shown day first (08-12-2026) in the reports, the MLC register
// and the audit log, months in words, times on the 24-hour clock in the
// hospital's time zone — never 12/08/2026, never the machine's clock.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, apiValue, openCounterAs, openTool } from './pages/desk-session';

test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

/** The hospital's day, as the tests compute it: Node's own Intl with India's locales, never the page's. */
function days(today: string) {
  const d = new Date(`${today}T00:00:00Z`);
  const f = (locale: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(d);
  const text = (locale: string) => f(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  return {
    numeric: `${today.slice(8, 10)}-${today.slice(5, 7)}-${today.slice(0, 4)}`,
    headerEn: `${f('en-IN', { weekday: 'short' })}, ${text('en-IN')}`,
    headerHi: `${f('hi-IN', { weekday: 'short' })}, ${text('hi-IN')}`,
    monthEn: f('en-IN', { month: 'short', year: 'numeric' }),
  };
}

test('dates on a US-English machine in New York time read the Indian way, in the hospital’s time', async ({ page }) => {
  test.setTimeout(90_000);
  await openCounterAs(page, ACCOUNTS.supervisor);
  const { today } = await apiValue<{ today: string }>(page.request, 'counter.info', {});
  const day = days(today);

  await test.step('The header says today with the day first, in English and in Hindi', async () => {
    await expect(page.getByTestId('today')).toHaveText(day.headerEn);
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('today')).toHaveText(day.headerHi);
    await page.getByTestId('lang-switch').click();
    await expect(page.getByTestId('today')).toHaveText(day.headerEn);
  });

  await test.step('The reports take and show days as 08-12-2026 and months in words', async () => {
    await page.getByTestId('reports-open').click();
    await expect(page.getByTestId('reports-from')).toHaveValue(day.numeric);
    await expect(page.getByTestId('reports-to')).toHaveValue(day.numeric);
    await page.getByTestId('reports-preset-last7').click();
    await expect(page.getByTestId('reports-to')).toHaveValue(day.numeric);
    await expect(page.getByTestId('reports-from')).toHaveValue(/^\d{2}-\d{2}-\d{4}$/);
    await page.getByTestId('reports-tab-hmis').click();
    await expect(page.getByTestId('reports-month').locator('option:checked')).toHaveText(day.monthEn);
    await page.getByTestId('reports-close').click();
  });

  await test.step('The MLC register starts from today, day first', async () => {
    await page.getByTestId('mlc-register-open').click();
    await expect(page.getByTestId('mlc-from')).toHaveValue(day.numeric);
    await expect(page.getByTestId('mlc-to')).toHaveValue(day.numeric);
    await page.getByTestId('mlc-register-close').click();
  });

  await test.step('The audit log takes days day first and shows when, in words and on the 24-hour clock', async () => {
    await openTool(page, 'audit-open');
    await page.getByTestId('audit-from').fill(day.numeric);
    await page.getByTestId('audit-to').fill(day.numeric);
    await page.getByTestId('audit-show').click();
    await expect(page.getByTestId('audit-error')).toHaveCount(0);
    // The newest entry is this sign-in, a moment ago: India's time, not New York's.
    const ist = (ms: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        new Date(Date.now() - ms),
      );
    const first = page.getByTestId('audit-row').first().locator('td').first();
    await expect(first).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    expect([ist(0), ist(60_000), ist(120_000)]).toContain((await first.textContent())!.slice(-5));
  });
});
