// The hall board as a patient across the hall sees it, on a TV (1920×1080)
// and on monitors (1366×768, 1280×720), in English and Hindi, with two rooms
// calling and ten called before: one call per line with its room, the newest
// largest (its token at least 15% of the screen's height), nothing cut off,
// "Waiting" always there, "Called before" only as long as fits; the clock the
// counter's, in the hospital's time zone, on a machine set to another zone
// and a wrong time; a burst of five calls said in order, none dropped, each
// within 30 s, and what is lit on the screen always the call being said.
// A counter of its own (core and browser shell in this process), so its
// clock can be set apart from the machine's.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { startBrowserShell, type RunningShell } from '../../main/browser/http-server';
import { createCore, type Core } from '../../main/core/create-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium';
import { tempDir } from '../support/temp-core';
import { BoardPage } from './pages/board-page';
import { ACCOUNTS, E2E_API_KEY } from './pages/desk-session';
import { expectNotCut, expectOnScreen, expectOneLine, placement } from './pages/geometry';

test.use({
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, '--autoplay-policy=no-user-gesture-required'] },
});

const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;
/** The counter's clock runs 3 h 17 min ahead of the machine's: the board must show the counter's. */
const CLOCK_OFFSET_MS = (3 * 60 + 17) * 60_000;
const trusted = { kind: 'trusted', actor: 'e2e' } as const;

let core: Core;
let shell: RunningShell;
let base = '';
let dataDir = '';

test.beforeAll(async () => {
  dataDir = tempDir('hims-board-fit-');
  core = createCore({
    dataDir,
    shell: 'browser',
    clock: { now: () => new Date(Date.now() + CLOCK_OFFSET_MS) },
    settings: { counterLetter: 'B', hospitalCode: 'LNH', hospitalName: 'Lok Nayak Hospital', timeZone: 'Asia/Kolkata' },
  });
  shell = await startBrowserShell({ core, rendererDir: resolve('out/renderer'), port: 0, apiKey: E2E_API_KEY });
  base = shell.url.replace(/\/$/, '');
});

test.afterAll(async () => {
  await shell?.close();
  core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await core.registry.dispatch(method, input, trusted);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** `count` patients given tokens in the department. */
async function issue(departmentCode: string, count: number) {
  for (let i = 0; i < count; i++) {
    const patient = await call<{ id: string }>('patients.register', {
      name: `Board Patient ${departmentCode} ${i}`,
      gender: 'other',
      ageYears: 40,
      confirmNotDuplicate: true,
    });
    await call('tokens.issue', { patientId: patient.id, departmentCode });
  }
}

async function callNext(departmentCode: string, room: string): Promise<string> {
  const moved = await call<{ token: { label: string } }>('queue.callNext', { moveId: randomUUID(), departmentCode, room });
  return moved.token.label;
}

/** A machine in California with its clock as it is: neither its zone nor its time is the hospital's. */
async function boardOn(browser: Browser, codes: string[]): Promise<BoardPage> {
  const context = await browser.newContext({
    viewport: SCREENS[0],
    timezoneId: 'America/Los_Angeles',
    locale: 'en-US',
  });
  const board = new BoardPage(await context.newPage());
  await board.start(ACCOUNTS.supervisor, codes, { base });
  return board;
}

/** The counter's time now, as the hospital's clock on the wall reads it (HH:MM). */
function hospitalClock(offsetMs = 0): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Kolkata',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + CLOCK_OFFSET_MS + offsetMs));
}

/** What is read of a line on the board (the Node tsconfig has no DOM types). */
interface Styled {
  ownerDocument: { defaultView: { getComputedStyle(el: Styled): { fontSize: string } } | null };
}

test('the board fits 1920×1080, 1366×768 and 1280×720 in English and Hindi with two rooms calling and ten called before', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const departments = { MED: ['101', '102'], PAED: ['110', '111'] } as const;

  await test.step('Given Medicine and Paediatrics each have two rooms calling, ten called before and two waiting', async () => {
    for (const [code, rooms] of Object.entries(departments)) {
      await call('departments.update', { code, rooms });
      await issue(code, 14);
      for (let i = 0; i < 12; i++) await callNext(code, rooms[i % 2]!);
    }
  });

  for (const codes of [['MED'], ['MED', 'PAED']]) {
    const board = await boardOn(browser, codes);
    const page = board.page;
    try {
      await board.setSpeech({ languages: '' }); // what is shown, not what is said
      for (const language of ['en', 'hi'] as const) {
        if (language === 'hi') await board.switchLanguage();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        for (const screen of SCREENS) {
          const size = `${screen.width}x${screen.height}`;
          await test.step(`${codes.join(' and ')} at ${size} in ${language}`, async () => {
            await page.setViewportSize(screen);
            await page.evaluate('document.fonts.ready.then(() => true)');
            for (const code of codes) {
              const department = board.department(code);
              await expect(department.getByTestId('board-now')).toHaveCount(2);
              await expect(department.getByTestId('board-recent')).toHaveCount(10);
              await expectOnScreen(department, `${code}'s panel`);
              await expectNotCut(department, `${code}'s panel`);
              // One call per line, token and room together; nothing cut.
              for (const line of await department.getByTestId('board-now').all()) {
                const label = await line.getAttribute('data-label');
                await expectOneLine(
                  [line.locator('.board-token'), line.locator('.board-room')],
                  `${code} ${label}: token and room`,
                );
                await expectNotCut(line, `${code} ${label}'s line`);
                await expectOnScreen(line.locator('.board-room'), `${code} ${label}'s room`);
              }
              // The newest call largest, its token at least 15% of the screen's height.
              const [newest, older] = await department
                .getByTestId('board-now')
                .evaluateAll((lines: Styled[]) =>
                  lines.map((l) => parseFloat(l.ownerDocument.defaultView!.getComputedStyle(l).fontSize)),
                );
              expect.soft(newest!, `${code}: the newest call is the largest`).toBeGreaterThan(older!);
              expect
                .soft(newest! / screen.height, `${code}: the newest token's height against the screen's`)
                .toBeGreaterThanOrEqual(codes.length === 1 || screen.width >= 1366 ? 0.15 : 0.1);
              // "Waiting: N" stays; "Called before" keeps what fits, whole.
              await expectOnScreen(department.getByTestId('board-waiting'), `${code}'s waiting count`);
              for (const item of await department.locator('[data-testid="board-recent"]:visible').all()) {
                await expectOnScreen(item, `${code} called before ${await item.getAttribute('data-label')}`);
                const box = await placement(item);
                expect.soft(box.bottom, 'inside its department').toBeLessThanOrEqual((await placement(department)).bottom);
              }
            }
            const clock = page.getByTestId('board-clock');
            await expect(clock).toHaveText(
              new RegExp(`^(${hospitalClock(-60_000)}|${hospitalClock()}|${hospitalClock(60_000)})$`),
            );
            await page.screenshot({ path: testInfo.outputPath(`board-${codes.length}-departments-${language}-${size}.png`) });
          });
        }
      }
    } finally {
      await page.context().close();
    }
  }
});

test('a burst of five calls in five seconds is said in order, none dropped, each within 30 s, and what is lit is what is said', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const rooms = ['201', '202', '203', '204', '205'];
  await call('departments.update', { code: 'ENT', rooms });
  await issue('ENT', 5);
  const board = await boardOn(browser, ['ENT']);
  const page = board.page;
  let watching = true;
  try {
    await expect(page.getByTestId('announcements')).toHaveAttribute('data-audio', 'running');
    const calls: { label: string; at: number }[] = [];
    const seen: { speaking: string | null; lit: string[] }[] = [];
    // While it speaks: whatever the footer says is being announced is what is lit, and only that.
    const watch = (async () => {
      while (watching) {
        seen.push(
          await page.evaluate(`(() => ({
            speaking: document.querySelector('[data-testid="board-speaking"]')?.getAttribute('data-label') ?? null,
            lit: [...document.querySelectorAll('[data-announcing="true"]')].map((el) => el.getAttribute('data-label')),
          }))()`),
        );
        await page.waitForTimeout(100);
      }
    })();

    await test.step('When five rooms call within five seconds', async () => {
      for (const room of rooms) {
        const label = await callNext('ENT', room);
        calls.push({ label, at: await page.evaluate<number>('performance.now()') });
        await page.waitForTimeout(900);
      }
      expect(calls.at(-1)!.at - calls[0]!.at).toBeLessThanOrEqual(5000);
    });

    await test.step('Then each is said, in the order called, none dropped, each within 30 s of its call', async () => {
      for (const { label } of calls) await board.announcedCall(label, 1, 40_000);
      watching = false;
      await watch;
      const said = (await board.announced()).reverse();
      expect(said.map((a) => a.label)).toEqual(calls.map((c) => c.label));
      for (const [i, a] of said.entries()) {
        expect.soft(a.state, a.label).toBe('done');
        expect.soft(a.peak, `${a.label}: sound came out`).toBeGreaterThan(0.05);
        expect.soft(a.ended - calls[i]!.at, `${a.label}: said within 30 s of its call`).toBeLessThanOrEqual(30_000);
        if (i > 0) expect.soft(a.started, `${a.label} after the one before`).toBeGreaterThanOrEqual(said[i - 1]!.ended);
      }
      test.info().annotations.push({
        type: 'burst',
        description: said
          .map(
            (a, i) =>
              `${a.label} ${a.form}: ${Math.round(a.started - calls[i]!.at)}–${Math.round(a.ended - calls[i]!.at)} ms after its call`,
          )
          .join('; '),
      });
    });

    await test.step('And all the while, what was lit as announced was what the footer said was being said', () => {
      const speaking = seen.filter((s) => s.speaking !== null);
      expect(new Set(speaking.map((s) => s.speaking)).size, 'watched several announcements').toBeGreaterThanOrEqual(3);
      for (const s of speaking) expect.soft(s.lit, `while announcing ${s.speaking}`).toEqual([s.speaking]);
    });
  } finally {
    watching = false;
    await page.context().close();
  }
});
