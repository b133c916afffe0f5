// One-key choices on a Hindi InScript keyboard: the M key types "स", the T key
// "ू", yet sex, relation and department are picked by the letter printed on
// the key, as the room screen's keys already were. Key events carry the
// InScript character and the key's place, as Chromium gets them from a
// clerk's keyboard set to Hindi.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, apiValue } from './pages/desk-session';
import { CounterPage } from './pages/counter-page';
import { inscriptKey, inscriptScan, inscriptStrokes, linuxNumberRow } from './pages/inscript';
import { KeyRhythm } from './pages/key-rhythm';
import { scanStrokes } from '../support/key-strokes';

test('on a Hindi InScript keyboard the one-key choices go by the key’s place: sex, relation, department, and the emergency form’s sex', async ({
  page,
}) => {
  const counter = new CounterPage(page);
  await counter.open(ACCOUNTS.admin);
  const keys = new KeyRhythm(page);
  await counter.registerByApi({ name: 'Hari Prasad', gender: 'male', ageYears: 60, phone: '9711300001' });

  await test.step('Given the screen in Hindi', async () => {
    await counter.switchLanguage();
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('data-lang', 'hi');
    await counter.search.focus();
  });

  await test.step('In the registration form, M (स) picks male and S (े) “son of”, each moving on', async () => {
    await page.keyboard.press('F2');
    await expect(page.getByTestId('reg-name')).toBeFocused();
    await keys.play(inscriptStrokes('भोला', 90));
    await expect(page.getByTestId('reg-name')).toHaveValue('भोला');
    await keys.play([{ key: 'Enter', at: 0 }]);
    await expect(page.getByTestId('reg-gender')).toBeFocused();
    await keys.play([{ ...inscriptKey('KeyM'), at: 0 }]);
    await expect(page.getByTestId('reg-gender')).toHaveValue('male');
    await expect(page.getByTestId('reg-age')).toBeFocused();
    await page.getByTestId('reg-guardian-relation').focus();
    await keys.play([{ ...inscriptKey('KeyS'), at: 0 }]);
    await expect(page.getByTestId('reg-guardian-relation')).toHaveValue('S/o');
    await expect(page.getByTestId('reg-guardian-name')).toBeFocused();
    await page.keyboard.press('Escape');
  });

  await test.step('With a patient open, T (ू) picks Respiratory Medicine, whose key is T', async () => {
    await counter.typeSearch('9711300001');
    await counter.search.press('Enter');
    await expect(counter.patientPanel).toContainText('Hari Prasad');
    await keys.play([{ ...inscriptKey('KeyT'), at: 0 }]);
    await expect(page.getByTestId('dept-CHEST')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
  });

  await test.step('In the emergency form, F (ि) picks female and moves on to the age', async () => {
    await page.keyboard.press('Alt+e');
    await expect(page.getByTestId('emergency-gender')).toBeFocused();
    await keys.play([{ ...inscriptKey('KeyF'), at: 0 }]);
    await expect(page.getByTestId('emergency-gender')).toHaveValue('female');
    await expect(page.getByTestId('emergency-age')).toBeFocused();
  });
});

test('on Linux’s Hindi InScript keyboard a mobile typed on the number row (०-९) finds the patient, and a card scanned with the keyboard still in Hindi opens them', async ({
  page,
}) => {
  const counter = new CounterPage(page);
  await counter.open(ACCOUNTS.admin);
  const keys = new KeyRhythm(page);
  const patient = await counter.registerByApi({ name: 'Gomti Bai', gender: 'female', ageYears: 52, phone: '9711300002' });
  const { uhid } = await apiValue<{ uhid: string }>(page.request, 'patients.get', { id: patient.id });

  await test.step('The number row types ९७११३००००२: the search box holds 9711300002 and finds her', async () => {
    await counter.search.focus();
    await keys.play(linuxNumberRow('9711300002', 90));
    await expect(counter.search).toHaveValue('9711300002');
    await expect(counter.results.first()).toContainText('Gomti Bai');
    await page.keyboard.press('Escape');
  });

  await test.step('A wedge scan of her UHID, which the Hindi layout types as थळफ-ऴ२६-…, opens her', async () => {
    await counter.search.focus();
    const cdp = await page.context().newCDPSession(page);
    await scanStrokes(cdp, inscriptScan(uhid));
    await expect(counter.patientPanel).toContainText('Gomti Bai');
    await expect(counter.search).toHaveValue('');
  });
});
