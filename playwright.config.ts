// End-to-end: Debian's Chromium (never a downloaded browser) against the
// browser shell on 127.0.0.1, started fresh on an empty data folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './tests/support/chromium';

const PORT = Number(process.env.E2E_PORT ?? 5188);
const dataDir = process.env.E2E_DATA_DIR ?? (process.env.E2E_DATA_DIR = mkdtempSync(join(tmpdir(), 'hims-e2e-')));
// The tests set up accounts and data as the hospital's scripts do, with the API
// key (tests/e2e/pages/desk-session.ts); screens are signed in through the UI.
// serve-cli wants a key of 16+ characters.
const apiKey = process.env.E2E_API_KEY ?? (process.env.E2E_API_KEY = 'e2e-test-key-0123456789');

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1366, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
  },
  webServer: {
    // The renderer is built by `npm test` before this runs (npm run build).
    command: `node ${JSON.stringify(require.resolve('tsx/cli'))} main/browser/serve-cli.ts --port ${PORT} --data-dir ${JSON.stringify(dataDir)} --counter-letter B --hospital-name "Lok Nayak Hospital" --hospital-code LNH --api-key ${JSON.stringify(apiKey)}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
