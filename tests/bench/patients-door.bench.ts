// Patients at the door at the size of a long-serving counter (200,000 cached patients):
// the PIN lookup (index built on first use, then per lookup), the
// supervisor's duplicate list read from its summary (and the registration
// that keeps it, and the one-time look of a database from before), a search
// by UHID through the patient columns the door widened (mother, survivor,
// photo folded in), and a merge and its undo with tokens attached.
import { performance } from 'node:perf_hooks';
import { placesOfPincode } from '../../main/places/pincode-directory';
import { startTestCore } from '../support/temp-core';
import type { BenchOptions, BenchReport } from './bench-runner';
import { measure, printTable, type Result } from './stats';
import { rng, seedCache } from './synthetic-patients';

const PATIENTS = 200_000;
const PINS = ['110001', '110053', '226001', '560029', '400001', '700016', '600017', '302005', '800001', '781001'];

export async function run(options: BenchOptions): Promise<BenchReport> {
  const count = Math.min(options.patients, PATIENTS);
  const t = startTestCore({ counterLetter: 'B' });
  try {
    const { sample } = seedCache(t.core.db, count);
    const results: Result[] = [];

    const coldStart = performance.now();
    placesOfPincode('110053');
    const coldMs = performance.now() - coldStart;
    const random = rng(13);
    results.push(
      await measure(
        'places.pincode (warm)',
        2000,
        () => t.call('places.pincode', { pincode: PINS[Math.floor(random() * PINS.length)]! }),
        {
          p99Ms: 1,
        },
      ),
    );
    results.push(
      await measure(
        'patients.search by UHID',
        500,
        () => t.call('patients.search', { query: sample[Math.floor(random() * sample.length)]!.uhid }),
        {
          p99Ms: 10,
        },
      ),
    );
    // A database from before the summary compares its latest 2,000 patients once, on the list's first look.
    const firstLookStart = performance.now();
    const firstPairs = await t.call('patients.duplicatePairs', { days: 365 });
    const firstLookMs = performance.now() - firstLookStart;
    results.push(
      await measure('patients.duplicatePairs (summary)', 200, () => t.call('patients.duplicatePairs', { days: 365 }), {
        p99Ms: 100,
      }),
    );
    // What the summary costs instead: each registration finds its own pairs.
    results.push(
      await measure(
        'patients.register (+ its duplicate pairs)',
        200,
        () =>
          t.call('patients.register', {
            name: sample[Math.floor(random() * sample.length)]!.name,
            gender: 'female',
            ageYears: 20 + Math.floor(random() * 50),
            phone: sample[Math.floor(random() * sample.length)]!.phone,
            confirmNotDuplicate: true,
          }),
        { p99Ms: 100 },
      ),
    );

    const ram = await t.call('patients.register', { name: 'Ram Kumar', gender: 'male', ageYears: 45, phone: '9876500001' });
    const twin = await t.call('patients.register', {
      name: 'Ram Kumar Sharma',
      gender: 'male',
      ageYears: 46,
      phone: '9876500001',
      confirmNotDuplicate: true,
    });
    for (const code of ['MED', 'ENT', 'EYE']) await t.call('tokens.issue', { patientId: twin.id, departmentCode: code });
    results.push(
      await measure(
        'patients.merge + unmerge (3 tokens)',
        30,
        async () => {
          const [s, m] = [await t.call('patients.get', { id: ram.id }), await t.call('patients.get', { id: twin.id })];
          const { merge } = await t.call('patients.merge', {
            survivorId: s.id,
            survivorVersion: s.version,
            mergedId: m.id,
            mergedVersion: m.version,
          });
          await t.call('patients.unmerge', { mergeId: merge.id });
        },
        { p99Ms: 250 },
      ),
    );
    printTable(results);
    console.log(`PIN directory index built on first use in ${coldMs.toFixed(1)} ms`);
    console.log(
      `Duplicate summary of the latest 2,000 built on the list's first look in ${firstLookMs.toFixed(0)} ms (${firstPairs.length} pairs)`,
    );
    return {
      name: 'patients-door',
      data: { patients: count, pinIndexColdMs: coldMs, duplicateFirstLookMs: firstLookMs, results },
      missed: results.filter((r) => r.budgetOk === false).map((r) => r.name),
    };
  } finally {
    t.dispose();
  }
}
