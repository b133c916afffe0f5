// Token slips as a clerk meets them, in Chromium against the browser shell,
// with a loopback TCP printer run by this test: set the printer up with the
// live preview, test print, issue a token for a patient with a Hindi name and
// read the decoded slip, then a printer that takes the slip but never answers:
// the counter keeps working, the notice shows, F9 prints it again.
import { expect, test } from '@playwright/test';
import { decodeEscPos } from '../support/escpos-decoder';
import { LoopbackPrinter } from '../support/loopback-printer';
import { differingPixels, referenceRaster } from '../support/reference-raster';
import { CounterPage } from './pages/counter-page';
import { PrintingPage } from './pages/printing-page';

const SITA = {
  name: 'सीता देवी',
  gender: 'female',
  ageYears: 67,
  phone: '9811122233',
  guardianRelation: 'W/o',
  guardianName: 'Ram Prasad',
  pincode: '110002',
} as const;
const MOHAN = {
  name: 'Mohan Lal',
  gender: 'male',
  ageYears: 52,
  phone: '9811122244',
  guardianRelation: 'S/o',
  guardianName: 'Kishan Lal',
  pincode: '110002',
} as const;

test('set up the slip printer, print a Hindi slip, recover from a printer fault with F9', async ({ page }, testInfo) => {
  const printer = await new LoopbackPrinter().start();
  const counter = new CounterPage(page);
  const printing = new PrintingPage(page);
  try {
    await test.step('Given the counter is open and I open the printer settings', async () => {
      await counter.open();
      await printing.openSettings();
      await expect(printing.preview).toContainText('OPD TOKEN');
      await expect(page.getByTestId('slip-preview-qr')).toHaveAttribute('data-payload', /^urn:uuid:/);
    });

    await test.step('When I choose 58 mm paper and a footer, the preview follows before I save', async () => {
      await printing.choosePaperWidth(58);
      await page.getByTestId('printer-footer').fill('Helpline 1800-11-2233');
      await expect(printing.preview).toContainText('Helpline 1800-11-2233');
    });

    await test.step('And I save the printer address and send a test print', async () => {
      await printing.setPrinter(printer.uri, 'Helpline 1800-11-2233');
      await printing.testPrint();
      await printer.waitForJobs(1);
      const slip = decodeEscPos(printer.jobs[0]!);
      expect(slip.texts).toEqual(expect.arrayContaining(['B-001', 'Helpline 1800-11-2233']));
      expect(slip.images.length).toBeGreaterThan(0); // the Hindi sample name
      await expect(page.getByTestId('print-job-row').first()).toHaveAttribute('data-status', 'sent');
      await counter.screenshot(testInfo, '01-printer-settings');
      await printing.closeSettings();
    });

    let label = '';
    await test.step('When I issue a token for a patient registered in Hindi, her slip prints', async () => {
      await counter.register(SITA);
      label = await counter.issueToken('1', 'MED');
      await printer.waitForJobs(2);
      const slip = decodeEscPos(printer.jobs[1]!);
      expect(slip.lines.find((l) => l.widthScale === 4)?.text).toBe(label);
      expect(slip.texts).toContain('General Medicine');
      expect(slip.images).toHaveLength(2); // सामान्य चिकित्सा and सीता देवी, as rasters
      expect(differingPixels(slip.images[1]!, referenceRaster(SITA.name, 384, 'tall', 'left', true))).toBe(0);
      expect(slip.qr[0]).toMatch(/^urn:uuid:/);
    });

    let second = '';
    await test.step('When the printer takes the next slip but never answers, the clerk is told and can go on', async () => {
      printer.mode = 'never_read';
      await page.keyboard.press('Escape');
      await counter.register(MOHAN);
      second = await counter.issueToken('1', 'MED');
      expect(second).not.toBe(label);
      await expect(printing.failedNotice).toBeVisible({ timeout: 10_000 });
      await expect(printing.failedNotice).toContainText(`Slip ${second} did not print`);
      await expect(printing.failedNotice).toHaveAttribute('data-code', 'status_timeout');
      await expect(counter.issuedToken).toContainText(second); // the token stands
      await counter.screenshot(testInfo, '02-print-failed');
      await counter.typeSearch(SITA.phone); // the next patient is not blocked
      await expect(counter.results.first()).toContainText(SITA.name);
    });

    await test.step('And once the printer is fixed, F9 prints that slip again', async () => {
      printer.mode = 'ok';
      await page.keyboard.press('F9');
      await printer.waitForJobs(3);
      const slip = decodeEscPos(printer.jobs[2]!);
      expect(slip.lines.find((l) => l.widthScale === 4)?.text).toBe(second);
      expect(slip.texts).not.toContain('DUPLICATE'); // it never printed the first time
      await expect(printing.failedNotice).toBeHidden();
    });

    await test.step('When the patient tears the slip, Reprint prints a copy marked DUPLICATE', async () => {
      await expect(page.getByTestId('print-printed')).toContainText(`Slip ${second} printed`);
      await page.getByTestId('print-reprint').click();
      await printer.waitForJobs(4);
      const copy = decodeEscPos(printer.jobs[3]!);
      expect(copy.lines.find((l) => l.text === 'DUPLICATE')).toMatchObject({ inverse: true });
      expect(copy.lines.find((l) => l.widthScale === 4)?.text).toBe(second);
    });

    await test.step('In Hindi the notice and the settings speak Hindi', async () => {
      await counter.switchLanguage();
      await expect(page.getByTestId('printer-settings-open')).toHaveText('प्रिंटर');
      await printing.openSettings();
      await expect(page.getByRole('heading', { name: 'पर्ची प्रिंटर' })).toBeVisible();
      await counter.screenshot(testInfo, '03-settings-hindi');
    });

    await test.step('Finally the printer is unset again, so later specs on this server print nothing', async () => {
      await page.getByTestId('printer-interface').fill('');
      await page.getByTestId('printer-save').click();
      await expect(page.getByTestId('printer-message')).toBeVisible();
      await counter.switchLanguage();
    });
  } finally {
    await printer.stop();
  }
});
