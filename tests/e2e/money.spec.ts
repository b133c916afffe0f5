// Money and the day's numbers at the counter, on a browser shell of
// this spec's own (the shared one stays a hospital that charges nothing): a
// fee taken by UPI with its QR on the customer-facing panel, an exemption
// with its proof, the receipt on screen, a cash count that does not match,
// the supervisor's sign-off and a refund, and the reports with charts, CSV
// and PDF — with screenshots of the receipt, the cash closing and a report in
// English and Hindi.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CounterPage } from './pages/counter-page';
import { ACCOUNTS, E2E_API_KEY, apiValue, ensureAccount } from './pages/desk-session';
import { MoneyPage } from './pages/money-page';
import { startOwnServer, type OwnServer } from './pages/own-server';

const PORT = Number(process.env.E2E_PORT ?? 5188) + 2;
const BASE = `http://127.0.0.1:${PORT}`;

const ASHOK = {
  name: 'Ashok Yadav',
  gender: 'male',
  ageYears: 41,
  phone: '9811100011',
  guardianRelation: 'S/o',
  guardianName: 'Ram Yadav',
  pincode: '110006',
} as const;
const KAMLA = {
  name: 'Kamla Devi',
  gender: 'female',
  ageYears: 58,
  phone: '9811100022',
  guardianRelation: 'W/o',
  guardianName: 'Shiv Ram',
  pincode: '110006',
} as const;

const IMRAN = { ...ASHOK, name: 'Imran Khan', phone: '9811100033' } as const;

let server: OwnServer | null = null;

test.beforeAll(async () => {
  server = await startOwnServer(PORT, [
    ...['--api-key', E2E_API_KEY, '--counter-letter', 'B', '--hospital-name', 'Lok Nayak Hospital', '--hospital-code', 'LNH'],
  ]);
});

test.afterAll(async () => {
  await server?.stop();
  server = null;
});

test.use({ baseURL: BASE });

test('a fee by UPI and by exemption, the receipt, a cash count that does not match, sign-off, refund and reports', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // Tall enough for the cash drawer and the reports to show whole in the screenshots.
  await page.setViewportSize({ width: 1366, height: 1100 });
  const counter = new CounterPage(page);
  const money = new MoneyPage(page);

  await test.step('Given a hospital that charges ₹10 for a new Medicine visit, a ticket valid 15 days, and a UPI address', async () => {
    await ensureAccount(page.request, ACCOUNTS.clerk, BASE);
    const api = <T>(method: string, input: unknown) => apiValue<T>(page.request, method, input, BASE);
    await api('fees.saveSchedule', {
      departmentCode: 'MED',
      newPaise: 1000,
      revisitPaise: 500,
      followUpPaise: 0,
      validityDays: 15,
    });
    await api('fees.saveSettings', { receiptSlips: 'one', upiVpa: 'lnh.opd@sbi', upiPayeeName: 'Lok Nayak Hospital' });
    // Two patients registered earlier (the registration form itself is another spec's).
    for (const p of [KAMLA, IMRAN]) {
      await api('patients.register', { name: p.name, gender: p.gender, ageYears: p.ageYears, phone: p.phone });
    }
  });

  await test.step('When the clerk picks Medicine for a new patient, the fee is shown and UPI brings a QR for exactly ₹10', async () => {
    await counter.open(ACCOUNTS.clerk);
    await counter.register(ASHOK);
    await money.pickDepartment('MED');
    await expect(money.feePanel).toContainText('Fee due: ₹10.00');
    await expect(page.getByTestId('fee-valid-until')).toContainText('OPD ticket valid until');
    await money.payBy('upi');
    const qr = page.getByTestId('fee-upi-qr');
    await expect(qr).toBeVisible();
    const uri = new URL((await qr.getAttribute('data-uri'))!);
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ pa: 'lnh.opd@sbi', am: '10.00', cu: 'INR' });
    await expect(page.getByTestId('issue-token')).toContainText('UPI ₹10.00 received: issue');
    await page.getByTestId('fee-upi-ref').fill('412345678901');
    await counter.screenshot(testInfo, '01-fee-upi-en');
  });

  await test.step('And once the payment shows on the patient’s phone the clerk issues: the receipt number and validity are on screen', async () => {
    await money.issue();
    await expect(page.getByTestId('issued-receipt')).toHaveText(/^Receipt B\/\d{4}-\d{2}\/000001$/);
    await expect(page.getByTestId('issued-paid')).toHaveText('Paid ₹10.00 (UPI)');
    await expect(page.getByTestId('issued-valid-until')).toContainText('Valid until');
    await counter.screenshot(testInfo, '02-receipt-en');
  });

  await test.step('Then in Hindi, a BPL patient needs the proof before the fee is waived', async () => {
    await counter.switchLanguage();
    await counter.findAndOpen(KAMLA.phone, KAMLA.name);
    await money.pickDepartment('MED');
    await page.getByTestId('token-fee').selectOption('bpl');
    await expect(page.getByTestId('fee-proof-number')).toBeVisible();
    await page.getByTestId('issue-token').click();
    await expect(page.getByTestId('issue-error')).toHaveAttribute('data-code', 'VALIDATION_FAILED');
    await page.getByTestId('fee-proof-type').selectOption('bpl_card');
    await page.getByTestId('fee-proof-number').fill('DL/BPL/4471');
    await money.issue();
    await expect(page.getByTestId('issued-fee')).toContainText('शुल्क माफ़ (₹10.00)');
    await counter.screenshot(testInfo, '03-receipt-waived-hi');
  });

  await test.step('And a cash patient: the clerk collects ₹10 in cash with one key', async () => {
    await counter.findAndOpen(IMRAN.phone, IMRAN.name);
    await money.pickDepartment('MED');
    await expect(page.getByTestId('issue-token')).toContainText('₹10.00 नकद लेकर जारी करें');
    await money.issue();
    await expect(page.getByTestId('issued-paid')).toHaveText('₹10.00 जमा (नकद)');
    await expect(page.getByTestId('issued-receipt')).toHaveText(/000002$/);
  });

  await test.step('When the clerk counts the drawer and is ₹5 short, the screen says so before closing (Hindi, then English)', async () => {
    await money.openCash();
    await expect(page.getByTestId('cash-expected')).toHaveAttribute('data-paise', '1000');
    await money.count({ c5: 1 });
    await expect(page.getByTestId('cash-difference')).toHaveAttribute('data-paise', '-500');
    await expect(page.getByTestId('cash-difference')).toHaveText('₹5.00 कम');
    await counter.screenshot(testInfo, '04-cash-closing-hi');
    // The drawer is a modal over the header: closed to switch the language, then counted again.
    await money.closeDialog('cash');
    await counter.switchLanguage();
    await money.openCash();
    await money.count({ c5: 1 });
    await expect(page.getByTestId('cash-difference')).toHaveText('Short by ₹5.00');
    await counter.screenshot(testInfo, '05-cash-closing-en');
    // A count that differs does not close with one click: first a note, then the difference confirmed.
    await page.getByTestId('cash-close-shift').click();
    await expect(page.getByTestId('cash-note-error')).toHaveText('The drawer is short by ₹5.00: write a note saying why.');
    await expect(page.getByTestId('cash-note')).toBeFocused();
    await page.getByTestId('cash-note').fill('Gave change from my own pocket');
    await page.getByTestId('cash-close-shift').click();
    await expect(page.getByTestId('cash-confirm')).toContainText('The drawer is short by ₹5.00.');
    await expect(page.getByTestId('cash-shift')).toHaveAttribute('data-status', 'open');
    await page.getByTestId('cash-confirm-close').click();
    await expect(page.getByTestId('cash-closed')).toHaveAttribute('data-difference', '-500');
    await expect(page.getByTestId('cash-shift-row')).toHaveAttribute('data-status', 'closed');
    // A clerk cannot sign off their own count.
    await expect(page.getByTestId('cash-sign-off')).toHaveCount(0);
    await money.closeDialog('cash');
  });

  await test.step('Then the supervisor signs the shift off and refunds ₹5 on the first receipt, with a reason', async () => {
    await page.getByTestId('desk-sign-out').click();
    await counter.open(ACCOUNTS.admin);
    await money.openCash();
    await page.getByTestId('cash-sign-off').click();
    // Before signing, the supervisor sees how far the drawer is out and why.
    await expect(page.getByTestId('cash-sign-off-difference')).toHaveText('Short by ₹5.00');
    await expect(page.getByTestId('cash-sign-off-clerk-note')).toHaveText("Clerk's note: Gave change from my own pocket");
    await expect(page.getByTestId('cash-shift-row')).toHaveAttribute('data-status', 'closed');
    await page.getByTestId('cash-sign-off-note').fill('Clerk made it good');
    await page.getByTestId('cash-sign-off-confirm').click();
    await expect(page.getByTestId('cash-shift-row')).toHaveAttribute('data-status', 'signed_off');
    await page.getByTestId('cash-refund-open').first().click();
    await page.getByTestId('cash-refund-amount').fill('5');
    await page.getByTestId('cash-refund-reason').fill('Charged the new fee for a revisit');
    await page.getByTestId('cash-refund-submit').click();
    await expect(page.getByTestId('cash-refund-done')).toContainText(/R000001/);
    await expect(page.getByTestId('cash-daybook-row').filter({ hasText: 'R000001' })).toHaveAttribute('data-kind', 'refund');
    await money.closeDialog('cash');
  });

  await test.step('When the supervisor opens the reports, the census of today has its charts and figures (English, then Hindi)', async () => {
    await money.openReports();
    await expect(money.total('tokens')).toHaveAttribute('data-value', '3');
    await expect(money.total('newVisits')).toHaveAttribute('data-value', '3');
    await expect(page.getByTestId('chart-by-hour').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('report-departments-row')).toHaveCount(1);
    await counter.screenshot(testInfo, '06-report-census-en');
    await money.closeDialog('reports');
    await counter.switchLanguage();
    await money.openReports();
    await expect(money.reports).toContainText('ओपीडी गणना');
    await counter.screenshot(testInfo, '07-report-census-hi');
  });

  await test.step('And the fees report and the HMIS figures agree, and the census downloads as CSV and PDF in Hindi', async () => {
    await page.getByTestId('reports-tab-fees').click();
    await expect(page.getByTestId('report-fee-collected')).toContainText('₹20.00');
    await expect(page.getByTestId('report-fee-refunded')).toContainText('₹5.00');
    await expect(page.getByTestId('report-fee-net')).toContainText('₹15.00');
    await counter.screenshot(testInfo, '08-report-fees-hi');
    await page.getByTestId('reports-tab-hmis').click();
    await expect(page.getByTestId('hmis-row').first()).toHaveAttribute('data-total', '3');
    await counter.screenshot(testInfo, '09-report-hmis-hi');
    await page.getByTestId('reports-tab-census').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^census-.*-hi\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text).toContain('टोकन,3');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-pdf').click()]);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
