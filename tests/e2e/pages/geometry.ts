// Where things are on the screen, as a clerk or a patient across the hall
// sees it: inside the window or not, covered by something else or not, cut
// off (its content wider or taller than its box) or not, and on one line with
// another or not.
import { expect, type Locator } from '@playwright/test';

/** What is read of a page element here (the Node tsconfig has no DOM types). */
interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}
interface Probed {
  getBoundingClientRect(): Rect;
  contains(other: unknown): boolean;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  ownerDocument: {
    elementFromPoint(x: number, y: number): unknown;
    defaultView: { innerWidth: number; innerHeight: number } | null;
  };
}

export interface Placement extends Rect {
  viewportWidth: number;
  viewportHeight: number;
  /** Something else is drawn over the element's middle. */
  covered: boolean;
  /** Its content is wider or taller than its box (cut off, or scrolling inside). */
  overflowX: boolean;
  overflowY: boolean;
}

/** Where the element is; an element that is not there at all fails within a few seconds. */
export function placement(locator: Locator): Promise<Placement> {
  return locator.evaluate(
    (el: Probed) => {
      const r = el.getBoundingClientRect();
      const view = el.ownerDocument.defaultView!;
      const x = Math.min(Math.max(r.left + r.width / 2, 0), view.innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), view.innerHeight - 1);
      const top = el.ownerDocument.elementFromPoint(x, y);
      return {
        top: r.top,
        bottom: r.bottom,
        left: r.left,
        right: r.right,
        width: r.width,
        height: r.height,
        viewportWidth: view.innerWidth,
        viewportHeight: view.innerHeight,
        covered: top === null || !(el === top || el.contains(top)),
        overflowX: el.scrollWidth > el.clientWidth + 1,
        overflowY: el.scrollHeight > el.clientHeight + 1,
      };
    },
    undefined,
    { timeout: 5_000 },
  );
}

/** Wholly inside the window and not under anything else. */
export async function expectOnScreen(locator: Locator, what: string): Promise<Placement> {
  const p = await placement(locator);
  const where = `${what} at ${Math.round(p.left)},${Math.round(p.top)}–${Math.round(p.right)},${Math.round(p.bottom)} in ${p.viewportWidth}×${p.viewportHeight}`;
  expect.soft(p.top, `${where}: top`).toBeGreaterThanOrEqual(0);
  expect.soft(p.left, `${where}: left`).toBeGreaterThanOrEqual(0);
  expect.soft(p.bottom, `${where}: bottom`).toBeLessThanOrEqual(p.viewportHeight);
  expect.soft(p.right, `${where}: right`).toBeLessThanOrEqual(p.viewportWidth);
  expect.soft(p.covered, `${where}: covered by something else`).toBe(false);
  return p;
}

/** Its content fits its box: not cut off, not an ellipsis, not scrolling inside. */
export async function expectNotCut(locator: Locator, what: string): Promise<void> {
  const p = await placement(locator);
  expect.soft(p.overflowX, `${what}: content wider than its box`).toBe(false);
  expect.soft(p.overflowY, `${what}: content taller than its box`).toBe(false);
}

/** The vertical middles of these boxes are within `tolerance` pixels: they sit on one line. */
export async function expectOneLine(locators: Locator[], what: string, tolerance = 4): Promise<void> {
  const boxes = await Promise.all(locators.map(placement));
  const middles = boxes.map((b) => b.top + b.height / 2);
  expect.soft(Math.max(...middles) - Math.min(...middles), `${what}: on one line`).toBeLessThanOrEqual(tolerance);
}
