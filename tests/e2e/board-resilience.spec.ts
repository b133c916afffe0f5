// A hall board left on for days: when its counter goes away it says "not
// connected" and hides the numbers; when the counter comes back (a new
// process, same data folder, same address) it reconnects by itself, with no
// supervisor; and hundreds of calls later its page holds no more nodes and
// no more memory than after the first few. This spec runs its own counter
// (core and browser shell on a free port) so it can stop and restart it.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserShell, type RunningShell } from '../../main/browser/http-server';
import { createCore, type Core } from '../../main/core/create-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium';
import { tempDir } from '../support/temp-core';
import { BoardPage } from './pages/board-page';
import { ACCOUNTS, E2E_API_KEY } from './pages/desk-session';

test.use({
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, '--autoplay-policy=no-user-gesture-required'] },
});

const RENDERER = resolve('out/renderer');
const trusted = { kind: 'trusted', actor: 'e2e' } as const;

/** A counter of its own: core and browser shell, on `port` (0: any free one). */
async function startCounter(dataDir: string, port = 0): Promise<{ core: Core; shell: RunningShell; port: number }> {
  const core = createCore({
    dataDir,
    shell: 'browser',
    settings: { counterLetter: 'C', hospitalCode: 'BTH', hospitalName: 'Board Test Hospital' },
  });
  const shell = await startBrowserShell({ core, rendererDir: RENDERER, port, apiKey: E2E_API_KEY });
  return { core, shell, port: Number(new URL(shell.url).port) };
}

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.registry.dispatch(method, input, trusted);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A patient issued a Medicine token and called into room 101; returns the label. */
async function issueAndCall(core: Core, n: number): Promise<string> {
  const patient = await call<{ id: string }>(core, 'patients.register', {
    name: `Board Patient ${n}`,
    gender: 'other',
    ageYears: 40,
    confirmNotDuplicate: true,
  });
  await call(core, 'tokens.issue', { patientId: patient.id, departmentCode: 'MED' });
  const moved = await call<{ token: { label: string } }>(core, 'queue.callNext', {
    moveId: randomUUID(),
    departmentCode: 'MED',
    room: '101',
  });
  return moved.token.label;
}

test('the board says when it is not connected, reconnects by itself, and stays the same size over hundreds of calls', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const dataDir = tempDir('hims-board-e2e-');
  let counter = await startCounter(dataDir);
  const base = `http://127.0.0.1:${counter.port}`;
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const board = new BoardPage(await context.newPage());
  try {
    let first = '';
    await test.step('Given a board started for Medicine shows a call', async () => {
      await board.start(ACCOUNTS.supervisor, ['MED'], { base });
      // The chime alone: this test is about the connection, not the words.
      await board.setSpeech({ languages: '' });
      first = await issueAndCall(counter.core, 0);
      await expect(board.nowCalling('MED').first()).toHaveAttribute('data-label', first);
    });

    await test.step('When the counter stops, the board says it is not connected and hides the numbers', async () => {
      await counter.shell.close();
      counter.core.close();
      await expect(board.board).toHaveAttribute('data-connection', 'offline', { timeout: 20_000 });
      await expect(board.offline).toBeVisible();
      await expect(board.department('MED')).toHaveCount(0);
      await board.page.screenshot({ path: testInfo.outputPath('board-not-connected.png') });
    });

    await test.step('When the counter starts again at the same address, the board comes back by itself and hears new calls', async () => {
      counter = await startCounter(dataDir, counter.port);
      await expect(board.board).toHaveAttribute('data-connection', 'connected', { timeout: 40_000 });
      await expect(board.nowCalling('MED').first()).toHaveAttribute('data-label', first);
      const next = await issueAndCall(counter.core, 1);
      await expect(board.nowCalling('MED').first()).toHaveAttribute('data-label', next);
      const said = await board.announcedCall(next);
      expect(said.peak).toBeGreaterThan(0.05); // the chime
    });

    await test.step('Over 300 more calls, the page keeps the same number of nodes and no more memory', async () => {
      // Silent from here: each call is still queued and logged, just not sounded.
      await board.page.getByTestId('board-settings-open').click();
      await board.page.getByTestId('board-settings-chime').setChecked(false);
      await board.page.getByTestId('board-settings-close').click();
      const cdp = await context.newCDPSession(board.page);
      await cdp.send('Performance.enable');
      const measure = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
        const nodes = await board.page.evaluate<number>('document.getElementsByTagName("*").length');
        return { heap, nodes };
      };
      let label = '';
      for (let i = 2; i < 52; i++) label = await issueAndCall(counter.core, i);
      await expect(board.nowCalling('MED').first()).toHaveAttribute('data-label', label);
      await expect.poll(async () => (await board.announced()).length).toBe(20);
      const warm = await measure();
      for (let i = 52; i < 352; i++) label = await issueAndCall(counter.core, i);
      await expect(board.nowCalling('MED').first()).toHaveAttribute('data-label', label);
      await expect.poll(async () => (await board.announced())[0]?.label).toBe(label);
      const after = await measure();
      testInfo.annotations.push({ type: 'board soak', description: JSON.stringify({ warm, after }) });
      expect(after.nodes).toBeLessThanOrEqual(warm.nodes + 5);
      expect(after.heap - warm.heap).toBeLessThan(3 * 1024 * 1024);
      await expect(board.board).toHaveAttribute('data-connection', 'connected');
    });
  } finally {
    await context.close();
    await counter.shell.close();
    counter.core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
