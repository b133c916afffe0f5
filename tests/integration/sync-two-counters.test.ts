// Two counters register the same person (same ABHA number) while offline.
// When they reconnect the HIMS holds one Patient, both counters' visits point
// to it, and the second counter has a review entry showing both versions —
// never two silent copies.
import { describe, expect, it } from 'vitest';
import { SYSTEMS } from '../../main/fhir/systems';
import { allOf, connect, drain, type Encounter, type FhirPatient, syncSceneEachTest } from '../support/sync-fixture';

const scene = syncSceneEachTest();

const ABHA = '22223333444455';

async function registerOffline(letter: string, name: string, extra: Record<string, unknown> = {}) {
  const c = scene.counter(letter);
  const p = await c.call('patients.register', {
    name,
    gender: 'female',
    ageYears: 52,
    phone: '9876500000',
    abhaNumber: ABHA,
    ...extra,
  });
  await c.call('tokens.issue', { patientId: p.id, departmentCode: 'MED' });
  return { c, p };
}

describe('the same ABHA patient registered offline at two counters', () => {
  for (const order of ['one after the other', 'at the same moment'] as const) {
    it(`ends in one Patient and a review entry (${order})`, async () => {
      const hims = await scene.hims();
      const a = await registerOffline('A', 'Kamla Devi');
      const b = await registerOffline('B', 'Kamla Devi Sharma');
      await connect(a.c, hims.baseUrl);
      await connect(b.c, hims.baseUrl);
      if (order === 'one after the other') {
        await drain(a.c);
        await drain(b.c);
      } else {
        await Promise.all([drain(a.c), drain(b.c)]);
      }
      await drain(a.c);

      const patients = (await allOf<FhirPatient>(hims, 'Patient')).filter((p) =>
        p.identifier?.some((i) => i.system === SYSTEMS.abhaNumber),
      );
      expect(patients).toHaveLength(1);
      const encounters = await allOf<Encounter>(hims, 'Encounter');
      expect(encounters).toHaveLength(2);
      expect(new Set(encounters.map((e) => e.subject?.reference))).toEqual(new Set([`Patient/${patients[0]!.id}`]));

      // Whichever counter came second sees both versions side by side.
      const reviews = [...(await a.c.call('sync.reviewList', {})), ...(await b.c.call('sync.reviewList', {}))];
      expect(reviews).toHaveLength(1);
      expect(reviews[0]!.reason).toBe('same_identifier');
      const texts = [JSON.stringify(reviews[0]!.local), JSON.stringify(reviews[0]!.remote)];
      expect(texts.some((t) => t.includes('Kamla Devi Sharma'))).toBe(true);
      expect(texts.some((t) => t.includes('"Kamla Devi"'))).toBe(true);
      expect(a.c.core.sync.engine.status().pending + b.c.core.sync.engine.status().pending).toBe(0);
    });
  }

  it('taking the HIMS version updates the local record, the same fields a pull copies, and sends nothing back', async () => {
    const hims = await scene.hims();
    const a = await registerOffline('A', 'Kamla Devi', {
      guardianRelation: 'W/o',
      guardianName: 'Ramesh Sharma',
      address: { line: '12 Turkman Gate', district: 'Central Delhi', state: 'Delhi', pincode: '110006' },
    });
    const b = await registerOffline('B', 'Kamla Devi Sharma');
    await connect(a.c, hims.baseUrl);
    await connect(b.c, hims.baseUrl);
    await drain(a.c);
    await drain(b.c);
    const [entry] = await b.c.call('sync.reviewList', {});
    await b.c.call('sync.resolve', { id: entry!.id, resolution: 'keep_remote' });
    const local = await b.c.call('patients.get', { id: b.p.id });
    expect(local).toMatchObject({
      name: 'Kamla Devi',
      guardianRelation: 'W/o',
      guardianName: 'Ramesh Sharma',
      address: { line: '12 Turkman Gate', district: 'Central Delhi', state: 'Delhi', pincode: '110006' },
    });
    expect((await b.c.call('patients.search', { query: 'Kamla Devi' })).patients.map((p) => p.id)).toEqual([b.p.id]);
    const audit = b.c.core.db.prepare("SELECT actor, entity_id, detail FROM audit_log WHERE action = 'sync.resolve'").all();
    expect(audit).toEqual([
      expect.objectContaining({ entity_id: b.p.id, detail: expect.stringContaining('"resolution":"keep_remote"') }),
    ]);
    await drain(b.c);
    expect(await b.c.call('sync.reviewList', {})).toHaveLength(0);
    expect(b.c.core.sync.engine.status().pending).toBe(0);
    expect((await allOf<FhirPatient>(hims, 'Patient'))[0]!.name?.[0]?.text).toBe('Kamla Devi');
  });

  it('several HIMS patients with that ABHA number: a review entry, nothing created, no retry loop', async () => {
    const hims = await scene.hims();
    for (const name of ['Kamla', 'Kamla D']) {
      await hims.repo.createResource({
        resourceType: 'Patient',
        name: [{ text: name }],
        identifier: [{ system: SYSTEMS.abhaNumber, value: '22-2233-3344-4455' }],
      }); // as ABDM writes it, and as the counter stores it
    }
    const a = await registerOffline('A', 'Kamla Devi');
    await connect(a.c, hims.baseUrl);
    const rounds = await drain(a.c);
    expect(rounds.length).toBeLessThan(5);
    const [entry] = await a.c.call('sync.reviewList', {});
    expect(entry).toMatchObject({ reason: 'multiple_matches', localId: a.p.id });
    expect(entry!.remote).not.toBeNull();
    expect(await allOf<FhirPatient>(hims, 'Patient')).toHaveLength(2);
    expect(await allOf<Encounter>(hims, 'Encounter')).toHaveLength(0);
    // Held, not retried: further rounds send nothing.
    await drain(a.c);
    expect(a.c.core.db.prepare('SELECT max(attempts) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(a.c.core.sync.engine.status()).toMatchObject({ state: 'idle', pending: 2, reviewOpen: 1 });
  });
});
