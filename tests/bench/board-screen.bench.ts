// From "call next" to the hall board showing the token: the built renderer's
// board in Debian's Chromium against the browser shell, pushed to over SSE
// (queue.changed), reading queue.board and rendering. The clock starts just
// before the call is dispatched in the core and stops when the board's DOM
// shows the called label (a MutationObserver); both ends read the machine's
// clock (performance.timeOrigin + performance.now()). The board runs silent:
// speaking does not hold back what it shows.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright';
import type { SessionGrant } from '../../preload/contract/methods/auth-schemas';
import { startBrowserShell } from '../../main/browser/http-server';
import { createCore, type Core } from '../../main/core/create-core';
import type { Caller } from '../../main/core/registry';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium';
import { tempDir } from '../support/temp-core';
import type { BenchOptions, BenchReport } from './bench-runner';
import { percentile, printTable, type Result } from './stats';

const RENDERER = resolve('out/renderer');
const CALLS = 200;
const WARM_UP = 10;
/** Other tokens waiting in the department while the board is watched. */
const WAITING = 300;
const BUDGET_P99_MS = 1000;

async function ok<T>(core: Core, method: string, input: unknown, caller: Caller): Promise<T> {
  const result = await core.registry.dispatch(method, input, caller);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Resolves (in the page) with the wall-clock ms at which the board shows `label` as now calling, or -1 after 5 s. */
async function watchFor(page: Page, label: string): Promise<() => Promise<number>> {
  await page.evaluate(`window.boardShown = new Promise((done) => {
    const selector = '[data-testid="board-now"][data-label=' + JSON.stringify(${JSON.stringify(label)}) + ']';
    const seen = () => document.querySelector(selector) !== null;
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      done(performance.timeOrigin + performance.now());
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    setTimeout(() => { observer.disconnect(); done(-1); }, 5000);
  }); true`);
  return () => page.evaluate<number>('window.boardShown');
}

export async function run(_options: BenchOptions): Promise<BenchReport> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('no built renderer in out/renderer: run "npm run build" first');
  const dataDir = tempDir('hims-bench-board-');
  const core = createCore({ dataDir, shell: 'browser', settings: { counterLetter: 'A' }, log: console.error });
  const shell = await startBrowserShell({ core, rendererDir: RENDERER, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const trusted: Caller = { kind: 'trusted', actor: 'bench' };
    await ok(
      core,
      'auth.setup',
      { username: 'bench.admin', displayName: 'Bench Admin', password: 'a long bench passphrase' },
      {
        kind: 'desk',
        session: null,
      },
    );
    const board = await ok<SessionGrant>(
      core,
      'auth.startBoard',
      { username: 'bench.admin', password: 'a long bench passphrase', departmentCodes: ['MED'] },
      { kind: 'desk', session: null },
    );
    const patients: string[] = [];
    const insert = core.db.prepare(
      `INSERT INTO patients (id, uhid, name, gender, date_of_birth, dob_estimated, origin_counter, created_at, updated_at)
       VALUES (?, ?, ?, 'other', '1980-01-01', 1, 'A', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    );
    core.db.transaction(() => {
      for (let i = 0; i < WAITING + WARM_UP + CALLS; i++) {
        const id = randomUUID();
        insert.run(id, `BOARD${String(i).padStart(8, '0')}`, `Board Patient ${i}`);
        patients.push(id);
      }
    })();
    for (const patientId of patients) await ok(core, 'tokens.issue', { patientId, departmentCode: 'MED' }, trusted);

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // The board's token and a silent board, as its localStorage would hold them.
    await page.addInitScript(`localStorage.setItem('hims-counter.desk-session', ${JSON.stringify(board.token)});
      localStorage.setItem('hims-counter.board-speech', JSON.stringify({ languages: [], repeat: 1, volume: 0, chime: false, voice: 'clips' }));`);
    await page.goto(`${shell.url}?mode=board`);
    await page.locator('[data-testid="board"][data-connection="connected"]').waitFor();

    const times: number[] = [];
    for (let i = 0; i < WARM_UP + CALLS; i++) {
      // Who will be called is the core's choice: read it from the answer, so watch for any new label.
      const expected = await ok<{ waiting: { label: string }[] }>(
        core,
        'queue.list',
        { departmentCode: 'MED', limit: 1 },
        trusted,
      );
      const label = expected.waiting[0]!.label;
      const shown = await watchFor(page, label);
      const start = performance.timeOrigin + performance.now();
      const called = await ok<{ token: { label: string } }>(
        core,
        'queue.callNext',
        { moveId: randomUUID(), departmentCode: 'MED', room: '101' },
        trusted,
      );
      if (called.token.label !== label) throw new Error(`expected ${label} to be called, not ${called.token.label}`);
      const at = await shown();
      if (at < 0) throw new Error(`call ${i}: the board did not show ${label} within 5 s`);
      if (i >= WARM_UP) times.push(at - start);
    }
    times.sort((a, b) => a - b);
    const result: Result = {
      name: 'call next → board shows the token (Chromium)',
      runs: times.length,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      meanMs: times.reduce((s, t) => s + t, 0) / times.length,
      maxMs: times.at(-1)!,
      budgetP99Ms: BUDGET_P99_MS,
      budgetOk: percentile(times, 99) < BUDGET_P99_MS,
    };
    printTable([result]);
    return { name: 'board-screen', data: { waiting: WAITING, result }, missed: result.budgetOk ? [] : [result.name] };
  } finally {
    await browser.close();
    await shell.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
