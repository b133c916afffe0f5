// A room screen on another machine, in real Chromium, over TLS: the counter
// runs on the hospital network (here 127.0.0.2) with its screens server; the
// screen is paired with the code the counter shows (as the desktop app does)
// and Chromium trusts that key alone; the doctor signs in, picks the room,
// and calls the next patient, the call pushed over the same TLS. A Chromium
// that was not paired is refused by TLS before any page is shown.
import { chromium, expect, test, type Browser } from '@playwright/test';
import { pairWithCounter, type ScreenPairing } from '../../main/screens/screen-client';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium';
import { ACCOUNTS, apiValue, E2E_API_KEY, ensureAccount, signInThroughUi } from './pages/desk-session';
import { startOwnServer, type OwnServer } from './pages/own-server';
import { RoomPage } from './pages/room-page';

const BASE_PORT = Number(process.env.E2E_PORT ?? 5188);
const PORT = BASE_PORT + 21;
const SCREENS_PORT = BASE_PORT + 22;
const NAME = 'counter-b.lnh.local';
const SCREENS_URL = `https://${NAME}:${SCREENS_PORT}`;

let server: OwnServer;
let pairing: ScreenPairing;
const browsers: Browser[] = [];

test.beforeAll(async () => {
  server = await startOwnServer(
    PORT,
    [
      ...['--host', '127.0.0.2', '--allow-host', NAME, '--screens-port', String(SCREENS_PORT)],
      ...['--peer-port', String(BASE_PORT + 23), '--peer-host', '127.0.0.1'],
      ...['--api-key', E2E_API_KEY, '--counter-letter', 'B', '--hospital-code', 'LNH', '--hospital-name', 'Lok Nayak Hospital'],
    ],
    '127.0.0.2',
  );
});

test.afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.stop();
});

/** Debian's Chromium reaching the counter by its name; `pin`: the one key it trusts there, as the paired app does. */
async function screenBrowser(pin: string | null): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_FLAGS,
      `--host-resolver-rules=MAP ${NAME} 127.0.0.2`,
      ...(pin ? [`--ignore-certificate-errors-spki-list=${pin}`] : []),
    ],
  });
  browsers.push(browser);
  return browser;
}

test('a room screen paired with the counter’s code calls the next patient over TLS', async ({ request }) => {
  await test.step('Given the code the counter shows, a room screen is paired with it', async () => {
    await ensureAccount(request, ACCOUNTS.doctor, server.base);
    const shown = await apiValue<{ pairingCode: string; port: number | null }>(request, 'screens.pairing', {}, server.base);
    expect(shown.port).toBe(SCREENS_PORT);
    pairing = await pairWithCounter(`https://127.0.0.2:${SCREENS_PORT}`, shown.pairingCode);
  });

  const page = await (
    await (await screenBrowser(pairing.spkiPin)).newContext({ viewport: { width: 1366, height: 800 } })
  ).newPage();
  const room = new RoomPage(page);
  await test.step('When the doctor signs in at the room screen over HTTPS and picks room 101', async () => {
    await page.goto(`${SCREENS_URL}/?mode=room`);
    await signInThroughUi(page, ACCOUNTS.doctor);
    await room.choose('MED', '101');
  });

  await test.step('Then a token issued at the counter is called in with N, pushed over the same TLS', async () => {
    const patient = await apiValue<{ id: string }>(
      request,
      'patients.register',
      { name: 'Sunita Devi', gender: 'female', ageYears: 34, phone: '9812345670', confirmNotDuplicate: true },
      server.base,
    );
    const token = await apiValue<{ label: string }>(
      request,
      'tokens.issue',
      { patientId: patient.id, departmentCode: 'MED' },
      server.base,
    );
    await expect(room.waitingRows.first()).toHaveAttribute('data-label', token.label);
    await room.press('n');
    await expect(room.currentLabel).toHaveText(token.label);
    expect(new URL(page.url()).protocol).toBe('https:');
  });
});

test('a Chromium that was not paired is refused by TLS before any page is shown', async () => {
  const page = await (await (await screenBrowser(null)).newContext()).newPage();
  await expect(page.goto(`${SCREENS_URL}/?mode=room`)).rejects.toThrow(/ERR_CERT/);
});
