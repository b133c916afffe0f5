// A supervisor sets up a department from Settings → Departments, on a shell
// of this spec's own (the shared one's departments are other specs'): the
// consultation rooms and the queue rule; a bad value is refused at its field
// and changes nothing; the counter's queue tabs follow a rename without a
// reload; a running hall board is listed and ended, and asks for a supervisor
// again. Screenshots in English and Hindi.
import { expect, test } from '@playwright/test';
import type { Department } from '../../preload/contract';
import { BoardPage } from './pages/board-page';
import { ACCOUNTS, apiValue, openCounterAs, openTool } from './pages/desk-session';
import { startOwnShell, type OwnShell } from './pages/own-shell';

const PORT = Number(process.env.E2E_PORT ?? 5188) + 2;
let shell: OwnShell;

test.beforeAll(async () => {
  shell = await startOwnShell(PORT, 'hims-e2e-departments-');
});
test.afterAll(async () => {
  await shell.stop();
});

test('a supervisor sets a department’s rooms and queue rule, and ends a hall board', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const medicine = async () =>
    (await apiValue<Department[]>(page.request, 'departments.list', {}, shell.base)).find((d) => d.code === 'MED')!;
  const dialog = page.getByTestId('departments');
  const form = dialog.getByTestId('dept-form');

  await test.step('Given a supervisor at the counter opens Settings → Departments and picks General Medicine', async () => {
    await openCounterAs(page, ACCOUNTS.supervisor, '/', shell.base);
    await openTool(page, 'departments-open');
    await dialog.getByTestId('dept-settings-MED').click();
    await expect(form).toHaveAttribute('data-code', 'MED');
    await expect(form.getByTestId('dept-rooms')).toHaveValue('101');
  });

  await test.step('When a second room, "one in every N" with N = 1 and a shortcut taken by Surgery are saved, each is refused at its field', async () => {
    await form.getByTestId('dept-rooms').fill('101, 102');
    await form.getByTestId('dept-priority').selectOption('interleave');
    await form.getByTestId('dept-interleaveEvery').fill('1');
    await form.getByTestId('dept-save').click();
    await expect(form.getByTestId('dept-error-interleaveEvery')).toBeVisible();
    await expect(form.getByTestId('dept-interleaveEvery')).toBeFocused();
    await form.getByTestId('dept-interleaveEvery').fill('3');
    await form.getByTestId('dept-shortcut').fill('2');
    await form.getByTestId('dept-save').click();
    await expect(form.getByTestId('dept-error-shortcut')).toBeVisible();
    // Refused whole: not even the valid rooms were kept.
    expect((await medicine()).rooms).toEqual(['101']);
  });

  await test.step('Then with its own key it is saved: two rooms, one priority patient in every three calls, rooms each with their own queue', async () => {
    await form.getByTestId('dept-shortcut').fill('1');
    await form.getByTestId('dept-room-mode').selectOption('per_room');
    await form.getByTestId('dept-save').click();
    await expect(form.getByTestId('dept-saved')).toBeVisible();
    const saved = await medicine();
    expect(saved.rooms).toEqual(['101', '102']);
    expect(saved.queueRule).toEqual({ priority: 'interleave', interleaveEvery: 3, rooms: 'per_room', returnTo: 'place' });
    expect(saved.shortcut).toBe('1');
  });

  await test.step('And a rename reaches the counter’s queue tabs without a reload', async () => {
    await form.getByTestId('dept-nameEn').fill('Medicine OPD');
    await form.getByTestId('dept-save').click();
    await expect(form.getByTestId('dept-saved')).toBeVisible();
    await expect(dialog.getByTestId('dept-settings-MED')).toContainText('Medicine OPD');
    await expect(page.getByTestId('queue-tab-MED')).toContainText('Medicine OPD');
    await page.screenshot({ path: testInfo.outputPath('departments-en.png') });
  });

  const boardContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const board = new BoardPage(await boardContext.newPage());
  try {
    await test.step('When a hall board runs for Medicine, the supervisor sees it listed and ends it', async () => {
      await board.start(ACCOUNTS.supervisor, ['MED'], { base: shell.base });
      await dialog.getByTestId('departments-close').click();
      await openTool(page, 'departments-open');
      const row = dialog.getByTestId('board-row');
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Medicine OPD');
      await row.getByTestId('board-end').click();
      await expect(dialog.getByTestId('boards-empty')).toBeVisible();
    });

    await test.step('Then the board asks for a supervisor again', async () => {
      await board.page.reload();
      await expect(board.page.getByTestId('auth-board')).toBeVisible();
    });
  } finally {
    await boardContext.close();
  }

  await test.step('And the dialog reads the same in Hindi', async () => {
    await dialog.getByTestId('departments-close').click();
    await page.getByTestId('lang-switch').click();
    await openTool(page, 'departments-open');
    await dialog.getByTestId('dept-settings-MED').click();
    await expect(dialog.getByRole('heading', { name: 'विभाग' })).toBeVisible();
    await expect(form.getByTestId('dept-priority')).toContainText('हर N बुलावों में एक');
    await page.screenshot({ path: testInfo.outputPath('departments-hi.png') });
  });
});
