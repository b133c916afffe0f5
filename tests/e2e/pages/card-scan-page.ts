// Page object for scanning at the counter: a keyboard-wedge scanner (key
// events sent through the DevTools protocol with explicit timestamps, so the
// rhythm is exactly what a scanner or a person produces), a person typing,
// and the webcam button. Also sets up patients and cards through the API.
import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';
import { scanBurst } from '../../support/key-strokes';
import { ACCOUNTS, apiValue, openCounterAs, startKioskAs } from './desk-session';

export interface ApiPatient {
  id: string;
  uhid: string;
  name: string;
}

/** The Input.dispatchKeyEvent parameters these helpers use. */
interface KeyEvent {
  type: 'keyDown' | 'keyUp';
  key: string;
  code?: string;
  text?: string;
  unmodifiedText?: string;
  windowsVirtualKeyCode?: number;
  timestamp: number;
}

/**
 * Installed before the app (page.addInitScript): every keydown's own stamp and
 * the moment the page took it, ahead of the app's listeners (the wedge
 * listener keeps a scan's keys from the rest of the page).
 */
export const KEY_LOG_SCRIPT = `window.keyLog = []; addEventListener('keydown', (e) => { window.keyLog.push({ key: e.key, stamp: e.timeStamp, at: performance.now() }); }, true);`;

export class CardScanPage {
  readonly search: Locator;
  readonly patientPanel: Locator;
  readonly scanResult: Locator;
  readonly scanError: Locator;
  readonly registrationForm: Locator;
  readonly issuedToken: Locator;
  private cdp: CDPSession | null = null;
  /** DevTools timestamps are seconds; each burst starts after the last one ended. */
  private clock = Date.now() / 1000;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('search-input');
    this.patientPanel = page.getByTestId('patient-panel');
    this.scanResult = page.getByTestId('scan-result');
    this.scanError = page.getByTestId('scan-error');
    this.registrationForm = page.getByTestId('registration-form');
    this.issuedToken = page.getByTestId('issued-token');
  }

  /** The counter signed in as the administrator, or (`?mode=kiosk`) the kiosk started by a supervisor, through the UI. */
  async open(path = '/') {
    if (new URLSearchParams(path.split('?')[1] ?? '').get('mode') === 'kiosk')
      await startKioskAs(this.page, ACCOUNTS.supervisor, path);
    else await openCounterAs(this.page, ACCOUNTS.admin, path);
    this.cdp = await this.page.context().newCDPSession(this.page);
    await this.expectCoreEventsLive();
  }

  /** The page's push stream is open, so a serial scan from now on reaches it. */
  async expectCoreEventsLive() {
    await expect(this.page.locator('html')).toHaveAttribute('data-core-events', 'open');
  }

  /** Set-up as the hospital's script does it: with the API key. */
  api<T>(method: string, input: unknown): Promise<T> {
    return apiValue<T>(this.page.request, method, input);
  }

  registerPatient(input: Record<string, unknown>): Promise<ApiPatient> {
    return this.api<ApiPatient>('patients.register', { confirmNotDuplicate: true, ...input });
  }

  async issueCard(patientId: string): Promise<string> {
    return (await this.api<{ qr: string }>('cards.issue', { patientId })).qr;
  }

  /** Both QR texts of a new card: the SMART Health Card (back) and the compact signed card (front). */
  issueCards(patientId: string): Promise<{ qr: string; compactQr: string }> {
    return this.api<{ qr: string; compactQr: string }>('cards.issue', { patientId });
  }

  /**
   * A wedge scanner's burst at `gapMs` a key, and how long the clerk waits for
   * the patient panel to show `shown`, measured in the page: the scanner's own
   * typing time (first key to Enter, by the keys' stamps) plus the app's time
   * from the Enter reaching the page to the frame that shows the panel. The
   * keys are queued at once (as in the OS input queue): the DevTools protocol
   * hands them over one acknowledged event at a time, slower than a USB scanner
   * on a loaded machine (a blank page falls 0.4-1.4 s behind 4 ms keys there),
   * so the wall time of that hand-over is not the app's. Needs
   * KEY_LOG_SCRIPT installed before the page loads.
   */
  async scanTimed(text: string, gapMs: number, shown: string): Promise<{ typedMs: number; answeredMs: number }> {
    await this.page.evaluate(`window.keyLog = []; window.panelShown = new Promise((done) => {
      const deadline = performance.now() + 10000;
      const frame = () => {
        const panel = document.querySelector('[data-testid="patient-panel"]');
        if ((panel?.textContent ?? '').includes(${JSON.stringify(shown)})) return done(performance.now());
        if (performance.now() > deadline) return done(-1);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }); true`);
    // The burst's first key is stamped before now: the page must be older than that to stamp it truly.
    // (Its age, not a condition to poll: the CSP forbids waitForFunction's string form.)
    const age = await this.page.evaluate<number>('performance.now()');
    const needed = text.length * gapMs + 1000;
    if (age < needed) await new Promise((r) => setTimeout(r, needed - age));
    await scanBurst(this.cdp!, text, gapMs);
    this.clock = Math.max(this.clock, Date.now() / 1000);
    return this.page.evaluate<{ typedMs: number; answeredMs: number }>(`window.panelShown.then((shownAt) => {
      const first = window.keyLog[0];
      const enter = window.keyLog.find((k) => k.key === 'Enter');
      return { typedMs: enter.stamp - first.stamp, answeredMs: shownAt < 0 ? -1 : shownAt - enter.at };
    })`);
  }

  /**
   * Keys with a fixed gap (ms) between them, then an optional terminator.
   * The gaps are the events' own timestamps; in real time the keys are sent
   * back to back, all queued at once (as a scanner's keys sit in the OS input
   * queue), never one round trip at a time: the wedge listener ends a burst on
   * a wall-clock timer, and a pause in this test process between two awaited
   * keys (GC, a loaded CI machine: a card is ~2,600 events) would otherwise
   * cut one scan into several. CDP runs one session's commands in order.
   */
  async keys(text: string, gapMs: number, terminator: 'Enter' | 'Tab' | null = 'Enter') {
    const cdp = this.cdp!;
    const events: KeyEvent[] = [];
    // A clear pause before every burst, and never stamped before keys a test pressed meanwhile in real time.
    this.clock = Math.max(this.clock, Date.now() / 1000) + 1;
    for (const ch of text) {
      this.clock += gapMs / 1000;
      events.push({ type: 'keyDown', key: ch, text: ch, unmodifiedText: ch, timestamp: this.clock });
      events.push({ type: 'keyUp', key: ch, timestamp: this.clock + 0.001 });
    }
    if (terminator) {
      this.clock += gapMs / 1000;
      const code = terminator === 'Enter' ? 13 : 9;
      events.push({
        type: 'keyDown',
        key: terminator,
        code: terminator,
        windowsVirtualKeyCode: code,
        ...(terminator === 'Enter' ? { text: '\r' } : {}),
        timestamp: this.clock,
      });
      events.push({
        type: 'keyUp',
        key: terminator,
        code: terminator,
        windowsVirtualKeyCode: code,
        timestamp: this.clock + 0.001,
      });
    }
    await Promise.all(events.map((e) => cdp.send('Input.dispatchKeyEvent', e)));
  }

  /** A USB scanner in keyboard mode: ~8 ms a key, with one hub hiccup, then Enter. */
  scanWithWedge(text: string) {
    return this.keys(text, 8);
  }

  /** A person typing at ~140 ms a key. */
  typeLikeAPerson(text: string, terminator: 'Enter' | null = null) {
    return this.keys(text, 140, terminator);
  }

  async expectPatientShown(name: string) {
    await expect(this.patientPanel).toContainText(name);
  }
}
