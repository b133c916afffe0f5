// The pull's cursor (main/sync/pull.ts) must not lose a change when the
// record it stopped at changes again: an offset counted among the records of
// the last instant would then skip a newer record instead.
import { describe, expect, it } from 'vitest';
import { SYSTEMS } from '../../main/fhir/systems';
import { connect, drain, syncSceneEachTest } from '../support/sync-fixture';

const scene = syncSceneEachTest();

describe('pulling patients changed at the HIMS', () => {
  it('sees every later change, also when the record the last pull ended on changes again', async () => {
    const hims = await scene.hims();
    const a = scene.counter('A');
    const c = scene.counter('C');
    const register = (name: string, phone: string) =>
      a.call('patients.register', { name, gender: 'female', ageYears: 40, phone, address: { district: 'Kanpur' } });
    const first = await register('Pushpa Verma', '9811100001');
    const second = await register('Sarla Mishra', '9811100002');
    await connect(a, hims.baseUrl);
    await connect(c, hims.baseUrl);
    await drain(a);
    await drain(c);
    expect((await c.call('patients.search', { query: '9811100002' })).patients.map((p) => p.id)).toEqual([second.id]);

    // The earlier record changes first, then the one the pull ended on.
    for (const [patient, phone] of [
      [first, '9822200001'],
      [second, '9822200002'],
    ] as const) {
      const { version } = await a.call('patients.get', { id: patient.id });
      await a.call('patients.update', { id: patient.id, version, changes: { phone } });
      await drain(a);
    }
    await drain(c);
    expect((await c.call('patients.get', { id: first.id })).phone).toBe('9822200001');
    expect((await c.call('patients.get', { id: second.id })).phone).toBe('9822200002');
  });

  it('does not reopen a review the clerk settled when the record it was about is still the newest at the HIMS', async () => {
    const hims = await scene.hims();
    const b = scene.counter('B');
    const here = await b.call('patients.register', {
      name: 'Kamla Devi Sharma',
      gender: 'female',
      ageYears: 52,
      abhaNumber: '22223333444466',
    });
    await connect(b, hims.baseUrl);
    await drain(b);
    // Another system registers a second patient with that ABHA number at the HIMS: the newest record there.
    await hims.repo.createResource({
      resourceType: 'Patient',
      name: [{ text: 'Kamla Devi' }],
      gender: 'female',
      birthDate: '1974',
      identifier: [{ system: SYSTEMS.abhaNumber, value: '22-2233-3344-4466' }],
    });
    await drain(b);
    const [review] = await b.call('sync.reviewList', {});
    expect(review).toMatchObject({ reason: 'same_identifier' });
    await b.call('sync.resolve', { id: review!.id, resolution: 'dismissed' });
    await drain(b);
    await drain(b);
    expect(await b.call('sync.reviewList', {})).toEqual([]);
    expect((await b.call('patients.get', { id: here.id })).name).toBe('Kamla Devi Sharma');
  });
});
