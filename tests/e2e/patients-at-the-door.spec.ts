// Patients at the door as a clerk and a supervisor do it, in Debian's Chromium against the
// browser shell: the unknown patient brought by the police (with an MLC), the
// MLC register, the newborn from the mother's record, merging duplicates and
// undoing it, ID proof, the PIN directory, and a photo from the webcam.
// Screenshots of each in English and Hindi land in test-results/e2e/.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { verhoeffDigit } from '../../main/patients/verhoeff';
import { DoorPage } from './pages/door-page';
import { launchWithFakeWebcam, writeFaceVideo } from './pages/fake-webcam';

interface Registered {
  id: string;
  uhid: string;
  name: string;
  version: number;
}

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 5188}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('an unknown patient brought by the police: Casualty token at once with the MLC, identified later', async ({
  page,
}, testInfo) => {
  const door = new DoorPage(page);
  await door.open();
  let label = '';

  await test.step('When I press Alt+E and give only sex, an age and who brought him, with the MLC', async () => {
    await door.registerEmergency({
      sexKey: 'm',
      age: 35,
      broughtBy: 'PCR van, PS Kotwali',
      mlc: { number: 'MLC/2026/0417', station: 'PS Kotwali', officer: 'Constable Suresh Yadav' },
    });
    await door.screenshot(testInfo, 'emergency-en');
    label = await door.submitEmergency();
  });

  await test.step('Then a Casualty token is issued at once, and he is in the queue as "Unknown Male 35"', async () => {
    await expect(door.issuedToken).toContainText('Casualty / Emergency');
    await expect(door.queueRows.filter({ hasText: label })).toContainText(/Unknown Male 35 — \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await door.screenshot(testInfo, 'emergency-token-en');
  });

  await test.step('When I find him and identify him, the name changes and the temporary name stays on record', async () => {
    await door.typeSearch('unknown male');
    await expect(door.results.first()).toContainText(label);
    await expect(door.results.first().getByTestId('result-unidentified')).toBeVisible();
    await door.search.press('Enter');
    await expect(page.getByTestId('patient-unidentified')).toContainText('PCR van, PS Kotwali');
    await page.getByTestId('identify-open').click();
    await page.getByTestId('identify-name').fill('Rakesh Yadav');
    await page.getByTestId('identify-phone').fill('9811000411');
    await page.getByTestId('identify-pincode').fill('110006');
    await door.screenshot(testInfo, 'identify-en');
    await page.getByTestId('identify-submit').click();
    await expect(door.patientPanel.locator('#patient-name')).toContainText('Rakesh Yadav');
    await expect(page.getByTestId('patient-temporary-name')).toContainText('Unknown Male 35');
    await expect(door.patientPanel).toContainText('Delhi, 110006');
    await expect(page.getByTestId('patient-unidentified')).toBeHidden();
  });

  await test.step('And the same screens read in Hindi', async () => {
    await door.switchLanguage();
    await expect(page.getByTestId('patient-temporary-name')).toContainText('अज्ञात');
    await door.screenshot(testInfo, 'identified-hi');
    await page.keyboard.press('Escape');
    await door.registerEmergency({ sexKey: 'f', age: 60, broughtBy: 'पड़ोसी' });
    await expect(door.emergency).toContainText('आपातकाल');
    await door.screenshot(testInfo, 'emergency-hi');
    await page.getByTestId('emergency-dialog-close').click();
  });
});

test('a supervisor reads the MLC register for a date range; an MLC on an ordinary token too', async ({ page }, testInfo) => {
  const door = new DoorPage(page);
  await door.open();
  const ram = await door.api<Registered>('patients.register', {
    name: 'Mahesh Chand',
    gender: 'male',
    ageYears: 41,
    phone: '9811000521',
  });
  await test.step('When I tick Medico-legal case on a token, the MLC goes with it', async () => {
    await door.findAndOpen(ram.uhid, 'Mahesh Chand');
    await page.getByTestId('token-mlc').check();
    await page.getByTestId('mlc-number').fill('MLC/2026/0431');
    await page.getByTestId('mlc-police-station').fill('PS Daryaganj');
    await page.getByTestId('mlc-brought-by').fill('SI Anil Kumar');
    await door.screenshot(testInfo, 'mlc-token-en');
    await door.issueToken('2', 'SURG');
  });
  await test.step('Then the MLC register lists it for today', async () => {
    await page.getByTestId('mlc-register-open').click();
    const row = page.getByTestId('mlc-row').filter({ hasText: 'MLC/2026/0431' });
    await expect(row).toContainText('PS Daryaganj');
    await expect(row).toContainText('Mahesh Chand');
    await expect(row).toContainText(/\d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
    await door.screenshot(testInfo, 'mlc-register-en');
    await page.getByTestId('mlc-register-close').click();
    await door.switchLanguage();
    await page.getByTestId('mlc-register-open').click();
    await expect(page.getByTestId('mlc-register')).toContainText('MLC रजिस्टर');
    await door.screenshot(testInfo, 'mlc-register-hi');
  });
});

test("a baby registered from the mother's record; a birth time still to come is refused", async ({ page }, testInfo) => {
  const door = new DoorPage(page);
  await door.open();
  const mother = await door.api<Registered>('patients.register', {
    name: 'Sunita Devi',
    gender: 'female',
    ageYears: 27,
    phone: '9810130011',
    address: { line: 'H.No. 12, Gali 4, Seelampur', pincode: '110053' },
  });
  await door.findAndOpen(mother.uhid, 'Sunita Devi');

  await test.step('When I choose "Register baby" and give a date of birth tomorrow, it is refused at the date', async () => {
    await page.getByTestId('newborn-open').click();
    await expect(page.getByTestId('newborn-gender')).toBeFocused();
    await page.keyboard.press('f');
    await expect(page.getByTestId('newborn-gender')).toHaveValue('female');
    await expect(page.getByTestId('newborn-time')).toBeFocused();
    const tomorrow = new Date(Date.now() + 30 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    await page.getByTestId('newborn-date').fill(tomorrow);
    await page.getByTestId('newborn-time').fill('06:40');
    await expect(page.getByTestId('newborn-date')).toHaveValue(tomorrow);
    await page.getByTestId('newborn-submit').click();
    await expect(page.getByTestId('newborn-time-error')).toHaveText('The date and time of birth cannot be later than now.');
    await door.screenshot(testInfo, 'newborn-refused-en');
  });

  await test.step('Then with today at 00:05 the baby is registered, her mother linked and her address copied', async () => {
    const today = await page.getByTestId('today').getAttribute('datetime');
    await page.getByTestId('newborn-date').fill(today!.split('-').reverse().join('/'));
    await page.getByTestId('newborn-time').fill('00:05');
    await page.getByTestId('newborn-submit').click();
    await expect(door.patientPanel.locator('#patient-name')).toContainText('Baby of Sunita Devi');
    await expect(page.getByTestId('patient-mother')).toContainText(`Sunita Devi · ${mother.uhid}`);
    await expect(door.patientPanel).toContainText('D/o Sunita Devi');
    await expect(door.patientPanel).toContainText('Seelampur');
    await door.screenshot(testInfo, 'newborn-en');
    await door.switchLanguage();
    await expect(page.getByTestId('patient-mother')).toContainText('माँ');
    await door.screenshot(testInfo, 'newborn-hi');
    // The mother's record, one click away, offers "Register baby" in Hindi too.
    await page.getByTestId('patient-mother').getByRole('button').click();
    await expect(door.patientPanel.locator('#patient-name')).toContainText('Sunita Devi');
    await page.getByTestId('newborn-open').click();
    await expect(page.getByTestId('newborn-dialog')).toContainText('शिशु का पंजीकरण');
    await door.screenshot(testInfo, 'newborn-dialog-hi');
    await page.getByTestId('newborn-dialog-close').click();
  });
});

test('a supervisor merges a duplicate (token and all), a search of its UHID opens the survivor, and the merge is undone', async ({
  page,
}, testInfo) => {
  const door = new DoorPage(page);
  await door.open();
  const first = await door.api<Registered>('patients.register', {
    name: 'Jagdish Prasad',
    gender: 'male',
    ageYears: 58,
    phone: '9811000631',
  });
  const twin = await door.api<Registered>('patients.register', {
    name: 'Jagdish Prasad Verma',
    gender: 'male',
    ageYears: 59,
    phone: '9811000631',
    confirmNotDuplicate: true,
  });
  await door.api('tokens.issue', { patientId: twin.id, departmentCode: 'EYE' });

  await test.step('When I open Duplicates, the pair is listed, and I keep the first record', async () => {
    await page.getByTestId('duplicates-open').click();
    const pair = page.getByTestId('duplicate-pair').filter({ hasText: twin.uhid });
    await expect(pair).toContainText(first.uhid);
    await door.screenshot(testInfo, 'duplicates-en');
    await pair.getByTestId('merge-keep-a').click();
    await expect(page.getByTestId('merge-row').first()).toContainText(
      `Jagdish Prasad Verma (${twin.uhid}) merged into Jagdish Prasad (${first.uhid})`,
    );
    await expect(page.getByTestId('merge-row').first()).toContainText('Moved: 1 token(s), 0 card(s)');
    await door.screenshot(testInfo, 'merged-en');
    await page.getByTestId('duplicates-dialog-close').click();
  });

  await test.step("Then searching the duplicate's UHID opens the survivor and says so, with the moved token", async () => {
    await door.typeSearch(twin.uhid);
    await expect(page.getByTestId('search-merged')).toContainText(`UHID ${twin.uhid} was merged into Jagdish Prasad`);
    await door.search.press('Enter');
    await expect(door.patientPanel.locator('#patient-name')).toContainText('Jagdish Prasad');
    await expect(page.getByTestId('patient-uhid')).toHaveText(first.uhid);
    await expect(page.getByTestId('tokens-today')).toContainText('Ophthalmology');
    await door.screenshot(testInfo, 'merged-search-en');
    await door.switchLanguage();
    await expect(page.getByTestId('search-merged')).toContainText('विलय');
    await door.screenshot(testInfo, 'merged-search-hi');
  });

  await test.step('When I undo the merge, the duplicate is a patient of its own again', async () => {
    await page.getByTestId('duplicates-open').click();
    await door.screenshot(testInfo, 'duplicates-hi');
    await page.getByTestId('merge-row').first().getByTestId('merge-undo').click();
    await expect(page.getByTestId('merge-row').first()).toHaveAttribute('data-undone', 'true');
    await page.getByTestId('duplicates-dialog-close').click();
    await door.openByUhid(twin.uhid, 'Jagdish Prasad Verma');
    await expect(page.getByTestId('search-merged')).toBeHidden();
  });
});

test('ID proof: an Aadhaar typed at registration is kept masked and is nowhere in the data folder; a wrong one is refused', async ({
  page,
}, testInfo) => {
  const door = new DoorPage(page);
  await door.open();
  const first11 = '74839201567';
  const aadhaar = `${first11}${verhoeffDigit(first11)}`;
  const typed = `${aadhaar.slice(0, 4)} ${aadhaar.slice(4, 8)} ${aadhaar.slice(8)}`;
  await door.typeSearch('Kavita Rani');
  await page.getByTestId('reg-gender').selectOption('female');
  await page.getByTestId('reg-age').fill('33');
  await page.getByTestId('reg-id-proof-type').selectOption('aadhaar');

  await test.step('When the Aadhaar number has a wrong digit, the field says so and nothing is saved', async () => {
    const wrong = `${typed.slice(0, 13)}${(Number(typed[13]) + 1) % 10}`;
    await page.getByTestId('reg-id-proof-number').fill(wrong);
    await page.getByTestId('reg-submit').click();
    await expect(page.getByTestId('error-idProof.number')).toContainText('12-digit Aadhaar number');
    await door.screenshot(testInfo, 'aadhaar-refused-en');
  });

  await test.step('Then the right number registers her, shown masked', async () => {
    await page.getByTestId('reg-id-proof-number').fill(typed);
    await page.getByTestId('reg-submit').click();
    await expect(page.getByTestId('patient-id-proof')).toHaveText(`Aadhaar: XXXX-XXXX-${aadhaar.slice(8)}`);
    await door.screenshot(testInfo, 'aadhaar-masked-en');
    await door.switchLanguage();
    await expect(page.getByTestId('patient-id-proof')).toContainText('आधार');
    await door.screenshot(testInfo, 'aadhaar-masked-hi');
  });

  await test.step('And neither the number nor its first eight digits are in any file of the data folder', () => {
    const dataDir = process.env.E2E_DATA_DIR!;
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('counter.sqlite-wal'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1');
      for (const form of [aadhaar, typed, aadhaar.slice(0, 8), typed.slice(0, 9)])
        expect(bytes.includes(form), `${form} in ${file}`).toBe(false);
    }
  });
});

test('the PIN fills district and state in both languages; an unknown PIN is a field error; districts are type-ahead without a PIN', async ({
  page,
}, testInfo) => {
  const door = new DoorPage(page);
  await door.open();
  await door.typeSearch('Pooja Sharma');
  await test.step('When I type a PIN India Post has, district and state fill themselves', async () => {
    await page.getByTestId('reg-pincode').fill('226001');
    await expect(page.getByTestId('reg-district')).toHaveValue('Lucknow');
    await expect(page.getByTestId('reg-state')).toHaveValue('Uttar Pradesh');
    await expect(page.getByTestId('reg-pin-places')).toHaveText('Lucknow, Uttar Pradesh (उत्तर प्रदेश)');
    await door.screenshot(testInfo, 'pin-filled-en');
  });
  await test.step('When I type one it does not have, the PIN field says so at once', async () => {
    await page.getByTestId('reg-pincode').fill('999999');
    await expect(page.getByTestId('error-address.pincode')).toContainText('India Post directory');
    await door.screenshot(testInfo, 'pin-unknown-en');
    await door.switchLanguage();
    await expect(page.getByTestId('error-address.pincode')).toContainText('पिन कोड');
    await door.screenshot(testInfo, 'pin-unknown-hi');
  });
  await test.step('Without a PIN, district and state are offered as I type', async () => {
    await page.getByTestId('reg-pincode').fill('');
    await page.getByTestId('reg-state').fill('Uttar Pradesh');
    await page.getByTestId('reg-district').fill('');
    await page.getByTestId('reg-district').pressSequentially('Luck', { delay: 60 });
    await expect(page.locator('#reg-district-list option[value="Lucknow"]')).toHaveCount(1);
    await expect(page.locator('#reg-state-list option[value="Delhi"]')).toHaveText('दिल्ली');
  });
});

test('a photo from the webcam, with consent, about 20 KB, shown in the patient panel', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const setup = new DoorPage(page);
  await setup.open();
  const geeta = await setup.api<Registered>('patients.register', {
    name: 'Geeta Kumari',
    gender: 'female',
    ageYears: 45,
    phone: '9811000741',
  });
  const browser = await launchWithFakeWebcam(writeFaceVideo(mkdtempSync(join(tmpdir(), 'hims-face-'))));
  try {
    const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1366, height: 800 } });
    const door = new DoorPage(await context.newPage());
    await door.open();
    await door.findAndOpen(geeta.uhid, 'Geeta Kumari');
    const photoPage = door.page;
    await test.step('When I take a photo, it is kept only after the consent is ticked', async () => {
      await photoPage.getByTestId('photo-open').click();
      await expect(photoPage.getByTestId('photo-snap')).toBeEnabled({ timeout: 15_000 });
      await door.screenshot(testInfo, 'photo-camera-en');
      await photoPage.getByTestId('photo-snap').click();
      const preview = photoPage.getByTestId('photo-preview');
      await expect(preview).toBeVisible();
      const bytes = Number(await preview.getAttribute('data-bytes'));
      expect(bytes).toBeGreaterThan(1_000);
      expect(bytes).toBeLessThanOrEqual(24 * 1024);
      await expect(photoPage.getByTestId('photo-save')).toBeDisabled();
      await photoPage.getByTestId('photo-consent').check();
      await door.screenshot(testInfo, 'photo-preview-en');
      await photoPage.getByTestId('photo-save').click();
    });
    await test.step('Then the panel shows it, in either language', async () => {
      await expect(photoPage.getByTestId('patient-photo')).toBeVisible();
      const size = await photoPage
        .getByTestId('patient-photo')
        .evaluate((img) => [
          (img as unknown as { naturalWidth: number }).naturalWidth,
          (img as unknown as { naturalHeight: number }).naturalHeight,
        ]);
      expect(size).toEqual([192, 240]);
      await door.screenshot(testInfo, 'photo-panel-en');
      await door.switchLanguage();
      await expect(photoPage.getByTestId('photo-open')).toHaveText('नई फ़ोटो');
      await door.screenshot(testInfo, 'photo-panel-hi');
      await photoPage.getByTestId('photo-open').click();
      await expect(photoPage.getByTestId('photo-capture')).toContainText('की फ़ोटो');
      await expect(photoPage.getByTestId('photo-snap')).toBeEnabled({ timeout: 15_000 });
      await door.screenshot(testInfo, 'photo-camera-hi');
      await photoPage.getByTestId('photo-capture-close').click();
    });
    await context.close();
  } finally {
    await browser.close();
  }
});
