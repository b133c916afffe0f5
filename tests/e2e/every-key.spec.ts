// Every key a clerk presses does what it says, while a keyboard-wedge scanner
// is still told apart: Space ticks and presses, a select jumps to the letter
// typed, a key right after a one-key choice lands in the next field, and a
// scanner's burst reaches the search box as one input, not a character at a
// time. Keys are real key events from Chromium (the page's default actions
// run only for those).
import { expect, test, type Page } from '@playwright/test';
import { CardScanPage } from './pages/card-scan-page';
import { KeyRhythm } from './pages/key-rhythm';

/** Counts the input events the search box gets from now on. */
async function countSearchInputs(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(`(() => {
    window.searchInputs = 0;
    if (window.searchInputsHeard) return;
    window.searchInputsHeard = true;
    document.getElementById('patient-search').addEventListener('input', () => window.searchInputs++);
  })()`);
  return () => page.evaluate<number>('window.searchInputs');
}

test('a scan opens the patient, Space ticks a checkbox and presses a button, a select takes a letter, and a scan still fires no key', async ({
  page,
}) => {
  const counter = new CardScanPage(page);
  await counter.open();
  const asha = await counter.registerPatient({ name: 'Asha Kumari Keys', gender: 'female', ageYears: 41, phone: '9711200001' });
  const ravi = await counter.registerPatient({ name: 'Ravi Verma', gender: 'male', ageYears: 44, phone: '9711200002' });

  await test.step('When the scanner reads her UHID, her record opens', async () => {
    await counter.scanWithWedge(asha.uhid);
    await counter.expectPatientShown('Asha Kumari Keys');
  });

  await test.step('Space on the focused "Medico-legal case" box ticks it (the cursor goes to its number), and again unticks it', async () => {
    const mlc = page.getByTestId('token-mlc');
    await mlc.focus();
    await page.keyboard.press('Space');
    await expect(mlc).toBeChecked();
    await expect(page.getByTestId('mlc-number')).toBeFocused();
    await mlc.focus();
    await page.keyboard.press('Space');
    await expect(mlc).not.toBeChecked();
  });

  await test.step('Space on a focused department button presses it', async () => {
    await page.getByTestId('dept-SURG').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('dept-SURG')).toHaveAttribute('aria-pressed', 'true');
  });

  await test.step('A letter on the focused priority list picks the option it starts', async () => {
    await page.getByTestId('token-priority').focus();
    await page.keyboard.press('p');
    await expect(page.getByTestId('token-priority')).toHaveValue('pregnant');
  });

  await test.step('With the cursor on a department button, the scanner reads his UHID: his record opens, nothing pressed or issued', async () => {
    await page.getByTestId('dept-ENT').focus();
    await counter.scanWithWedge(ravi.uhid);
    await counter.expectPatientShown('Ravi Verma');
    await expect(page.locator('[data-testid^="dept-"][aria-pressed="true"]')).toHaveCount(0);
    await expect(counter.issuedToken).toHaveCount(0);
    expect(await counter.api<unknown[]>('tokens.list', { patientId: ravi.id })).toHaveLength(0);
  });
});

test('a scanner’s burst reaches the search box as one input, card or not', async ({ page }) => {
  const counter = new CardScanPage(page);
  await counter.open();
  const meena = await counter.registerPatient({ name: 'Meena Joshi', gender: 'female', ageYears: 36, phone: '9711200003' });

  await test.step('When a tool sends her mobile number fast and Enter, she is found, and the box had two inputs at most', async () => {
    const inputs = await countSearchInputs(page);
    await counter.scanWithWedge('9711200003');
    await counter.expectPatientShown('Meena Joshi');
    // The first key the browser typed (nobody can tell it from a person's), the other nine at once.
    expect(await inputs()).toBeLessThanOrEqual(2);
  });

  await test.step('When the scanner reads her UHID into the box, her record opens and the box had two inputs at most', async () => {
    await page.keyboard.press('Escape');
    await expect(counter.search).toBeFocused();
    const inputs = await countSearchInputs(page);
    await counter.scanWithWedge(meena.uhid);
    await counter.expectPatientShown('Meena Joshi');
    await expect(counter.search).toHaveValue('');
    // The first key, and the box given back its value when the burst proved a card.
    expect(await inputs()).toBeLessThanOrEqual(2);
  });
});

test('a key typed 60 ms after a one-key choice lands in the next field', async ({ page }) => {
  const counter = new CardScanPage(page);
  await counter.open();
  const rhythm = new KeyRhythm(page);

  await test.step('Given the registration form at the name', async () => {
    await page.keyboard.press('F2');
    await expect(page.getByTestId('reg-name')).toBeFocused();
    await page.keyboard.type('Kishan Lal', { delay: 90 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('reg-gender')).toBeFocused();
  });

  await test.step('When I press M and the age 34 right after (60 ms, then 120 ms), the age is 34', async () => {
    await rhythm.play([
      { key: 'm', at: 0 },
      { key: '3', at: 60 },
      { key: '4', at: 180 },
    ]);
    await expect(page.getByTestId('reg-gender')).toHaveValue('male');
    await expect(page.getByTestId('reg-age')).toHaveValue('34');
  });

  await test.step('Tab to "exact date of birth known", Space ticks it and the cursor is in the date', async () => {
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('reg-age-mode')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('reg-age-mode')).toBeChecked();
    await expect(page.getByTestId('reg-dob')).toBeFocused();
  });

  await test.step('And S for the relation with the guardian’s name right after, the name is whole', async () => {
    await page.getByTestId('reg-guardian-relation').focus();
    await rhythm.play([{ key: 's', at: 0 }, ...KeyRhythm.typed('Ram', 120, 60)]);
    await expect(page.getByTestId('reg-guardian-relation')).toHaveValue('S/o');
    await expect(page.getByTestId('reg-guardian-name')).toHaveValue('Ram');
  });
});
