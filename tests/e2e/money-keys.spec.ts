// Cash, Fees and Reports have keys of their own, shown on their buttons like
// every other key of the counter screen, read by the key's place so a Hindi
// InScript keyboard opens them too.
import { expect, test } from '@playwright/test';
import { CounterPage } from './pages/counter-page';
import { inscriptKey } from './pages/inscript';
import { KeyRhythm } from './pages/key-rhythm';

const SCREENS = [
  { name: 'Cash', button: 'cash-open', dialog: 'cash', key: 'C' },
  { name: 'Fees', button: 'fees-open', dialog: 'fees', key: 'S' },
  { name: 'Reports', button: 'reports-open', dialog: 'reports', key: 'R' },
];

test('Alt+C, Alt+S and Alt+R open Cash, Fees and Reports, each shown on its button, on a Hindi keyboard too', async ({
  page,
}) => {
  const counter = new CounterPage(page);
  await counter.open();
  const keys = new KeyRhythm(page);

  for (const s of SCREENS) {
    await test.step(`${s.name}: its button shows Alt+${s.key}, and the key opens it`, async () => {
      await expect(page.getByTestId(s.button)).toContainText(`Alt+${s.key}`);
      await page.keyboard.press(`Alt+${s.key.toLowerCase()}`);
      await expect(page.getByTestId(s.dialog)).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId(s.dialog)).toHaveCount(0);
      await expect(counter.search).toBeFocused();
    });
  }

  await test.step('In Hindi with an InScript keyboard, Alt and the key marked C (म) opens Cash', async () => {
    await counter.switchLanguage();
    await counter.search.focus();
    await keys.play([{ ...inscriptKey('KeyC'), alt: true, at: 0 }]);
    await expect(page.getByTestId('cash')).toBeVisible();
    await page.keyboard.press('Escape');
    await counter.switchLanguage();
  });
});
