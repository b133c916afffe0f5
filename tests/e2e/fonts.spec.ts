// Hindi in every window (counter, room screen, hall board, kiosk) is drawn in
// the bundled Noto Sans Devanagari, its bold where the text is bold: asked of
// Chromium itself (DevTools' CSS.getPlatformFontsForNode names the font each
// piece of text was drawn with), never of the style sheet. A machine with no
// Devanagari font of its own, or only a thin one, still shows real weights.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/board-page';
import { ACCOUNTS, openCounterAs, startKioskAs } from './pages/desk-session';
import { RoomPage } from './pages/room-page';

interface Probe {
  getAttribute(name: string): string | null;
}

/**
 * Marks the first element whose own text is Devanagari and bold (weight ≥ 600), and the first that
 * is regular, with data-font-probe; returns which were found.
 */
function markProbes(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const found = [];
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
      if (!/[\\u0900-\\u097F]/.test(own) || el.closest('[aria-hidden="true"], .visually-hidden')) continue;
      const weight = Number(getComputedStyle(el).fontWeight);
      const kind = weight >= 600 ? 'bold' : 'regular';
      if (found.includes(kind) || el.getClientRects().length === 0) continue;
      el.setAttribute('data-font-probe', kind);
      found.push(kind);
    }
    return found.sort();
  })()`);
}

/** The fonts Chromium drew a node's text with: PostScript names and whether each came from the page. */
async function fontsDrawnWith(page: Page, selector: string): Promise<{ postScriptName: string; isCustomFont: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => ({ postScriptName: f.postScriptName, isCustomFont: f.isCustomFont }));
  } finally {
    await cdp.detach();
  }
}

async function expectBundledDevanagari(page: Page, window: string) {
  await page.evaluate('document.fonts.ready.then(() => true)');
  expect(await markProbes(page), `${window}: Hindi text in bold and in regular`).toEqual(['bold', 'regular']);
  for (const [kind, face] of [
    ['bold', 'NotoSansDevanagari-Bold'],
    ['regular', 'NotoSansDevanagari-Regular'],
  ] as const) {
    const fonts = await fontsDrawnWith(page, `[data-font-probe="${kind}"]`);
    const text = await page
      .locator(`[data-font-probe="${kind}"]`)
      .evaluate((el: Probe & { textContent: string | null }) => el.textContent);
    expect(fonts, `${window}: the ${kind} Hindi "${text}" is drawn in the bundled ${face}`).toContainEqual({
      postScriptName: face,
      isCustomFont: true,
    });
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('hims-counter.language', 'hi')");
});

test('the counter draws Hindi in the bundled Noto Sans Devanagari, regular and bold', async ({ page }) => {
  await openCounterAs(page, ACCOUNTS.clerk);
  await expect(page.getByTestId('new-patient')).toContainText('नया मरीज़');
  await expect(page.getByTestId('hospital-name')).toHaveText('Lok Nayak Hospital');
  await expectBundledDevanagari(page, 'counter');
});

test('the room screen draws Hindi in the bundled Noto Sans Devanagari, regular and bold', async ({ page }) => {
  const room = new RoomPage(page);
  await room.open(ACCOUNTS.doctor);
  await room.choose('MED', '101');
  await expect(page.getByTestId('room-next')).toContainText('अगला');
  await expectBundledDevanagari(page, 'room screen');
});

test('the hall board draws Hindi in the bundled Noto Sans Devanagari, regular and bold', async ({ page }) => {
  const board = new BoardPage(page);
  await board.start(ACCOUNTS.supervisor, ['MED']);
  await expect(board.department('MED')).toContainText('सामान्य चिकित्सा');
  await expectBundledDevanagari(page, 'hall board');
});

test('the kiosk draws Hindi in the bundled Noto Sans Devanagari, regular and bold', async ({ page }) => {
  await startKioskAs(page, ACCOUNTS.supervisor);
  await expectBundledDevanagari(page, 'kiosk');
});
