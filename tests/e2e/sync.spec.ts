// HIMS sync as a clerk and an IT officer meet it, in Chromium against the
// browser shell, with a development HIMS (FHIR R4) on loopback run by this
// test: connect it from the settings, watch a registration and its token
// arrive at the HIMS, unplug the HIMS and keep working, plug it back in.
import { expect, test } from '@playwright/test';
import type { Encounter, Patient } from '@medplum/fhirtypes';
import { startHimsServer, type HimsServer } from '../../main/hims-dev/hims-server';
import { SYSTEMS } from '../../main/fhir/systems';
import { CounterPage } from './pages/counter-page';
import { SyncPage } from './pages/sync-page';

const ASHA = {
  name: 'Asha Verma',
  gender: 'female',
  ageYears: 41,
  phone: '9812300011',
  guardianRelation: 'W/o',
  guardianName: 'Vinod Verma',
  pincode: '110006',
} as const;
const RAJU = {
  name: 'Raju Yadav',
  gender: 'male',
  ageYears: 29,
  phone: '9812300022',
  guardianRelation: 'S/o',
  guardianName: 'Mohan Yadav',
  pincode: '110006',
} as const;

async function himsHolds(hims: HimsServer, name: string): Promise<{ patients: number; encounters: number }> {
  const patients = (await hims.repo.searchResources<Patient>({ resourceType: 'Patient' })).filter(
    (p) => p.name?.[0]?.text === name,
  );
  const encounters = await hims.repo.searchResources<Encounter>({ resourceType: 'Encounter' });
  return {
    patients: patients.length,
    encounters: encounters.filter((e) => patients.some((p) => e.subject?.reference === `Patient/${p.id}`)).length,
  };
}

test('connect the HIMS, sync a registration, keep working while it is unplugged', async ({ page }, testInfo) => {
  let hims = await startHimsServer();
  const port = hims.port;
  const counter = new CounterPage(page);
  const sync = new SyncPage(page);
  try {
    await test.step('Given the counter is open, sync is off and says so', async () => {
      await counter.open();
      await sync.expectState('disabled');
      await expect(sync.state).toHaveText('HIMS sync off');
    });

    await test.step('When I enter the HIMS address and save, the connection test passes', async () => {
      await sync.connect(hims.baseUrl);
      await counter.screenshot(testInfo, '01-sync-settings');
      await sync.closeSettings();
    });

    await test.step('And I register a patient and issue a token, both reach the HIMS', async () => {
      await counter.register(ASHA);
      await counter.issueToken('1', 'MED');
      await sync.syncNow();
      await expect.poll(() => himsHolds(hims, ASHA.name), { timeout: 15_000 }).toEqual({ patients: 1, encounters: 1 });
      await sync.expectState('idle');
      await expect(sync.pending).toHaveText('nothing waiting');
    });

    await test.step('When the HIMS is unplugged, I still register and issue at once, and the strip says offline', async () => {
      await hims.close();
      await page.keyboard.press('Escape');
      await counter.register(RAJU);
      await counter.issueToken('1', 'MED');
      await sync.syncNow();
      await sync.expectState('offline');
      await expect(sync.pending).toContainText('changes waiting');
      await expect(sync.lastError).toContainText(/not reachable|connection/i);
      await counter.screenshot(testInfo, '02-offline');
    });

    await test.step('When the HIMS is back, the waiting changes go by themselves', async () => {
      hims = await startHimsServer({ port });
      await sync.syncNow();
      await expect.poll(() => himsHolds(hims, RAJU.name), { timeout: 15_000 }).toEqual({ patients: 1, encounters: 1 });
      await sync.expectState('idle', 20_000);
      await expect(sync.pending).toHaveText('nothing waiting');
      await counter.screenshot(testInfo, '03-back-in-sync');
    });

    await test.step('When another counter already sent the same ABHA patient, I review both versions and take the HIMS one', async () => {
      await hims.repo.createResource<Patient>({
        resourceType: 'Patient',
        name: [{ text: 'Kavita Rani' }],
        gender: 'female',
        birthDate: '1980-03-04',
        identifier: [
          { system: SYSTEMS.abhaNumber, value: '33-4444-5555-6666' },
          { system: SYSTEMS.clientUuid, value: 'urn:uuid:6f1c1d7e-4a0b-4c55-9d2e-1b2c3d4e5f60' },
        ],
      });
      await page.keyboard.press('Escape');
      await counter.typeSearch('9812300033');
      await page.getByTestId('reg-name').fill('Kavita Devi');
      await page.getByTestId('reg-gender').selectOption('female');
      await page.getByTestId('reg-age').fill('46');
      await page.getByTestId('reg-abha-number').fill('33444455556666');
      await page.getByTestId('reg-submit').click();
      await expect(counter.patientPanel).toContainText('Kavita Devi');
      await sync.syncNow();
      await sync.openReview();
      const entry = sync.reviewEntries().first();
      await expect(entry).toContainText('Same ABHA number as another record.');
      const nameRow = entry.locator('tr', { hasText: 'Name' });
      await expect(nameRow).toHaveClass('differs');
      await expect(nameRow.locator('td').nth(0)).toHaveText('Kavita Devi');
      await expect(nameRow.locator('td').nth(1)).toHaveText('Kavita Rani');
      await counter.screenshot(testInfo, '04-review-side-by-side');
      await entry.getByTestId('review-keep-remote').click();
      await expect(sync.reviewEntries()).toHaveCount(0);
      // The button that was pressed is gone; Escape still closes the list, and the search box has the cursor.
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('sync-review')).toBeHidden();
      await expect(counter.search).toBeFocused();
      const abhaPatients = (await hims.repo.searchResources<Patient>({ resourceType: 'Patient' })).filter((p) =>
        p.identifier?.some((i) => i.system === SYSTEMS.abhaNumber && i.value === '33-4444-5555-6666'),
      );
      expect(abhaPatients).toHaveLength(1);
    });
  } finally {
    await hims.close();
  }
});
