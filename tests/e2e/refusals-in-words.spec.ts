// Refusals as a clerk reads them: in the language of the screen, once, at the
// field they are about. The unknown PIN keeps its mark when Ctrl+Enter finds
// other mistakes, and the quick forms at the door say what is missing at each
// field, with Enter working from their sex select; the Casualty room is named
// in Hindi on a Hindi screen.
import { expect, test, type Locator } from '@playwright/test';
import { DoorPage } from './pages/door-page';

/** Two English words in a row: a sentence a Hindi screen must not show (ABHA, M/F/O, DD-MM-YYYY are fine). */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/;

async function expectNoEnglish(locator: Locator) {
  const text = (await locator.allInnerTexts()).join(' ').replace(/\s+/g, ' ');
  expect(text, text).not.toMatch(ENGLISH_SENTENCE);
}

test('a refused mobile number and an unknown PIN: in Hindi only Hindi, in English said once; the PIN keeps its mark', async ({
  page,
}, testInfo) => {
  const door = new DoorPage(page);
  await door.open();
  await door.typeSearch('Pooja Sharma');
  const pinError = page.getByTestId('error-address.pincode');
  const phoneError = page.getByTestId('error-phone');

  await test.step('When I type a PIN India Post does not have, it is marked at once', async () => {
    await page.getByTestId('reg-pincode').fill('999999');
    await expect(pinError).toHaveText('This PIN code is not in the India Post directory.');
  });

  await test.step('And Ctrl+Enter with a wrong mobile number marks the mobile and keeps the PIN marked', async () => {
    await page.getByTestId('reg-gender').selectOption('female');
    await page.getByTestId('reg-age').fill('30');
    await page.getByTestId('reg-phone').fill('12345');
    await page.getByTestId('reg-phone').press('Control+Enter');
    await expect(phoneError).toHaveText('Enter a 10-digit mobile number starting with 6, 7, 8 or 9.');
    await expect(pinError).toHaveText('This PIN code is not in the India Post directory.');
    await expect(page.getByTestId('reg-pincode')).toHaveAttribute('aria-invalid', 'true');
    // Once: not again under the form, nor as the core's English.
    await expect(page.getByText(/10-digit/)).toHaveCount(1);
    await expect(page.getByText(/must be a 10-digit Indian mobile/)).toHaveCount(0);
    await door.screenshot(testInfo, 'refusals-en');
  });

  await test.step('In Hindi the same refusals are Hindi sentences, with no English beside them', async () => {
    await door.switchLanguage();
    await expect(phoneError).toHaveText('6, 7, 8 या 9 से शुरू होने वाला 10 अंकों का मोबाइल नंबर लिखें।');
    await expect(pinError).toHaveText('यह पिन कोड इंडिया पोस्ट की सूची में नहीं है।');
    await expectNoEnglish(page.getByTestId('registration-form').locator('.field-error, .form-errors'));
    await door.screenshot(testInfo, 'refusals-hi');
  });

  await test.step('A refusal the core finds after the form passes (the PIN itself) is Hindi too', async () => {
    await page.getByTestId('reg-phone').fill('9811000123');
    await page.getByTestId('reg-phone').press('Control+Enter');
    await expect(pinError).toHaveText('यह पिन कोड इंडिया पोस्ट की सूची में नहीं है।');
    await expect(phoneError).toHaveCount(0);
    await expectNoEnglish(page.getByTestId('registration-form'));
  });
});

test('the emergency and newborn forms say what is missing at each field, and Enter works on their sex select', async ({
  page,
}) => {
  const door = new DoorPage(page);
  await door.open();

  await test.step('Enter on the emergency sex select with nothing chosen marks the sex there, not at the bottom', async () => {
    await page.keyboard.press('Alt+e');
    await expect(page.getByTestId('emergency-gender')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('emergency-gender-error')).toHaveText('Choose the sex: press M, F or O.');
    await expect(page.getByTestId('emergency-age-error')).toHaveText('Enter an approximate age in whole years (0–130).');
    await expect(page.getByTestId('emergency-gender')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('emergency-gender')).toBeFocused();
    await expect(page.getByTestId('emergency-problem')).toHaveCount(0);
  });

  await test.step('M picks the sex and clears its mark; the age keeps its own', async () => {
    await page.keyboard.press('m');
    await expect(page.getByTestId('emergency-age')).toBeFocused();
    await expect(page.getByTestId('emergency-gender-error')).toHaveCount(0);
    await expect(page.getByTestId('emergency-age-error')).toBeVisible();
  });

  await test.step('With an age, Enter on the sex select registers him', async () => {
    await page.keyboard.type('35', { delay: 90 });
    await page.getByTestId('emergency-gender').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('emergency-dialog')).toBeHidden();
    await expect(door.issuedToken).toBeVisible();
  });

  await test.step('His Casualty room reads in Hindi on a Hindi screen, not "कमरा Casualty"', async () => {
    await expect(door.issuedToken).toContainText('Room Casualty');
    await door.switchLanguage();
    await expect(door.issuedToken).toContainText('कमरा कैजुअल्टी');
    await expect(door.issuedToken).not.toContainText('Casualty');
    await door.switchLanguage();
  });

  await test.step('The newborn form marks a missing time at the time field', async () => {
    await page.keyboard.press('Escape');
    const mother = await door.registerByApi({ name: 'Kamla Devi', gender: 'female', ageYears: 26, phone: '9811000456' });
    expect(mother.id).toBeTruthy();
    await door.findAndOpen('9811000456', 'Kamla Devi');
    await page.getByTestId('newborn-open').click();
    await expect(page.getByTestId('newborn-gender')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('newborn-gender-error')).toHaveText("Choose the baby's sex: press M, F or O.");
    await expect(page.getByTestId('newborn-time-error')).toHaveText('Enter the time of birth like 14:05.');
    await expect(page.getByTestId('newborn-date-error')).toHaveCount(0);
    await expect(page.getByTestId('newborn-gender')).toBeFocused();
  });
});
