// What the clerk's eye needs, on the small screens counters have (1366×768
// and 1024×768), in English and Hindi: the search box near the top, with one
// status line (backup, sync, printer) that never pushes it down; the first
// rows of the registration form without scrolling; the queue in sight beside
// the form; whenever Enter would take money, the amount and the Collect
// button on screen; the room screen's set-aside names whole. On a browser
// shell of this spec's own (a hospital that charges ₹10 for Medicine, a
// loopback printer). Screenshots of each screen at each size and language.
import { expect, request as http, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { LoopbackPrinter } from '../support/loopback-printer';
import { CounterPage } from './pages/counter-page';
import { ACCOUNTS, E2E_API_KEY, apiValue, ensureAccount, openCounterAs, type Account } from './pages/desk-session';
import { expectNotCut, expectOnScreen, expectOneLine, placement } from './pages/geometry';
import { startOwnServer, type OwnServer } from './pages/own-server';
import { RoomPage } from './pages/room-page';

const PORT = Number(process.env.E2E_PORT ?? 5188) + 3;
const BASE = `http://127.0.0.1:${PORT}`;

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;
const LANGUAGES = ['en', 'hi'] as const;
type Language = (typeof LANGUAGES)[number];
/** One a screen and language: each is given a Medicine token with its fee. */
const PATIENTS = [
  { name: 'Ashok Yadav', phone: '9811100010' },
  { name: 'Rukmini Sharma', phone: '9811100011' },
  { name: 'Mohd Salim', phone: '9811100012' },
  { name: 'Kamla Devi', phone: '9811100013' },
];

let server: OwnServer | null = null;
let printer: LoopbackPrinter | null = null;

test.beforeAll(async () => {
  server = await startOwnServer(PORT, [
    ...['--api-key', E2E_API_KEY, '--counter-letter', 'B', '--hospital-name', 'Lok Nayak Hospital', '--hospital-code', 'LNH'],
  ]);
  printer = await new LoopbackPrinter().start();
  const request = await http.newContext();
  // A hospital that charges ₹10 for a new Medicine visit, a slip printer, and four patients.
  await ensureAccount(request, ACCOUNTS.clerk, BASE);
  await apiValue(
    request,
    'fees.saveSchedule',
    { departmentCode: 'MED', newPaise: 1000, revisitPaise: 500, followUpPaise: 0, validityDays: 15 },
    BASE,
  );
  await apiValue(
    request,
    'printers.saveSettings',
    {
      type: 'epson',
      paperWidth: 80,
      interface: printer.uri,
      fallbackInterface: null,
      characterSet: 'PC437_USA',
      statusQuery: 'gs_r',
      footer: null,
    },
    BASE,
  );
  for (const [i, p] of PATIENTS.entries()) {
    await apiValue(
      request,
      'patients.register',
      { name: p.name, gender: i % 2 ? 'female' : 'male', ageYears: 30 + i, phone: p.phone },
      BASE,
    );
  }
  await request.dispose();
});

test.afterAll(async () => {
  await server?.stop();
  await printer?.stop();
  server = null;
});

test.use({ baseURL: BASE });

const api = <T>(page: Page, method: string, input: unknown) => apiValue<T>(page.request, method, input, BASE);

async function showLanguage(page: Page, language: Language) {
  const toggle = page.getByTestId('lang-switch');
  if ((await toggle.getAttribute('data-lang')) !== language) await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  // The bundled Devanagari is read before the screenshot, so Hindi is drawn in it.
  await page.evaluate('document.fonts.ready.then(() => true)');
}

/** Each (screen, language) once, as a test step: the screen size set, signed in, in that language. */
async function atEachScreen(
  page: Page,
  account: Account,
  what: string,
  step: (size: string, language: Language) => Promise<void>,
) {
  for (const screen of SCREENS) {
    for (const language of LANGUAGES) {
      const size = `${screen.width}x${screen.height}`;
      await test.step(`At ${size} in ${language}: ${what}`, async () => {
        await page.setViewportSize(screen);
        await openCounterAs(page, account, '/', BASE);
        await showLanguage(page, language);
        await page.keyboard.press('Escape');
        await step(size, language);
      });
    }
  }
}

async function openForm(page: Page) {
  await new CounterPage(page).typeSearch('9822299999');
  await expect(page.getByTestId('registration-form')).toBeVisible();
}

test('the search box within the top 130 px, the form’s first three rows without scrolling, one status line at the foot that never moves them', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const counter = new CounterPage(page);
  const atRest = new Map<string, { top: number; bottom: number }>();
  await atEachScreen(page, ACCOUNTS.clerk, 'the search box, the form and the status line', async (size, language) => {
    await openForm(page);
    const search = await expectOnScreen(counter.search, 'the search box');
    expect.soft(search.bottom, 'the search box ends within the top 130 px').toBeLessThanOrEqual(130);
    atRest.set(`${size} ${language}`, { top: search.top, bottom: search.bottom });
    for (const field of ['reg-name', 'reg-gender', 'reg-age', 'reg-phone', 'reg-guardian-relation', 'reg-guardian-name']) {
      await expectOnScreen(page.getByTestId(field), `${field} (first three rows of the form)`);
    }
    // The cash drawer, sync and printer: one line at the foot of the screen.
    const status = page.getByTestId('status-line');
    expect.soft((await expectOnScreen(status, 'the status line')).bottom, 'at the foot').toBe(page.viewportSize()!.height);
    await expectOneLine(
      [status.getByTestId('cash-open'), status.getByTestId('sync-indicator'), status.getByTestId('printer-settings-open')],
      'cash, sync and printer',
    );
    await page.screenshot({ path: testInfo.outputPath(`counter-form-${language}-${size}.png`) });
  });
  await atEachScreen(
    page,
    ACCOUNTS.admin,
    "the administrator's backup notice, in the status line too, moves nothing",
    async (size) => {
      const status = page.getByTestId('status-line');
      // Backups are off on this counter: only the administrator is told.
      await expect(status.getByTestId('backup-warning')).toBeVisible();
      await expectOnScreen(status.getByTestId('backup-warning'), 'the backup notice');
      const search = await placement(counter.search);
      const clerk = atRest.get(`${size} ${await page.locator('html').getAttribute('lang')}`);
      expect.soft({ top: search.top, bottom: search.bottom }, "the search box where it is on the clerk's screen").toEqual(clerk);
      expect
        .soft((await placement(status)).top, 'the status line below the work')
        .toBeGreaterThanOrEqual((await placement(page.getByTestId('queue'))).bottom);
    },
  );
});

test('today’s queue stays in sight beside the registration form, however far down the form the cursor goes', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await atEachScreen(page, ACCOUNTS.clerk, 'the queue beside the form', async (size, language) => {
    await openForm(page);
    const queue = page.getByTestId('queue');
    await expectOnScreen(queue.locator('h2'), "today's queue");
    await expectOnScreen(page.getByTestId('queue-tab-MED'), "the queue's Medicine tab");
    expect
      .soft((await placement(queue)).left, 'the queue beside the form')
      .toBeGreaterThan((await placement(page.getByTestId('registration-form'))).right);
    await page.getByTestId('reg-abha-address').focus();
    await expectOnScreen(page.getByTestId('reg-abha-address'), "the form's last field");
    await expectOnScreen(queue.locator('h2'), "today's queue, the cursor at the form's end");
    await expectOnScreen(page.getByTestId('queue-tab-MED'), "the queue's Medicine tab, the cursor at the form's end");
    await page.screenshot({ path: testInfo.outputPath(`counter-form-end-${language}-${size}.png`) });
  });
});

test('a long queue scrolls inside its panel: the status line and its buttons are never under it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // A busy morning in Dental: more tokens than any screen has room for.
  const request = await http.newContext();
  for (let i = 0; i < 30; i++) {
    const patient = await apiValue<{ id: string }>(
      request,
      'patients.register',
      {
        name: `Long Queue ${i}`,
        gender: 'female',
        ageYears: 30,
        phone: `97116100${String(i).padStart(2, '0')}`,
        confirmNotDuplicate: true,
      },
      BASE,
    );
    await apiValue(request, 'tokens.issue', { patientId: patient.id, departmentCode: 'DENT' }, BASE);
  }
  await request.dispose();
  await atEachScreen(page, ACCOUNTS.clerk, 'thirty Dental tokens, the status line clear', async (size, language) => {
    await new CounterPage(page).showQueue('DENT');
    await expect(page.getByTestId('queue-row').filter({ hasText: 'Long Queue' })).toHaveCount(30);
    const status = page.getByTestId('status-line');
    for (const button of ['cash-open', 'sync-indicator', 'printer-settings-open']) {
      await expectOnScreen(status.getByTestId(button), `${button} under a long queue`);
    }
    expect
      .soft((await placement(page.getByTestId('queue'))).bottom, 'the queue ends above the status line')
      .toBeLessThanOrEqual((await placement(status)).top);
    await page.screenshot({ path: testInfo.outputPath(`counter-long-queue-${language}-${size}.png`) });
  });
});

test('whenever Enter would collect a fee, the amount and the Collect button are on screen; the printed-slip notice moves nothing', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const counter = new CounterPage(page);
  const patients = [...PATIENTS];
  await atEachScreen(
    page,
    ACCOUNTS.clerk,
    'a fee due, its amount and the Collect button on screen, Enter collects',
    async (size, language) => {
      const restingSearch = await placement(counter.search);
      const patient = patients.shift()!;
      await counter.findAndOpen(patient.phone, patient.name);
      await page.keyboard.press('1');
      await expect(page.getByTestId('dept-MED')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('fee-due')).toContainText('10.00');
      await expect(page.getByTestId('issue-token')).toContainText('10.00');
      await expectOnScreen(page.getByTestId('fee-due'), 'the amount due');
      await expectOnScreen(page.getByTestId('issue-token'), 'the Collect button');
      await page.screenshot({ path: testInfo.outputPath(`counter-fee-${language}-${size}.png`) });
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('issued-paid')).toBeVisible();
      const label = (await page.getByTestId('issued-token-label').textContent())!.trim();
      await expect(page.getByTestId('print-printed')).toContainText(label);
      const after = await placement(counter.search);
      expect
        .soft({ top: after.top, bottom: after.bottom }, 'the search box where it was before the notice')
        .toEqual({ top: restingSearch.top, bottom: restingSearch.bottom });
      await expectOneLine(
        [page.getByTestId('print-printed'), page.getByTestId('sync-indicator'), page.getByTestId('cash-open')],
        'the printed-slip notice on the status line',
      );
      await page.screenshot({ path: testInfo.outputPath(`counter-issued-${language}-${size}.png`) });
    },
  );
});

test('the room screen at 1024×768 and 1366×768 in English and Hindi: set-aside names whole', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const room = new RoomPage(page);
  const names = ['Rukmini Devi Sharma', 'Ramkishan Prasad Yadav', 'Radhakrishnan Venkataraman', 'Suman Lata'];

  await test.step('Given ENT called four patients to room 201: one did not come, one was skipped, one is in the room', async () => {
    await ensureAccount(page.request, ACCOUNTS.doctor, BASE);
    await api(page, 'departments.update', { code: 'ENT', rooms: ['201', '202'] });
    for (const name of names) {
      const patient = await api<{ id: string }>(page, 'patients.register', {
        name,
        gender: 'female',
        ageYears: 45,
        confirmNotDuplicate: true,
      });
      await api(page, 'tokens.issue', { patientId: patient.id, departmentCode: 'ENT' });
    }
    for (const move of ['no_show', 'skip', null]) {
      const called = await api<{ token: { id: string; version: number } }>(page, 'queue.callNext', {
        moveId: randomUUID(),
        departmentCode: 'ENT',
        room: '201',
      });
      if (move) {
        await api(page, 'queue.move', {
          moveId: randomUUID(),
          tokenId: called.token.id,
          version: called.token.version,
          move,
          room: '201',
        });
      }
    }
  });

  for (const screen of [SCREENS[1], SCREENS[0]]) {
    for (const language of LANGUAGES) {
      const size = `${screen.width}x${screen.height}`;
      await test.step(`At ${size} in ${language}: every set-aside name is shown whole, not cut to "R…"`, async () => {
        await page.setViewportSize(screen);
        await room.open(ACCOUNTS.doctor);
        await room.choose('ENT', '201');
        await showLanguage(page, language);
        await expect(room.setAsideRows).toHaveCount(2);
        for (const row of await room.setAsideRows.all()) {
          const name = row.locator('.room-row-name');
          await expect(name).toHaveText(/Rukmini Devi Sharma|Ramkishan Prasad Yadav/);
          await expectNotCut(name, `set-aside name ${await name.textContent()}`);
          await expectOnScreen(name, `set-aside name ${await name.textContent()}`);
        }
        await expectNotCut(room.page.getByTestId('room-current-name'), "the called patient's name");
        await page.screenshot({ path: testInfo.outputPath(`room-${language}-${size}.png`) });
      });
    }
  }
});
