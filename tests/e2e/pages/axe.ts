// axe-core over what a page shows now, held to WCAG 2.1 A and AA (what GIGW
// asks of a government hospital's screens).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** What axe found on the page as it is, one line per rule and element, each line starting with `screen`. */
export async function violationsOn(page: Page, screen: string): Promise<string[]> {
  // Hindi is checked in the font it is drawn in.
  await page.evaluate('document.fonts.ready.then(() => true)');
  const wcag = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  // Off by default in axe (still "experimental"), but WCAG 2.1 A all the same: a control's spoken name holds its text.
  const nameHoldsText = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
  return [...wcag.violations, ...nameHoldsText.violations].flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${screen}: ${v.id} (${v.impact ?? ''}) at ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
    ),
  );
}
