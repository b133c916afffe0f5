// The entrance kiosk (?mode=kiosk): a patient scans their card, picks a
// department and gets a token; the same card again shows the same token;
// an unknown card and a tampered card send the patient to the counter. A
// loopback socket stands in for the slip printer, so the slips are queued.
import { createServer, type Server } from 'node:net';
import { expect, test } from '@playwright/test';
import { decodeShcNumeric, encodeShcNumeric } from '../../main/cards/shc-numeric';
import { CardScanPage } from './pages/card-scan-page';
import { KioskPage } from './pages/kiosk-page';

test('a patient gets a token at the kiosk; unknown cards go to the counter', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const setup = new CardScanPage(page);
  await setup.open();
  const gita = await setup.registerPatient({ name: 'Gita Kashyap', gender: 'female', ageYears: 61, phone: '9711000021' });
  const card = await setup.issueCard(gita.id);
  const kiosk = new KioskPage(page);
  // A printer that takes the bytes and says nothing; the previous settings come back afterwards.
  const printer: Server = createServer((socket) => socket.resume()).listen(0, '127.0.0.1');
  await new Promise((resolve) => printer.once('listening', resolve));
  const before = await setup.api<Record<string, unknown>>('printers.getSettings', {});
  const port = (printer.address() as { port: number }).port;
  await setup.api('printers.saveSettings', { ...before, interface: `tcp://127.0.0.1:${port}`, statusQuery: 'none' });
  try {
    await test.step('Given the kiosk screen is open', async () => {
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
      await page.screenshot({ path: testInfo.outputPath('kiosk-03-counter.png') });
      await kiosk.done();
    });

    await test.step('When a tampered card is scanned, it is refused and sent to the counter', async () => {
      const jws = decodeShcNumeric(card);
      const at = jws.length - 30;
      await kiosk.scan(encodeShcNumeric(jws.slice(0, at) + (jws[at] === 'A' ? 'B' : 'A') + jws.slice(at + 1)));
      await expect(kiosk.counterSlip).toHaveAttribute('data-why', 'refused');
    });
  } finally {
    await setup.api('printers.saveSettings', before);
    printer.close();
  }
});
