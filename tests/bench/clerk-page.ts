// The page side of the clerk bench: what the app makes the clerk wait for,
// timed in the page from the key's own timestamp (when Chromium received it,
// or for a scan when the scanner sent it) to the first frame that shows the
// answer. Scripts are strings: tsx would wrap functions in helpers the page
// lacks.
import type { Page } from 'playwright';

/** Installed before the app: every keydown noted (capture phase, ahead of the app's own listeners). */
export const CLERK_PAGE_SCRIPT = `
window.bench = { keys: [], typing: null, watches: {} };
addEventListener('keydown', (e) => {
  window.bench.keys.push({ key: e.key, t: e.timeStamp });
  const typing = window.bench.typing;
  // A key typed: from the key to the frame after the app handled it (the handlers run before that frame).
  if (typing) { const t = e.timeStamp; requestAnimationFrame(() => typing.push(performance.now() - t)); }
}, true);
window.bench.watch = (name, key, test) => {
  const from = window.bench.keys.length;
  const deadline = performance.now() + 10000;
  window.bench.watches[name] = new Promise((done) => {
    const frame = () => {
      const k = window.bench.keys.slice(from).find((k) => k.key === key);
      if (k && test()) return done(performance.now() - k.t);
      if (performance.now() > deadline) return done(-1);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
};
`;

/** A page-side test: the element with this testid shows the text. */
export function shows(testId: string, text: string): string {
  return `(document.querySelector('[data-testid="${testId}"]')?.textContent ?? '').includes(${JSON.stringify(text)})`;
}

/** A page-side test: the element with this testid has the cursor. */
export function focused(testId: string): string {
  return `document.activeElement?.getAttribute('data-testid') === ${JSON.stringify(testId)}`;
}

/** A page-side test: the department's button is lit. */
export function picked(code: string): string {
  return `document.querySelector('[data-testid="dept-${code}"]')?.getAttribute('aria-pressed') === 'true'`;
}

/** A page-side test: the big token shows a label other than `previous`. */
export function tokenOtherThan(previous: string): string {
  return `(() => { const l = document.querySelector('[data-testid="issued-token-label"]'); return !!l && l.textContent.trim() !== ${JSON.stringify(previous)}; })()`;
}

export class ClerkPage {
  constructor(readonly page: Page) {}

  /** Starts timing, from the next keydown of `key`, until `test` holds; collect with `waited`. */
  async watch(name: string, key: string, test: string): Promise<void> {
    await this.page.evaluate(`window.bench.watch(${JSON.stringify(name)}, ${JSON.stringify(key)}, () => ${test})`);
  }

  /** Ms the watch took, or -1 when its answer never showed (10 s). */
  waited(name: string): Promise<number> {
    return this.page.evaluate<number>(`window.bench.watches[${JSON.stringify(name)}]`);
  }

  /** From now on each key's wait (key → next frame) is gathered; `typed` hands them over. */
  startTyping(): Promise<void> {
    return this.page.evaluate('void (window.bench.typing = [])');
  }

  /** The keys' waits gathered since startTyping, once every key typed has had its frame. */
  async typed(): Promise<number[]> {
    return this.page.evaluate<number[]>(
      'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => { const t = window.bench.typing; window.bench.typing = null; done(t ?? []); })))',
    );
  }

  value(testId: string): Promise<string> {
    return this.page.evaluate<string>(`document.querySelector('[data-testid="${testId}"]')?.value ?? ''`);
  }

  text(testId: string): Promise<string> {
    return this.page.evaluate<string>(`(document.querySelector('[data-testid="${testId}"]')?.textContent ?? '').trim()`);
  }
}
