// The queue after the token, as the hall sees it: a clerk issues tokens at
// the counter, a doctor's room screen calls them by the department's rule,
// and the hall board shows each call and says it (Web Audio, the bundled
// clips: this Chromium has no system voices), a recall again, two calls one
// after the other. Three browser contexts stand for three machines.
import { expect, test } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium';
import { BoardPage } from './pages/board-page';
import { CounterPage } from './pages/counter-page';
import { ACCOUNTS, apiValue } from './pages/desk-session';
import { RoomPage } from './pages/room-page';

// A hall board's kiosk browser is started so: sound without a click first.
test.use({
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, '--autoplay-policy=no-user-gesture-required'] },
});

/** Dermatology: no other spec uses it, so its queue today is this test's alone. */
const DEPT = 'DERM';

interface TokenAnswer {
  id: string;
  label: string;
}

test('a clerk issues tokens, a room calls them, the board shows and announces them', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const counter = new CounterPage(page);
  await counter.open();
  await counter.api('departments.update', {
    code: DEPT,
    rooms: ['210', '211'],
    queueRule: { priority: 'ahead', rooms: 'shared' },
  });
  const issueByApi = async (name: string, priority: string) => {
    const patient = await counter.api<{ id: string }>('patients.register', {
      name,
      gender: 'female',
      ageYears: priority === 'senior' ? 67 : 30,
      confirmNotDuplicate: true,
    });
    return counter.api<TokenAnswer>('tokens.issue', { patientId: patient.id, departmentCode: DEPT, priority });
  };

  const boardContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const board = new BoardPage(await boardContext.newPage());
  const roomContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const room = new RoomPage(await roomContext.newPage());
  const shot = (name: string, p = page) => p.screenshot({ path: testInfo.outputPath(`${name}.png`) });

  try {
    await test.step('Given a supervisor started the hall board for Dermatology', async () => {
      await board.start(ACCOUNTS.supervisor, [DEPT]);
      await expect(board.department(DEPT)).toBeVisible();
      await expect(board.page.getByTestId('announcements')).toHaveAttribute('data-audio', 'running');
    });

    let regular = '';
    let senior = '';
    await test.step('When the clerk registers a patient and issues a Dermatology token (key 8), and a senior citizen comes after', async () => {
      await counter.register({
        name: 'Pooja Sharma',
        gender: 'female',
        ageYears: 28,
        phone: '9812300077',
        guardianRelation: 'W/o',
        guardianName: 'Amit Sharma',
        pincode: '110006',
      });
      regular = await counter.issueToken('8', DEPT);
      senior = (await issueByApi('Kamala Bai', 'senior')).label;
    });

    await test.step('Then the room screen lists the senior citizen first: priority patients are called ahead', async () => {
      await room.open(ACCOUNTS.doctor);
      await room.choose(DEPT, '210');
      await expect.poll(() => room.waitingLabels()).toEqual([senior, regular]);
      await expect(room.waitingRows.first()).toContainText('Senior citizen');
      await expect(board.department(DEPT).getByTestId('board-waiting')).toHaveAttribute('data-count', '2');
    });

    await test.step('When the clerk marks a token issued by mistake as entered in error, the room no longer waits for it', async () => {
      const mistake = await issueByApi('Wrong Patient', 'none');
      await expect.poll(() => room.waitingLabels()).toEqual([senior, regular, mistake.label]);
      await counter.showQueue(DEPT);
      const row = counter.queueRows.filter({ hasText: mistake.label });
      await counter.chooseMove(mistake.label, 'eie-token');
      await page.getByTestId('eie-reason').fill('issued to the wrong patient');
      await page.getByTestId('eie-confirm').click();
      await expect(row).toHaveAttribute('data-status', 'entered_in_error');
      await expect.poll(() => room.waitingLabels()).toEqual([senior, regular]);
    });

    await test.step('When the doctor presses N, the senior citizen is called to room 210, on the board at once', async () => {
      await room.press('n');
      await expect(room.currentLabel).toHaveText(senior);
      await expect(room.outcome).toContainText(`${senior} called to room 210`);
      await expect(board.nowCalling(DEPT).first()).toHaveAttribute('data-label', senior);
      await expect(board.nowCalling(DEPT).first()).toContainText('Room 210');
      // No names on a board started without them.
      await expect(board.board).not.toContainText('Kamala');
    });

    await test.step('Screenshot: the room screen at 1024×768 with a patient called and one waiting, in English and Hindi', async () => {
      await expect(room.waitingRows).toHaveCount(1);
      await shot('queue-room-en-1024x768', room.page);
      await room.page.getByTestId('lang-switch').click();
      await expect(room.page.locator('html')).toHaveAttribute('lang', 'hi');
      await expect(room.page.getByTestId('room-next')).toContainText('अगला बुलाएँ');
      await shot('queue-room-hi-1024x768', room.page);
      await room.page.getByTestId('lang-switch').click();
      await expect(room.page.locator('html')).toHaveAttribute('lang', 'en');
    });

    await test.step('And the board chimes and says it in Hindi and English, and sound really comes out', async () => {
      const said = await board.announcedCall(senior);
      expect(said.engines).toBe('clips,clips');
      // The loudest sample the Web Audio analyser saw while it played: silence would be 0.
      expect(said.peak).toBeGreaterThan(0.05);
      expect(said.ended - said.started).toBeGreaterThan(3000); // chime + two languages, a few seconds
      // From here on, English only: shorter to wait for (the board's own setting).
      await board.setSpeech({ languages: 'en' });
    });

    await test.step('When the doctor presses R, the same call is announced again', async () => {
      await room.press('r');
      await expect(room.outcome).toContainText(`${senior} called again`);
      const again = await board.announcedCall(senior, 2);
      expect(again.peak).toBeGreaterThan(0.05);
      expect(again.engines).toBe('clips');
    });

    await test.step('When the patient does not come (X), the token is set aside; put back, it waits again', async () => {
      await room.press('x');
      await expect(room.setAsideRows.filter({ hasText: senior })).toHaveAttribute('data-status', 'no_show');
      await room.setAsideRows.filter({ hasText: senior }).getByTestId('room-return').click();
      await expect.poll(() => room.waitingLabels()).toEqual([senior, regular]);
    });

    await test.step('When the doctor presses N, then I and D, the patient is called, in, and done', async () => {
      await room.press('n');
      await expect(room.currentLabel).toHaveText(senior);
      await room.press('i');
      await expect(room.current).toHaveAttribute('data-status', 'in_consultation');
      await room.press('d');
      await expect(room.current).toHaveAttribute('data-status', 'none');
      await expect(board.department(DEPT).getByTestId('board-recent').first()).toHaveAttribute('data-label', senior);
      await board.announcedCall(senior, 3);
    });

    let both: string[] = [];
    await test.step('When two rooms call at the same moment, the board says one call, then the other, never both at once', async () => {
      await board.setSpeech({ languages: '' }); // the chime alone is enough to hear the order
      const extra = await issueByApi('Rekha Devi', 'none');
      await expect.poll(() => room.waitingLabels()).toEqual([regular, extra.label]);
      await Promise.all([
        room.press('n'),
        apiValue(page.request, 'queue.callNext', { moveId: crypto.randomUUID(), departmentCode: DEPT, room: '211' }),
      ]);
      both = [regular, extra.label];
      await expect.poll(async () => (await board.nowCalling(DEPT).all()).length).toBe(2);
      const [a, b] = await Promise.all(both.map((label) => board.announcedCall(label, 1, 60_000)));
      const [first, second] = a!.started < b!.started ? [a!, b!] : [b!, a!];
      expect(first.ended).toBeLessThanOrEqual(second.started);
      await expect(room.page.getByTestId('room-times-room-wait')).not.toHaveAttribute('data-count', '0');
    });

    await test.step('Screenshots: the board on a TV and on a small screen, in English and Hindi', async () => {
      await shot('queue-board-en-1920x1080', board.page);
      await board.page.setViewportSize({ width: 1024, height: 768 });
      await shot('queue-board-en-1024x768', board.page);
      await board.switchLanguage();
      await expect(board.page.locator('html')).toHaveAttribute('lang', 'hi');
      await expect(board.department(DEPT)).toContainText('अभी बुलाया जा रहा है');
      await shot('queue-board-hi-1024x768', board.page);
      await board.page.setViewportSize({ width: 1920, height: 1080 });
      await shot('queue-board-hi-1920x1080', board.page);
    });
  } finally {
    await boardContext.close();
    await roomContext.close();
  }
});
