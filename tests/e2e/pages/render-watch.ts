// Which parts of the screen React rendered, from React itself: the page gets
// the hook React's developer tools use (installed before the app loads; the
// production build calls it too) and after each commit counts the elements
// with a given testid that were rendered again. An element rendered again has
// new props; one React skipped (a memoised row) keeps the props it had. No
// timing: whether a key renders the queue is a fact, not a speed.
import type { Page } from '@playwright/test';

const HOOK = `
(() => {
  const seen = new WeakSet();
  const counts = {};
  window.renderCounts = counts;
  const walk = (root) => {
    const stack = [root];
    while (stack.length) {
      const fiber = stack.pop();
      if (fiber.child) stack.push(fiber.child);
      if (fiber.sibling) stack.push(fiber.sibling);
      const props = fiber.memoizedProps;
      if (typeof fiber.type !== 'string' || !props || typeof props !== 'object' || seen.has(props)) continue;
      seen.add(props);
      const id = props['data-testid'];
      if (id) counts[id] = (counts[id] || 0) + 1;
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) { walk(root.current); },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
  };
})();
`;

export class RenderWatch {
  constructor(private readonly page: Page) {}

  /** Before the page loads: React finds the hook when it starts. */
  async install(): Promise<void> {
    await this.page.addInitScript(HOOK);
  }

  /** How often elements with this testid were rendered since the last `reset` (a mount counts once). */
  count(testId: string): Promise<number> {
    return this.page.evaluate<number>(`window.renderCounts[${JSON.stringify(testId)}] ?? 0`);
  }

  reset(): Promise<void> {
    return this.page.evaluate('for (const k of Object.keys(window.renderCounts)) delete window.renderCounts[k]');
  }
}
