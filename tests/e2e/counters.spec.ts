// Two counters of one hospital on loopback, each a browser shell of its own
// with its peer server (real TLS): a supervisor makes the network key at A
// and types it at B, B pairs with A by address, and a patient registered at A
// is found at B by mobile, brought over with one key and given B's token.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CounterPage, SUNITA } from './pages/counter-page';
import { ACCOUNTS, apiValue, ensureAccount, openCounterAs, openTool } from './pages/desk-session';
import { startOwnServer, type OwnServer } from './pages/own-server';
import { E2E_API_KEY } from './pages/desk-session';

const BASE_PORT = Number(process.env.E2E_PORT ?? 5188);
const COUNTERS = {
  A: { port: BASE_PORT + 3, peerPort: BASE_PORT + 13 },
  B: { port: BASE_PORT + 4, peerPort: BASE_PORT + 14 },
} as const;

const servers: Partial<Record<keyof typeof COUNTERS, OwnServer>> = {};

test.beforeAll(async () => {
  for (const [letter, at] of Object.entries(COUNTERS) as [keyof typeof COUNTERS, (typeof COUNTERS)['A']][]) {
    servers[letter] = await startOwnServer(at.port, [
      ...[
        '--api-key',
        E2E_API_KEY,
        '--counter-letter',
        letter,
        '--hospital-code',
        'LNH',
        '--hospital-name',
        'Lok Nayak Hospital',
      ],
      ...['--peer-port', String(at.peerPort), '--peer-host', '127.0.0.1'],
    ]);
  }
});

test.afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s?.stop()));
});

async function counterAt(browser: Browser, letter: keyof typeof COUNTERS): Promise<Page> {
  const context = await browser.newContext({ baseURL: servers[letter]!.base, viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await ensureAccount(page.request, ACCOUNTS.supervisor);
  await openCounterAs(page, ACCOUNTS.supervisor);
  return page;
}

test('a patient registered at counter A is found at counter B by mobile and brought over', async ({ browser }, testInfo) => {
  const a = await counterAt(browser, 'A');
  const b = await counterAt(browser, 'B');
  let key = '';

  await test.step('Given the supervisor makes the hospital network key at counter A', async () => {
    await openTool(a, 'peers-open');
    await a.getByTestId('network-key-generate').click();
    key = (await a.getByTestId('network-key-made').locator('strong').textContent()) ?? '';
    expect(key).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){4}$/);
    await expect(a.getByTestId('peer-listening')).toContainText(String(COUNTERS.A.peerPort));
    await a.keyboard.press('Escape');
  });

  await test.step('When the same key is typed at counter B and B pairs with A by address, A is listed as reachable', async () => {
    await openTool(b, 'peers-open');
    await b.getByTestId('network-key-input').fill(key.toLowerCase().replaceAll('-', ' '));
    await b.getByTestId('network-key-save').click();
    const check = (await a.request
      .post('/api/peers.status', { data: {}, headers: { Authorization: `Bearer ${E2E_API_KEY}` } })
      .then((r) => r.json())) as {
      value: { keyCheck: string };
    };
    await expect(b.getByTestId('network-key-check')).toContainText(check.value.keyCheck);
    await b.getByTestId('peer-address').fill(`127.0.0.1:${COUNTERS.A.peerPort}`);
    await b.getByTestId('peer-add-submit').click();
    const row = b.locator('[data-testid="peer-row"][data-letter="A"]');
    await expect(row).toHaveAttribute('data-state', 'reachable');
    await b.screenshot({ path: testInfo.outputPath('counters-en.png') });
    await b.keyboard.press('Escape');
  });

  await test.step('And a patient is registered at counter A', async () => {
    await new CounterPage(a).register(SUNITA);
    await expect(a.getByTestId('patient-uhid')).toHaveText(/^LNH-A\d{2}-/);
  });

  await test.step('When the clerk at B searches her mobile, she is shown registered at counter A', async () => {
    const counterB = new CounterPage(b);
    await counterB.typeSearch(SUNITA.phone);
    const found = b.getByTestId('elsewhere-result');
    await expect(found).toContainText('Registered at Counter A');
    await expect(found).toContainText(SUNITA.name);
    await expect(found).toContainText('W/o Rakesh Kumar');
    // The form waits: she is not new to the hospital.
    await expect(b.getByTestId('registration-form')).toHaveCount(0);
    await b.screenshot({ path: testInfo.outputPath('found-at-a-en.png') });
    await b.getByTestId('lang-switch').click();
    await expect(found).toContainText('काउंटर A पर पंजीकृत');
    await b.screenshot({ path: testInfo.outputPath('found-at-a-hi.png') });
    await b.getByTestId('lang-switch').click();
  });

  await test.step('Then Enter brings her here with her UHID from A, and B gives her its own token', async () => {
    await b.getByTestId('search-input').press('Enter');
    const panel = b.getByTestId('patient-panel');
    await expect(panel).toContainText(SUNITA.name);
    await expect(b.getByTestId('patient-uhid')).toHaveText(/^LNH-A\d{2}-000001-\d$/);
    await b.getByTestId('dept-MED').click();
    await b.getByTestId('issue-token').click();
    await expect(b.getByTestId('issued-token-label')).toHaveText('B-001');
    const here = await apiValue<{ patients: { id: string }[] }>(b.request, 'patients.search', { query: SUNITA.phone });
    expect(here.patients).toHaveLength(1);
  });
});
