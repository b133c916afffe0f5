// The queue beside the search box by keyboard: the department tabs are one
// Tab stop with the arrow keys inside (WAI-ARIA tabs), the token list is a
// list inside the tab panel, and a row's moves are one menu (WAI-ARIA menu
// button), not three buttons to Tab through.
import { expect, test } from '@playwright/test';
import { apiValue } from './pages/desk-session';
import { CounterPage } from './pages/counter-page';

test('department tabs are one Tab stop with arrows inside; a row’s moves are one menu', async ({ page }) => {
  const counter = new CounterPage(page);
  const labels: string[] = [];
  for (const [i, name] of ['Tab Keys Asha', 'Tab Keys Bina'].entries()) {
    const patient = await counter.registerByApi({ name, gender: 'female', ageYears: 40 + i, phone: `971160000${i}` });
    labels.push(
      (await apiValue<{ label: string }>(page.request, 'tokens.issue', { patientId: patient.id, departmentCode: 'EYE' })).label,
    );
  }
  await counter.open();
  const tabs = page.getByRole('tab');
  const eye = page.getByTestId('queue-tab-EYE');

  await test.step('Given Ophthalmology’s queue shown, its tab has the cursor', async () => {
    await counter.showQueue('EYE');
    await expect(eye).toHaveAttribute('aria-selected', 'true');
    await eye.focus();
  });

  await test.step('Tab leaves the tabs at once, and only the shown tab is a Tab stop', async () => {
    await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
    await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveAttribute('data-testid', 'queue-tab-EYE');
    await page.keyboard.press('Tab');
    await expect(page.locator('[role="tab"]:focus')).toHaveCount(0);
    await page.keyboard.press('Shift+Tab');
    await expect(eye).toBeFocused();
  });

  await test.step('→ shows the next department, ← comes back, End and Home go to the last and the first', async () => {
    const count = await tabs.count();
    const next = page.locator('[data-testid="queue-tab-EYE"] + [role="tab"]');
    await page.keyboard.press('ArrowRight');
    await expect(next).toBeFocused();
    await expect(next).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(eye).toBeFocused();
    await expect(counter.queueRows.filter({ hasText: 'Tab Keys' })).toHaveCount(2);
    await page.keyboard.press('End');
    await expect(tabs.nth(count - 1)).toBeFocused();
    await expect(tabs.nth(count - 1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
    await eye.click();
  });

  await test.step('The tokens are a list inside the tab panel, which the shown tab names', async () => {
    const panel = page.getByRole('tabpanel');
    await expect(panel).toHaveAttribute('aria-labelledby', 'queue-tab-EYE');
    await expect(panel.locator('ol:not([role]) > li[data-testid="queue-row"]').filter({ hasText: 'Tab Keys' })).toHaveCount(2);
  });

  await test.step('Each row is one Tab stop: its moves open as a menu with ↓, ↓ ↑ walk it, Enter chooses', async () => {
    const first = counter.queueRows.filter({ hasText: labels[0]! });
    const second = counter.queueRows.filter({ hasText: labels[1]! });
    await expect(first.locator('button')).toHaveCount(1);
    await first.getByTestId('row-actions').focus();
    await page.keyboard.press('Tab');
    await expect(second.getByTestId('row-actions')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(second.getByRole('menu')).toBeVisible();
    await expect(second.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(second.getByTestId('cancel-token')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cancel-reason')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(second.getByTestId('row-actions')).toBeFocused();
  });

  await test.step('Escape on an open menu closes it and gives the cursor to the search box', async () => {
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(counter.search).toBeFocused();
  });
});
