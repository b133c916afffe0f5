// A busy morning's queue beside the search box: a key typed in the box
// renders none of its rows (nor the header), and a new token renders its own
// row only. Counted from React's own commits (pages/render-watch.ts), not
// timed: the time it costs is measured by `npm run bench -- --only clerk-screen`.
import { expect, test } from '@playwright/test';
import { apiValue } from './pages/desk-session';
import { CounterPage } from './pages/counter-page';
import { RenderWatch } from './pages/render-watch';

const QUEUED = 40;

test('typing in the search box renders no queue row, and a new token renders only its own', async ({ page }) => {
  const counter = new CounterPage(page);
  const renders = new RenderWatch(page);
  await renders.install();
  const ids: string[] = [];
  for (let i = 0; i < QUEUED + 1; i++) {
    const patient = await counter.registerByApi({
      name: `Queue Renders ${String.fromCharCode(65 + (i % 26))}${i}`,
      gender: 'other',
      ageYears: 30 + (i % 40),
      phone: `97114${String(i).padStart(5, '0')}`,
    });
    ids.push(patient.id);
  }
  for (const patientId of ids.slice(0, QUEUED))
    await apiValue(page.request, 'tokens.issue', { patientId, departmentCode: 'ENT' });

  await test.step(`Given ${QUEUED} tokens in ENT on screen`, async () => {
    await counter.open();
    await counter.showQueue('ENT');
    await expect(counter.queueRows.filter({ hasText: 'Queue Renders' })).toHaveCount(QUEUED);
    await counter.search.focus();
  });

  await test.step('When I type a name in the search box, no queue row and not the header is rendered again', async () => {
    await renders.reset();
    await counter.search.pressSequentially('queue rend', { delay: 90 });
    await expect(counter.results.first()).toContainText('Queue Renders');
    expect(await renders.count('search-input')).toBeGreaterThan(0); // the watch sees the box itself render
    expect(await renders.count('queue-row')).toBe(0);
    expect(await renders.count('hospital-name')).toBe(0);
  });

  await test.step('When a token is issued in ENT, only its own row is rendered', async () => {
    await page.keyboard.press('Escape');
    await counter.typeSearch('9711400040');
    await counter.search.press('Enter');
    await expect(counter.patientPanel).toContainText('Queue Renders');
    await renders.reset();
    await counter.issueToken('6', 'ENT');
    await expect(counter.queueRows.filter({ hasText: 'Queue Renders' })).toHaveCount(QUEUED + 1);
    expect(await renders.count('queue-row')).toBe(1);
  });
});
