// Issue 13, "fewer keystrokes for the common case": a new adult registered by
// keyboard alone, counting every key that is not the data itself.
//
// Measured on the form as it was before (same patient, same data): 15 keys —
// Enter into the form, Tab past the other-script name, Tab to gender, the
// gender choice, Tab to age, Tab past the date-of-birth toggle, Tab past the
// prefilled mobile, Tab to relation, the relation choice, Tab to guardian, Tab
// to address, Tab past district, Tab past state, Tab to PIN, Enter — and the
// district and state still to be typed (17 more characters here).
// Now: Enter moves to the next empty field of the usual path, gender and
// relation take one key and move on, and the PIN fills district and state.
import { expect, test } from '@playwright/test';
import { CounterPage } from './pages/counter-page';
import { KeyCounter } from './pages/key-counter';

test('a new adult takes 8 keys beyond the data (it took 15, plus typing district and state)', async ({ page }, testInfo) => {
  const counter = new CounterPage(page);
  await counter.open();
  const keys = new KeyCounter(page);

  await test.step('When I type a mobile nobody has and press Enter, the form opens at the name', async () => {
    await keys.type('9810133344');
    await expect(page.getByTestId('reg-phone')).toHaveValue('9810133344');
    await keys.press('Enter');
    await expect(page.getByTestId('reg-name')).toBeFocused();
  });

  await test.step('Then name, Enter, one key for the sex, the age, Enter', async () => {
    await keys.type('Bhola Nath Tiwari');
    await keys.press('Enter');
    await expect(page.getByTestId('reg-gender')).toBeFocused();
    await keys.press('m');
    await expect(page.getByTestId('reg-gender')).toHaveValue('male');
    await expect(page.getByTestId('reg-age')).toBeFocused();
    await keys.type('52');
    await keys.press('Enter');
  });

  await test.step('The mobile came from the search: the cursor skips it to the relation; one key, guardian, Enter', async () => {
    await expect(page.getByTestId('reg-guardian-relation')).toBeFocused();
    await keys.press('s');
    await expect(page.getByTestId('reg-guardian-name')).toBeFocused();
    await keys.type('Ram Lal');
    await keys.press('Enter');
  });

  await test.step('Address, Enter, PIN: district and state fill themselves, and Enter registers', async () => {
    await expect(page.getByTestId('reg-address-line')).toBeFocused();
    await keys.type('12 Gali 3 Seelampur');
    await keys.press('Enter');
    await expect(page.getByTestId('reg-pincode')).toBeFocused();
    await keys.type('110053');
    await expect(page.getByTestId('reg-district')).toHaveValue('North East');
    await expect(page.getByTestId('reg-state')).toHaveValue('Delhi');
    await expect(page.getByTestId('reg-pin-places')).toContainText('दिल्ली');
    await counter.screenshot(testInfo, 'keystrokes-pin-filled');
    await keys.press('Enter');
    await expect(counter.patientPanel).toContainText('Bhola Nath Tiwari');
  });

  await test.step('Then the patient is registered as typed, with 8 keys beyond the data', async () => {
    await expect(counter.patientPanel).toContainText('S/o Ram Lal');
    await expect(counter.patientPanel).toContainText('North East, Delhi, 110053');
    expect(keys.overheadKeys).toEqual(['Enter', 'Enter', 'm', 'Enter', 's', 'Enter', 'Enter', 'Enter']);
    expect(keys.overhead).toBe(8);
  });
});
