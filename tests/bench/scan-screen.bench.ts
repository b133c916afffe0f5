// Scan to patient shown, on the screen: the built renderer in Debian's
// Chromium against the browser shell, over a cache of 1,000,000 patients. A
// keyboard-wedge scanner types a UHID and Enter (DevTools key events, 8 ms
// apart as a scanner sends them); the clock runs in the page from the Enter
// to the moment the patient panel shows that UHID (a MutationObserver: the
// DOM is committed, the next frame paints it). It includes the wedge
// listener, cards.resolve over HTTP, and React's render.
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright';
import type { SessionGrant } from '../../preload/contract/methods/auth-schemas';
import { startBrowserShell } from '../../main/browser/http-server';
import { createCore } from '../../main/core/create-core';
import { formatUhid } from '../../main/patients/uhid';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium';
import { TEST_IDENTITY, tempDir } from '../support/temp-core';
import type { BenchOptions, BenchReport } from './bench-runner';
import { percentile, printTable, type Result } from './stats';
import { rng, seedCache } from './synthetic-patients';

const RENDERER = resolve('out/renderer');
const SCANS = 200;
const WARM_UP = 10;
const BUDGET_P99_MS = 50;

// Page-side scripts are strings: tsx would wrap functions in helpers the page lacks.
/** Remembers when each Enter reached the page. */
const MARK_ENTER = `window.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.enterAt = performance.now(); }, true);`;

/**
 * Starts watching for the panel to show `uhid` (resolved with the time since
 * the scan's Enter, or -1 after 5 s); awaited before the keys are sent, so the
 * watch is in place before the scan can land.
 */
async function watchFor(page: Page, uhid: string): Promise<() => Promise<number>> {
  await page.evaluate(`window.shownAfterEnter = new Promise((done) => {
    const wanted = ${JSON.stringify(uhid)};
    const shown = () => (document.querySelector('[data-testid="patient-panel"]')?.textContent ?? '').includes(wanted);
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      done(performance.now() - window.enterAt);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    setTimeout(() => { observer.disconnect(); done(-1); }, 5000);
  }); true`);
  return () => page.evaluate<number>('window.shownAfterEnter');
}

/** A wedge scanner's burst: every key queued at once, as they sit in the OS input queue. */
async function scan(cdp: CDPSession, text: string, at: number): Promise<void> {
  const sends: Promise<unknown>[] = [];
  let t = at;
  for (const ch of [...text, 'Enter']) {
    t += 0.008;
    const enter = ch === 'Enter';
    sends.push(
      cdp.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        key: ch,
        ...(enter ? { code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' } : { text: ch, unmodifiedText: ch }),
        timestamp: t,
      }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp: t + 0.001 }),
    );
  }
  await Promise.all(sends);
}

export async function run(options: BenchOptions): Promise<BenchReport> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('no built renderer in out/renderer: run "npm run build" first');
  const dataDir = tempDir('hims-bench-screen-');
  const core = createCore({
    dataDir,
    shell: 'browser',
    settings: TEST_IDENTITY,
    log: console.error,
  });
  const shell = await startBrowserShell({ core, rendererDir: RENDERER, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const { sample } = seedCache(core.db, options.patients);

    // Signed in as a clerk, the way the page keeps its session (sessionStorage).
    const grant = await core.registry.dispatch(
      'auth.setup',
      { username: 'bench.clerk', displayName: 'Bench Clerk', password: 'a long bench passphrase' },
      { kind: 'desk', session: null },
    );
    if (!grant.ok) throw new Error(`auth.setup: ${JSON.stringify(grant.error)}`);
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    const token = (grant.value as SessionGrant).token;
    await page.addInitScript(`sessionStorage.setItem('hims-counter.desk-session', ${JSON.stringify(token)}); ${MARK_ENTER}`);
    await page.goto(shell.url);
    await page.getByTestId('search-input').waitFor();
    const cdp = await page.context().newCDPSession(page);

    const random = rng(29);
    const times: number[] = [];
    let previous = '';
    let clock = Date.now() / 1000;
    for (let i = 0; i < WARM_UP + SCANS; i++) {
      // Never the patient already on screen: the panel would not change.
      let next = previous;
      while (next === previous) next = formatUhid(sample[Math.floor(random() * sample.length)]!.uhid);
      const uhid = (previous = next);
      const shown = await watchFor(page, uhid);
      clock += 1; // a clear pause before each card
      await scan(cdp, uhid, clock);
      const ms = await shown();
      if (ms < 0) throw new Error(`scan ${i}: the panel did not show ${uhid} within 5 s`);
      if (i >= WARM_UP) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const result: Result = {
      name: 'scan UHID → patient shown (Chromium)',
      runs: times.length,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      meanMs: times.reduce((s, t) => s + t, 0) / times.length,
      maxMs: times.at(-1)!,
      budgetP99Ms: BUDGET_P99_MS,
      budgetOk: percentile(times, 99) < BUDGET_P99_MS,
    };
    printTable([result]);
    return {
      name: 'scan-screen',
      data: { patients: options.patients, result },
      missed: result.budgetOk ? [] : ['scan UHID → patient shown (Chromium)'],
    };
  } finally {
    await browser.close();
    await shell.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
