// Scanning at the counter, in Debian's Chromium against the browser shell:
// keyboard-wedge bursts (DevTools key events with explicit timestamps) are
// told from a person typing, a scan that lands in a text field is taken back
// out, signed cards verify and tampered ones are refused, an ABHA card of a
// new patient fills the registration form, and a fake webcam fed from
// generated .y4m videos (clean, rotated, noisy and rotated, low contrast)
// finds the patient.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { decodeShcNumeric, encodeShcNumeric } from '../../main/cards/shc-numeric';
import { startPtyPair } from '../support/pty-pair';
import { CardScanPage } from './pages/card-scan-page';
import { launchWithFakeWebcam, writeCardVideo, writeEmptyVideo, type FrameKind } from './pages/fake-webcam';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 5188}`;

/** The same card with one character of its signature changed. */
function tamper(qr: string): string {
  const jws = decodeShcNumeric(qr);
  const at = jws.length - 30;
  const swapped = jws[at] === 'A' ? 'B' : 'A';
  return encodeShcNumeric(jws.slice(0, at) + swapped + jws.slice(at + 1));
}

test('wedge scanner bursts are told from typing, and every card ends in the right place', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const counter = new CardScanPage(page);
  await counter.open();
  const kavita = await counter.registerPatient({ name: 'Kavita Rawat', gender: 'female', ageYears: 29, phone: '9711000001' });
  const mohan = await counter.registerPatient({
    name: 'Mohan Negi',
    gender: 'male',
    ageYears: 52,
    phone: '9711000002',
    abhaNumber: '71-4455-6677-8899',
  });
  const card = await counter.issueCard(kavita.id);
  await expect(counter.search).toBeFocused();

  await test.step('When a person types into the search box, the letters stay there and nothing is scanned', async () => {
    await counter.typeLikeAPerson('Kavita Raw');
    await expect(counter.search).toHaveValue('Kavita Raw');
    await expect(page.getByTestId('search-result').first()).toContainText('Kavita Rawat');
    await expect(counter.scanResult).toHaveCount(0);
    await page.keyboard.press('Escape');
  });

  await test.step('When something fast that is no card (a phone number sent by a tool) lands in the search box, it is searched as typed', async () => {
    await counter.scanWithWedge('9711000002');
    await counter.expectPatientShown('Mohan Negi');
    await expect(counter.scanResult).toHaveCount(0);
    await page.keyboard.press('Escape');
  });

  await test.step('When the scanner reads her UHID into the search box, her record opens and the box is clean', async () => {
    await counter.scanWithWedge(kavita.uhid);
    await counter.expectPatientShown('Kavita Rawat');
    await expect(counter.scanResult).toHaveAttribute('data-kind', 'uhid');
    await expect(counter.search).not.toHaveValue(kavita.uhid);
  });

  await test.step('When, with her record open, the scanner reads an ABHA number (digits are department keys), no department is picked and no token issued', async () => {
    await page.getByTestId('patient-panel').click({ position: { x: 5, y: 5 } });
    await counter.scanWithWedge('71-4455-6677-8899');
    await counter.expectPatientShown('Mohan Negi');
    await expect(counter.scanResult).toHaveAttribute('data-kind', 'abha_number');
    await expect(counter.issuedToken).toHaveCount(0);
    // Other specs share this counter's day: only these two patients' tokens are this test's.
    for (const patient of [kavita, mohan]) {
      expect(await counter.api<unknown[]>('tokens.list', { patientId: patient.id })).toHaveLength(0);
    }
  });

  await test.step('When the scanner reads her signed e-health card, it is verified', async () => {
    await counter.scanWithWedge(card);
    await counter.expectPatientShown('Kavita Rawat');
    await expect(counter.scanResult).toHaveAttribute('data-state', 'verified');
    await counter.page.screenshot({ path: testInfo.outputPath('01-verified-card.png') });
  });

  await test.step('When a tampered card is scanned, it is refused with the reason', async () => {
    await page.keyboard.press('Escape');
    await counter.scanWithWedge(tamper(card));
    await expect(counter.scanError).toHaveAttribute('data-reason', 'bad_signature');
    await expect(counter.scanError).toContainText('altered');
    await expect(counter.patientPanel).toHaveCount(0);
    await counter.page.screenshot({ path: testInfo.outputPath('02-tampered-card.png') });
  });

  await test.step('When the ABHA card of a new patient is scanned, the registration form is filled from it', async () => {
    const abha = JSON.stringify({
      hidn: '33-1199-8877-6655',
      phr: 'ritu.saini@abdm',
      name: 'Ritu Saini',
      gender: 'F',
      dob: '14-08-1996',
      mobile: '9711000003',
      'dist name': 'South Delhi',
      'state name': 'Delhi',
    });
    await counter.scanWithWedge(abha);
    await expect(counter.registrationForm).toBeVisible();
    await expect(page.getByTestId('reg-name')).toHaveValue('Ritu Saini');
    await expect(page.getByTestId('reg-phone')).toHaveValue('9711000003');
    await counter.page.screenshot({ path: testInfo.outputPath('03-abha-prefill.png') });
  });

  await test.step('When a scan lands in a field the clerk is typing in, the field keeps only what the clerk typed', async () => {
    await page.getByTestId('reg-name').fill('');
    await page.getByTestId('reg-name').focus();
    await counter.typeLikeAPerson('Ritu S');
    await counter.scanWithWedge('LNH-B26-000173-5'); // a UHID misread: its check digit fails
    await expect(counter.scanError).toHaveAttribute('data-reason', 'unrecognized');
    await expect(page.getByTestId('reg-name')).toHaveValue('Ritu S');
    await expect(counter.registrationForm).toBeVisible(); // Enter did not submit it
    await expect(page.getByTestId('reg-name')).toBeFocused();
  });

  await test.step('And Mohan is not registered twice: nothing was stored by the refused scans', async () => {
    const found = await counter.api<{ patients: { id: string }[] }>('patients.search', { query: 'Mohan Negi' });
    expect(found.patients.map((p) => p.id)).toEqual([mohan.id]);
  });
});

test('a serial (USB-COM) scanner read reaches the screen and shows the patient', async ({ page }, testInfo) => {
  const counter = new CardScanPage(page);
  await counter.open();
  const babu = await counter.registerPatient({ name: 'Babu Paswan', gender: 'male', ageYears: 66, phone: '9711000031' });
  const dir = mkdtempSync(join(tmpdir(), 'hims-e2e-pty-'));
  const pty = await startPtyPair(join(dir, 'scanner'), join(dir, 'ttyScanner'));
  try {
    await test.step('Given the serial scanner is set up on its port', async () => {
      await counter.api('scanners.configure', { serialPort: pty.hostPath, serialBaudRate: 9600 });
      await expect
        .poll(async () => (await counter.api<{ serialState: string }>('scanners.status', {})).serialState)
        .toBe('connected');
    });
    await test.step('When it reads his UHID, the counter screen shows him', async () => {
      pty.send(`${babu.uhid}\r\n`);
      await counter.expectPatientShown('Babu Paswan');
      await expect(counter.scanResult).toHaveAttribute('data-kind', 'uhid');
      await page.screenshot({ path: testInfo.outputPath('04-serial-scan.png') });
    });
  } finally {
    await counter.api('scanners.configure', { serialPort: null });
    await pty.stop();
  }
});

const WEBCAM_CASES: { kind: FrameKind; name: string; phone: string }[] = [
  { kind: 'clean', name: 'Anil Bisht', phone: '9711000011' },
  { kind: 'noisy-rotated', name: 'Seema Joshi', phone: '9711000012' },
  { kind: 'low-contrast', name: 'Imran Ansari', phone: '9711000013' },
  { kind: 'rotated', name: 'Rekha Thakur', phone: '9711000014' },
];

for (const c of WEBCAM_CASES) {
  test(`a fake webcam showing a ${c.kind} card finds the patient`, async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    const setup = new CardScanPage(page);
    await setup.open();
    const patient = await setup.registerPatient({ name: c.name, gender: 'other', ageYears: 40, phone: c.phone });
    const qr = await setup.issueCard(patient.id);
    const video = writeCardVideo(mkdtempSync(join(tmpdir(), 'hims-webcam-')), qr, c.kind);

    const browser = await launchWithFakeWebcam(video);
    try {
      const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1366, height: 800 } });
      const counter = new CardScanPage(await context.newPage());
      await test.step('Given the counter screen is open', async () => {
        await counter.open();
        await expect(counter.search).toBeFocused();
      });
      await test.step(`When I hold the ${c.kind} card to the webcam`, async () => {
        await counter.page.getByTestId('camera-open').click();
        await expect(counter.page.getByTestId('camera-scanner')).toBeVisible();
      });
      await test.step('Then it beeps, the camera closes and the patient is shown, verified', async () => {
        await counter.expectPatientShown(c.name);
        await expect(counter.page.getByTestId('camera-scanner')).toHaveCount(0);
        await expect(counter.scanResult).toHaveAttribute('data-state', 'verified');
        await counter.page.screenshot({ path: testInfo.outputPath(`webcam-${c.kind}.png`) });
      });
    } finally {
      await browser.close();
    }
  });
}

test('the camera view shows the frame guide while it looks, and Escape closes it', async ({ baseURL }, testInfo) => {
  const browser = await launchWithFakeWebcam(writeEmptyVideo(mkdtempSync(join(tmpdir(), 'hims-webcam-'))));
  try {
    const context = await browser.newContext({ baseURL: baseURL ?? BASE, viewport: { width: 1366, height: 800 } });
    const counter = new CardScanPage(await context.newPage());
    await counter.open();
    await test.step('When I press F4, the camera opens with a frame guide and asks for the card', async () => {
      await counter.page.keyboard.press('F4');
      await expect(counter.page.getByTestId('camera-status')).toContainText('green frame');
      await expect(counter.page.locator('.camera-guide')).toBeVisible();
      await counter.page.screenshot({ path: testInfo.outputPath('camera-guide.png') });
    });
    await test.step('When I press Escape, it closes and nothing was scanned', async () => {
      await counter.page.keyboard.press('Escape');
      await expect(counter.page.getByTestId('camera-scanner')).toHaveCount(0);
      await expect(counter.scanResult).toHaveCount(0);
    });
  } finally {
    await browser.close();
  }
});
