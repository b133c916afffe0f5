// A clerk's keys beyond the data, with no mouse, in English and in Hindi on an
// InScript keyboard (Devanagari data, one-key choices by the letter printed
// on the key). The counts are reported and may not grow, and Hindi costs what
// English costs.
//
// Measured on the form as it first was (same patient, same data): 15
// keys to register and the district and state still to be typed. Now: Enter
// moves to the next empty field of the usual path, gender and relation take
// one key and move on, and the PIN fills district and state: 8 keys, and 10
// with the token (the department's key and Enter). An exact date of birth,
// a medico-legal case and a fee add three: Alt+M, and Enter to each next MLC
// field (the date is typed where the age goes; the fee is taken by the Enter
// that issues).
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { ACCOUNTS, apiValue, openCounterAs } from './pages/desk-session';
import { KeyCounter, type Layout } from './pages/key-counter';
import { startOwnShell, type OwnShell } from './pages/own-shell';

interface Person {
  mobile: string;
  name: string;
  guardian: string;
  address: string;
}

const PEOPLE: Record<Layout, Person> = {
  english: { mobile: '9810133344', name: 'Bhola Nath Tiwari', guardian: 'Ram Lal', address: '12 Gali 3 Seelampur' },
  inscript: { mobile: '9810133355', name: 'भोला नाथ तिवारी', guardian: 'राम लाल', address: '12 गली 3 सीलमपुर' },
};

/** The search box to the patient panel: mobile, name, sex, age or date of birth, relation, guardian, address, PIN. */
async function register(page: Page, keys: KeyCounter, p: Person, birth: { age: string } | { dateOfBirth: string }) {
  await test.step('A mobile nobody has, Enter: the form opens at the name', async () => {
    await keys.type(p.mobile);
    await expect(page.getByTestId('search-input')).toHaveValue(p.mobile);
    await keys.press('Enter');
    await expect(page.getByTestId('reg-name')).toBeFocused();
  });

  await test.step('Name, Enter, one key for the sex', async () => {
    await keys.type(p.name);
    await keys.press('Enter');
    await expect(page.getByTestId('reg-gender')).toBeFocused();
    await keys.letter('M');
    await expect(page.getByTestId('reg-gender')).toHaveValue('male');
    await expect(page.getByTestId('reg-age')).toBeFocused();
  });

  await test.step('The age, or the date of birth typed where the age goes (its first "-" makes it one); Enter', async () => {
    if ('age' in birth) {
      await keys.type(birth.age);
    } else {
      await keys.type(birth.dateOfBirth);
      await expect(page.getByTestId('reg-age-mode')).toBeChecked();
      await expect(page.getByTestId('reg-dob')).toHaveValue(birth.dateOfBirth);
    }
    await keys.press('Enter');
  });

  await test.step('The mobile came from the search: the cursor skips it to the relation; one key, guardian, Enter', async () => {
    await expect(page.getByTestId('reg-guardian-relation')).toBeFocused();
    await keys.letter('S');
    await expect(page.getByTestId('reg-guardian-name')).toBeFocused();
    await keys.type(p.guardian);
    await keys.press('Enter');
  });

  await test.step('Address, Enter, PIN: district and state fill themselves, and Enter registers', async () => {
    await expect(page.getByTestId('reg-address-line')).toBeFocused();
    await keys.type(p.address);
    await keys.press('Enter');
    await expect(page.getByTestId('reg-pincode')).toBeFocused();
    await keys.type('110053');
    await expect(page.getByTestId('reg-district')).toHaveValue('North East');
    await keys.press('Enter');
    await expect(page.getByTestId('patient-panel')).toContainText(p.name);
  });
}

/** The department's key (General Medicine: 1) and Enter: the token. */
async function giveToken(page: Page, keys: KeyCounter) {
  await keys.letter('1');
  await expect(page.getByTestId('dept-MED')).toHaveAttribute('aria-pressed', 'true');
  await keys.press('Enter');
  await expect(page.getByTestId('issued-token')).toBeVisible();
}

function report(testInfo: TestInfo, layout: Layout, keys: KeyCounter) {
  const line = `${layout}: ${keys.overhead} keys beyond ${keys.dataCharacters} characters of data (${keys.overheadKeys.join(' ')})`;
  testInfo.annotations.push({ type: 'keys', description: line });
  console.log(line);
}

test('a new adult and a token take 10 keys beyond the data, in English and in Hindi on InScript', async ({ page }, testInfo) => {
  const counts: Partial<Record<Layout, string[]>> = {};
  for (const layout of ['english', 'inscript'] as const) {
    await test.step(`With the ${layout === 'english' ? 'English' : 'Hindi InScript'} keyboard`, async () => {
      await openCounterAs(page, ACCOUNTS.admin);
      const language = page.getByTestId('lang-switch');
      if ((await language.getAttribute('data-lang')) !== (layout === 'english' ? 'en' : 'hi')) await language.click();
      await page.getByTestId('search-input').focus();
      const keys = new KeyCounter(page, layout);
      await register(page, keys, PEOPLE[layout], { age: '52' });
      await expect(page.getByTestId('patient-panel')).toContainText('110053');
      await giveToken(page, keys);
      report(testInfo, layout, keys);
      counts[layout] = keys.overheadKeys;
    });
  }
  expect(counts.english).toEqual(['Enter', 'Enter', 'M', 'Enter', 'S', 'Enter', 'Enter', 'Enter', '1', 'Enter']);
  expect(counts.inscript).toEqual(counts.english);
});

test.describe('on a counter that charges a fee', () => {
  const PORT = Number(process.env.E2E_PORT ?? 5188) + 2;
  let shell: OwnShell;
  test.beforeAll(async () => {
    shell = await startOwnShell(PORT, 'hims-e2e-keystrokes-');
  });
  test.afterAll(async () => {
    await shell.stop();
  });

  test('an adult with an exact date of birth, a medico-legal case and a ₹10 fee, registered and given a token with no mouse, in English and in Hindi on InScript', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await openCounterAs(page, ACCOUNTS.admin, '/', shell.base);
    await apiValue(
      page.request,
      'fees.saveSchedule',
      { departmentCode: 'MED', newPaise: 1000, revisitPaise: 500, followUpPaise: 0, validityDays: 15 },
      shell.base,
    );
    const mlc: Record<Layout, { number: string; station: string; officer: string }> = {
      english: { number: '2026-0417', station: 'Seelampur', officer: 'HC Ram Singh' },
      inscript: { number: '2026-0418', station: 'सीलमपुर', officer: 'हवलदार राम सिंह' },
    };
    const counts: Partial<Record<Layout, string[]>> = {};
    for (const layout of ['english', 'inscript'] as const) {
      await test.step(`With the ${layout === 'english' ? 'English' : 'Hindi InScript'} keyboard`, async () => {
        await page.goto(`${shell.base}/`);
        const language = page.getByTestId('lang-switch');
        if ((await language.getAttribute('data-lang')) !== (layout === 'english' ? 'en' : 'hi')) await language.click();
        await page.getByTestId('search-input').focus();
        const keys = new KeyCounter(page, layout);
        const person = PEOPLE[layout];
        await register(page, keys, person, { dateOfBirth: '15-08-1985' });

        await test.step('General Medicine by its key: the ₹10 fee shows', async () => {
          await keys.letter('1');
          await expect(page.getByTestId('fee-due')).toContainText('10.00');
        });

        await test.step('Alt+M ticks "medico-legal case" and the cursor goes to its number; Enter goes from field to field', async () => {
          await keys.letter('M', { alt: true });
          await expect(page.getByTestId('token-mlc')).toBeChecked();
          await expect(page.getByTestId('mlc-number')).toBeFocused();
          await keys.type(mlc[layout].number);
          await keys.press('Enter');
          await expect(page.getByTestId('mlc-police-station')).toBeFocused();
          await keys.type(mlc[layout].station);
          await keys.press('Enter');
          await expect(page.getByTestId('mlc-brought-by')).toBeFocused();
          await keys.type(mlc[layout].officer);
        });

        await test.step('Enter from the last field collects the fee in cash and issues the token', async () => {
          await keys.press('Enter');
          await expect(page.getByTestId('issued-token')).toBeVisible();
          await expect(page.getByTestId('issued-paid')).toContainText('10.00');
        });

        await test.step('And the record holds what was typed: the exact date of birth and the MLC', async () => {
          const found = await apiValue<{ patients: { id: string }[] }>(
            page.request,
            'patients.search',
            { query: person.mobile },
            shell.base,
          );
          expect(found.patients).toHaveLength(1);
          const patient = await apiValue<object>(page.request, 'patients.get', { id: found.patients[0]!.id }, shell.base);
          expect(patient).toMatchObject({ name: person.name, dateOfBirth: '1985-08-15', dateOfBirthEstimated: false });
          const tokens = await apiValue<{ mlc: { number: string; policeStation: string; broughtBy: string } | null }[]>(
            page.request,
            'tokens.list',
            { patientId: found.patients[0]!.id },
            shell.base,
          );
          expect(tokens.map((t) => t.mlc)).toEqual([
            expect.objectContaining({
              number: mlc[layout].number,
              policeStation: mlc[layout].station,
              broughtBy: mlc[layout].officer,
            }),
          ]);
        });
        report(testInfo, layout, keys);
        counts[layout] = keys.overheadKeys;
      });
    }
    // The 10 of a new adult and a token, and Alt+M and an Enter to each next MLC field; the date of birth
    // is typed where the age goes, and the fee is collected by the issuing Enter.
    expect(counts.english).toEqual([
      'Enter',
      'Enter',
      'M',
      'Enter',
      'S',
      'Enter',
      'Enter',
      'Enter',
      '1',
      'Alt+M',
      'Enter',
      'Enter',
      'Enter',
    ]);
    expect(counts.inscript).toEqual(counts.english);
  });
});
