// The entrance kiosk (?mode=kiosk): a patient scans their card, picks a
// department and gets a token; the same card again shows the same token;
// an unknown card and a tampered card send the patient to the counter with a
// printed "go to the counter" slip. The loopback printer (tests/support)
// stands in for the slip printer; its bytes are decoded back into the slip.
import { expect, test } from '@playwright/test';
import { decodeShcNumeric, encodeShcNumeric } from '../../main/cards/shc-numeric';
import { writeFileSync } from 'node:fs';
import { bitmapToPng } from '../../main/printing/bitmap-png';
import { NOTICE_HEADING, NOTICE_MESSAGE, NOTICE_REASON } from '../../main/printing/notice-slip-layout';
import { decodeEscPos, type DecodedJob } from '../support/escpos-decoder';
import { LoopbackPrinter } from '../support/loopback-printer';
import { differingPixels, referenceRaster } from '../support/reference-raster';
import { CardScanPage } from './pages/card-scan-page';
import { ACCOUNTS } from './pages/desk-session';
import { KioskPage } from './pages/kiosk-page';

test('a patient gets a token at the kiosk; unknown cards go to the counter', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const setup = new CardScanPage(page);
  await setup.open();
  const gita = await setup.registerPatient({ name: 'Gita Kashyap', gender: 'female', ageYears: 61, phone: '9711000021' });
  const card = await setup.issueCard(gita.id);
  const kiosk = new KioskPage(page);
  // A loopback printer that keeps every slip's bytes; the previous settings come back afterwards.
  const printer = await new LoopbackPrinter().start();
  const before = await setup.api<Record<string, unknown>>('printers.getSettings', {});
  await setup.api('printers.saveSettings', { ...before, interface: printer.uri, paperWidth: 80, statusQuery: 'none' });
  /** The notice slips the printer has received so far, decoded. */
  const noticeSlips = (): DecodedJob[] =>
    printer.jobs.map((bytes) => decodeEscPos(bytes)).filter((job) => job.texts.includes(NOTICE_HEADING));
  const noticeJobs = () =>
    setup.api<{ kind: string; status: string }[]>('print.jobs', {}).then((jobs) => jobs.filter((j) => j.kind === 'notice'));
  try {
    await test.step('Given the kiosk has no session, a clerk cannot start it', async () => {
      await kiosk.gotoStartForm();
      await kiosk.tryStart(ACCOUNTS.clerk);
      await expect(page.getByTestId('auth-username-error')).toContainText('Only a supervisor or an administrator');
      await expect(kiosk.scanPrompt).toHaveCount(0);
    });

    await test.step('When a supervisor starts it with their own account, the kiosk screen opens', async () => {
      await kiosk.open();
      await expect(kiosk.scanPrompt).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('kiosk-01-ready.png') });
    });

    let label = '';
    await test.step('When I scan my e-health card and pick General Medicine, I get a token', async () => {
      await kiosk.scan(card);
      await expect(kiosk.departments).toContainText('Gita Kashyap');
      await kiosk.pick('MED');
      await expect(kiosk.tokenLabel).toHaveText(/^B-\d{3}$/);
      label = (await kiosk.tokenLabel.textContent()) ?? '';
      await page.screenshot({ path: testInfo.outputPath('kiosk-02-token.png') });
      await kiosk.done();
    });

    await test.step('When I scan again and pick the same department, I see the same token, not a new one', async () => {
      await kiosk.scan(card);
      await kiosk.pick('MED');
      await expect(kiosk.tokenLabel).toHaveText(label);
      const tokens = await setup.api<{ id: string; label: string }[]>('tokens.list', { patientId: gita.id });
      expect(tokens.map((t) => t.label)).toEqual([label]);
      // Its slip was queued again, marked as a duplicate.
      const jobs = await setup.api<{ duplicate: boolean }[]>('print.jobs', { tokenId: tokens[0]!.id });
      expect(jobs.map((j) => j.duplicate).sort()).toEqual([false, true]);
      await kiosk.done();
    });

    await test.step('When someone scans an ABHA number not registered here, they are sent to the counter', async () => {
      await kiosk.scan('55-6677-8899-0011');
      await expect(kiosk.counterSlip).toHaveAttribute('data-why', 'unknown');
      await expect(kiosk.noticePrinting).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('kiosk-03-counter.png') });
    });

    await test.step('And a slip saying so in English and Hindi, with the number I scanned, comes out of the printer', async () => {
      await expect.poll(async () => (await noticeJobs()).map((j) => j.status)).toEqual(['sent']);
      await expect.poll(() => noticeSlips().length).toBe(1);
      const [slip] = noticeSlips();
      expect(slip!.lines.find((l) => l.text === NOTICE_HEADING)).toMatchObject({ bold: true, widthScale: 2 });
      expect(slip!.texts).toEqual(expect.arrayContaining(['Lok Nayak Hospital', NOTICE_MESSAGE.en, NOTICE_REASON.unknown.en]));
      expect(slip!.texts.find((l) => l.startsWith('Scanned'))).toMatch(/55-6677-8899-0011$/);
      expect(differingPixels(slip!.images[0]!, referenceRaster(NOTICE_MESSAGE.hi, 576, 'tall', 'center', true))).toBe(0);
      // The Hindi line exactly as the printer received it, to look at.
      writeFileSync(testInfo.outputPath('kiosk-04-notice-hindi-raster.png'), bitmapToPng(slip!.images[0]!));
      await kiosk.done();
    });

    await test.step('When a tampered card is scanned, it is refused and sent to the counter', async () => {
      const jws = decodeShcNumeric(card);
      const at = jws.length - 30;
      await kiosk.scan(encodeShcNumeric(jws.slice(0, at) + (jws[at] === 'A' ? 'B' : 'A') + jws.slice(at + 1)));
      await expect(kiosk.counterSlip).toHaveAttribute('data-why', 'refused');
      // Its slip gives the reason and no id: nothing from a refused card is printed.
      await expect.poll(() => noticeSlips().length).toBe(2);
      const refused = noticeSlips()[1]!;
      expect(refused.texts).toContain(NOTICE_REASON.refused.en);
      expect(refused.texts.some((l) => l.startsWith('Scanned'))).toBe(false);
      expect((await noticeJobs()).map((j) => j.status)).toEqual(['sent', 'sent']);
    });
  } finally {
    await setup.api('printers.saveSettings', before);
    await printer.stop();
  }
});
