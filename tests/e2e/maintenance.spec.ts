// Keeping the counter safe, as its people meet it, on a browser shell of this
// spec's own (a restore rolls its database back, a clock set back refuses
// tokens): the supervisor browses the audit and finds an entry changed in the
// file; a clock set back a day refuses tokens in words until the
// administrator accepts the clock; the administrator sets up backups, prints
// the recovery code, backs up and restores from the Maintenance dialog.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { CounterPage, type NewPatient } from './pages/counter-page';
import { ACCOUNTS, apiValue, callApi, ensureAccount, signInThroughUi, type Account } from './pages/desk-session';
import { MaintenancePage } from './pages/maintenance-page';
import { startOwnShell, type OwnShell } from './pages/own-shell';

const PORT = Number(process.env.E2E_PORT ?? 5188) + 2;
let shell: OwnShell;

test.beforeAll(async () => {
  shell = await startOwnShell(PORT, 'hims-e2e-ops-');
});
test.afterAll(async () => {
  await shell.stop();
});

const KAVITA: NewPatient = {
  name: 'Kavita Joshi',
  gender: 'female',
  ageYears: 36,
  phone: '9812300044',
  guardianRelation: 'W/o',
  guardianName: 'Mahesh Joshi',
  pincode: '110006',
};

async function openAs(page: Page, account: Account): Promise<CounterPage> {
  await ensureAccount(page.request, account, shell.base);
  await page.goto(`${shell.base}/`);
  const desk = page.getByTestId('desk-user');
  await expect(page.getByTestId('auth-signIn').or(desk)).toBeVisible();
  if (await desk.isVisible()) {
    if ((await desk.textContent())?.includes(account.displayName)) return new CounterPage(page);
    await page.getByTestId('desk-sign-out').click();
  }
  await signInThroughUi(page, account);
  await expect(desk).toContainText(account.displayName);
  return new CounterPage(page);
}

function database(): BetterSqlite3.Database {
  return new BetterSqlite3(join(shell.dataDir, 'counter.sqlite'));
}

test('the supervisor browses the audit, exports it, and the chain check finds an entry changed in the file', async ({
  page,
}, testInfo) => {
  const ops = new MaintenancePage(page);
  await test.step('Given a clerk registered a patient and issued a token', async () => {
    const counter = await openAs(page, ACCOUNTS.clerk);
    await counter.register(KAVITA);
    await page.getByTestId('dept-MED').click();
    await page.getByTestId('issue-token').click();
    await expect(counter.issuedToken).toBeVisible();
    await expect(page.getByTestId('audit-open')).toHaveCount(0); // a clerk has no audit
  });

  await test.step('When the supervisor opens the audit and shows that clerk, their work is listed', async () => {
    await openAs(page, ACCOUNTS.supervisor);
    await ops.openAudit();
    await ops.filterAuditByClerk(ACCOUNTS.clerk.username);
    const rows = ops.audit.getByTestId('audit-row');
    await expect(rows.filter({ hasText: 'Registered a patient' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Issued a token' })).toHaveCount(1);
    await expect(rows.first()).toContainText(ACCOUNTS.clerk.username);
  });

  await test.step('And the chain check says it is intact', async () => {
    const verdict = await ops.checkChain();
    await expect(verdict).toHaveAttribute('data-intact', 'true');
    await expect(verdict).toContainText('none changed or removed');
    await ops.screenshot(testInfo, '01-audit');
  });

  await test.step('And Export CSV downloads the same entries', async () => {
    const download = page.waitForEvent('download');
    await ops.audit.getByTestId('audit-export').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('seq,at,actor,action,entity,entity_id,detail,hash');
    expect(csv).toContain(`${ACCOUNTS.clerk.username},patient.register,patient,`);
    expect(csv).not.toContain(KAVITA.name);
    await expect(ops.audit.getByTestId('audit-exported')).toContainText('entries exported');
  });

  await test.step('When someone changes the clerk’s registration entry in the database file, the check shows exactly that entry', async () => {
    const db = database();
    const { seq } = db.prepare("SELECT seq FROM audit_log WHERE action = 'patient.register' ORDER BY seq DESC LIMIT 1").get() as {
      seq: number;
    };
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'nobody' WHERE seq = ?").run(seq);
    db.close();
    const verdict = await ops.checkChain();
    await expect(verdict).toHaveAttribute('data-intact', 'false');
    await expect(verdict.getByTestId('audit-break')).toHaveCount(1);
    await expect(verdict.getByTestId('audit-break')).toHaveAttribute('data-seq', String(seq));
    await expect(verdict).toContainText('changed after it was written');
    await ops.screenshot(testInfo, '02-audit-broken');
    await ops.close();
  });
});

test('a clock set back a day refuses tokens in words, until the administrator accepts the clock', async ({ page }, testInfo) => {
  const ops = new MaintenancePage(page);
  const counter = await openAs(page, ACCOUNTS.admin);
  const patient = await apiValue<{ id: string; uhid: string }>(
    page.request,
    'patients.register',
    { name: 'Ramesh Chand', gender: 'male', ageYears: 50, phone: '9812300055', confirmNotDuplicate: true },
    shell.base,
  );

  await test.step('Given this counter already dated records tomorrow (its clock is now a day behind)', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const db = database();
    db.prepare('INSERT OR REPLACE INTO clock_watermark (id, latest_at, latest_day) VALUES (1, ?, ?)').run(
      tomorrow.toISOString(),
      tomorrow.toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' }),
    );
    db.close();
    await page.reload();
  });

  await test.step('Then the header says so, and issuing a token is refused in words', async () => {
    await expect(ops.clockWarning).toContainText('already dated tokens or registrations');
    await expect(ops.clockWarning).toHaveAttribute('data-can-issue', 'false');
    await counter.findAndOpen(patient.uhid, 'Ramesh Chand');
    await page.getByTestId('dept-MED').click();
    await page.getByTestId('issue-token').click();
    const error = page.getByTestId('issue-error');
    await expect(error).toHaveAttribute('data-code', 'CLOCK_BEHIND');
    await expect(error).toContainText("This computer's clock is behind what this counter already issued");
    await ops.screenshot(testInfo, '03-clock-behind');
  });

  await test.step('When the administrator accepts the clock as it is, the warning goes and the token is issued', async () => {
    await ops.open();
    await expect(ops.dialog.getByTestId('clock-state')).toHaveAttribute('data-ok', 'false');
    await ops.dialog.getByTestId('clock-accept').click();
    await expect(ops.dialog.getByTestId('clock-state')).toHaveAttribute('data-ok', 'true');
    await ops.close();
    await expect(ops.clockWarning).toBeHidden();
    await page.getByTestId('issue-token').click();
    await expect(counter.issuedToken).toBeVisible();
  });
});

test('the administrator sets up backups, prints the recovery code, backs up, and restores', async ({ page }, testInfo) => {
  const ops = new MaintenancePage(page);
  const folder = mkdtempSync(join(tmpdir(), 'hims-e2e-backups-'));
  let file = '';
  await openAs(page, ACCOUNTS.admin);

  await test.step('Given backups are off, the administrator is told under the header', async () => {
    await expect(ops.backupWarning).toHaveAttribute('data-state', 'off');
    await expect(ops.backupWarning).toContainText('choose a backup folder in Maintenance');
  });

  await test.step('When I choose a folder and make the recovery code, it is shown once to print', async () => {
    await ops.open();
    await ops.chooseBackupFolder(folder);
    await expect(ops.dialog.getByTestId('backup-state')).toHaveAttribute('data-state', 'no_key');
    await ops.makeRecoveryCode(testInfo, '04-recovery-code');
    await expect(ops.dialog.getByTestId('recovery-state')).toContainText('A recovery code was made');
    await expect(ops.dialog.getByTestId('recovery-code')).toHaveCount(0);
  });

  await test.step('And Back up now writes a backup into the folder; the warning goes', async () => {
    file = await ops.backUpNow();
    await expect(ops.dialog.locator(`[data-testid="backup-row"][data-name="${file}"]`)).toContainText('this counter');
    await expect(ops.dialog.getByTestId('backup-state')).toHaveAttribute('data-state', 'ok');
    await expect(ops.dialog.getByTestId('disk-encryption')).toHaveAttribute('data-state', /encrypted|not_encrypted|unknown/);
    await ops.screenshot(testInfo, '05-maintenance');
    await ops.close();
    await expect(ops.backupWarning).toBeHidden();
  });

  await test.step('And the same dialog reads in Hindi', async () => {
    await page.getByTestId('lang-switch').click();
    await ops.open();
    await expect(ops.dialog).toContainText('बैकअप');
    await ops.screenshot(testInfo, '06-maintenance-hi');
    await ops.close();
    await ops.openAudit();
    await expect(ops.audit).toContainText('ऑडिट लॉग');
    await ops.screenshot(testInfo, '07-audit-hi');
    await ops.close();
    await page.getByTestId('lang-switch').click();
  });

  await test.step('When a patient is registered after the backup and I restore it, the counter restarts onto the backup', async () => {
    const late = await apiValue<{ id: string }>(
      page.request,
      'patients.register',
      { name: 'Registered Afterwards', gender: 'male', ageYears: 22, phone: '9812300066' },
      shell.base,
    );
    expect(late.id).toBeTruthy();
    await ops.open();
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await ops.restore(file);
    // The server restarted in its process; the page loads again from it and asks everyone to sign in.
    await reloaded;
    await expect(page.getByTestId('auth-signIn')).toBeVisible({ timeout: 30_000 });
    await signInThroughUi(page, ACCOUNTS.admin);
    const after = await callApi<{ patients: { name: string }[] }>(
      page.request,
      'patients.search',
      { query: '9812300066' },
      shell.base,
    );
    expect(after.ok && after.value.patients).toEqual([]);
    const before = await apiValue<{ patients: { name: string }[] }>(
      page.request,
      'patients.search',
      { query: KAVITA.phone },
      shell.base,
    );
    expect(before.patients.map((p) => p.name)).toEqual([KAVITA.name]);
  });
});
