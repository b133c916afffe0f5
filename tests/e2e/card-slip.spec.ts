// The e-health card on the thermal slip, as a clerk prints it: the patient's
// panel has "Print card on slip"; the loopback printer (tests/support)
// receives the slip, and its QR, decoded from the bytes, is read back by the
// counter's own scan path as this hospital's verified card for that patient.
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { bitmapToPng } from '../../main/printing/bitmap-png';
import { decodeEscPos } from '../support/escpos-decoder';
import { LoopbackPrinter } from '../support/loopback-printer';
import { CardScanPage } from './pages/card-scan-page';

test('a clerk prints a patient’s e-health card on the slip printer', async ({ page }, testInfo) => {
  const printer = await new LoopbackPrinter().start();
  const counter = new CardScanPage(page);
  await counter.open();
  const before = await counter.api<Record<string, unknown>>('printers.getSettings', {});
  await counter.api('printers.saveSettings', { ...before, interface: printer.uri, paperWidth: 58, statusQuery: 'gs_r' });
  try {
    const asha = await counter.registerPatient({ name: 'आशा वर्मा', gender: 'female', ageYears: 34, phone: '9711000047' });

    await test.step('Given the patient is shown at the counter (her UHID scanned)', async () => {
      await counter.scanWithWedge(asha.uhid);
      await counter.expectPatientShown('आशा वर्मा');
    });

    await test.step('When I press "Print card on slip", a new card is issued and sent to the printer', async () => {
      await page.getByTestId('card-slip-print').click();
      await expect(page.getByTestId('card-slip-queued')).toHaveText('New e-health card issued and sent to the printer');
      await page.screenshot({ path: testInfo.outputPath('card-slip-01-panel.png') });
      await printer.waitForJobs(1);
    });

    await test.step('Then the slip carries her card’s two QRs, which verify as our card for her', async () => {
      const slip = decodeEscPos(printer.jobs[0]!);
      expect(slip.texts).toContain('E-HEALTH CARD');
      // The compact card the counters' scanners read, then the SMART Health Card.
      expect(slip.qr).toHaveLength(2);
      expect(slip.qr[0]).toMatch(/^HHC1:/);
      expect(slip.qr[1]).toMatch(/^shc:\/\d+$/);
      for (const text of slip.qr) {
        const resolved = await counter.api<{ verification: { state: string }; patient: { id: string } | null }>('cards.resolve', {
          text,
        });
        expect(resolved).toMatchObject({ verification: { state: 'verified' }, patient: { id: asha.id } });
      }
      writeFileSync(testInfo.outputPath('card-slip-02-name-raster.png'), bitmapToPng(slip.images.find((i) => i.height === 46)!));
    });

    await test.step('When I press it again, the same card is printed, not a new one', async () => {
      await page.getByTestId('card-slip-print').click();
      await expect(page.getByTestId('card-slip-queued')).toHaveText('Card slip sent to the printer');
      await printer.waitForJobs(2);
      expect(decodeEscPos(printer.jobs[1]!).qr).toEqual(decodeEscPos(printer.jobs[0]!).qr);
    });
  } finally {
    await counter.api('printers.saveSettings', before);
    await printer.stop();
  }
});
