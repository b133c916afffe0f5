// Push and pull against the development HIMS on loopback, no faults: the
// HIMS's records match the counter's, updates use If-Match, a stale version
// goes to the review list, and a patient registered elsewhere is found here.
import { describe, expect, it } from 'vitest';
import { toFhirPatient } from '../../main/fhir/patient-mapping';
import { sameContent } from '../../main/sync/push';
import { patientForSync } from '../../main/sync/local-records';
import { SYSTEMS } from '../../main/fhir/systems';
import { allOf, connect, drain, type FhirPatient, type Encounter, syncSceneEachTest } from '../support/sync-fixture';
import { RAM } from '../support/temp-core';
import { makeIssuer } from '../support/card-keys';
import { EXTENSIONS } from '../../main/fhir/systems';

const scene = syncSceneEachTest();
const counter = scene.counter;

describe('sync push', () => {
  it('sends a registration and its tokens; the HIMS holds the same patient and encounters', async () => {
    const hims = await scene.hims();
    const a = counter();
    const ram = await a.call('patients.register', { ...RAM, nameOtherScript: 'राम कुमार', abhaNumber: '12345678901234' });
    await a.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED', priority: 'senior' });
    const eye = await a.call('tokens.issue', { patientId: ram.id, departmentCode: 'EYE' });
    expect(a.core.sync.engine.status()).toMatchObject({ state: 'disabled', pending: 3 });

    await connect(a, hims.baseUrl);
    await drain(a);
    expect(a.core.sync.engine.status()).toMatchObject({ state: 'idle', pending: 0, lastError: null });

    const patients = await allOf<FhirPatient>(hims, 'Patient');
    expect(patients).toHaveLength(1);
    expect(sameContent(patients[0]!, toFhirPatient(patientForSync(a.core.db, ram.id)!))).toBe(true);
    expect(patients[0]!.identifier?.find((i) => i.system === SYSTEMS.uhid)?.type?.coding?.[0]?.code).toBe('MR');
    // Both scripts, each tagged by its language.
    expect(patients[0]!.name?.map((n) => [n.text, n.extension?.find((e) => e.url === EXTENSIONS.language)?.valueCode])).toEqual([
      ['Ram Kumar', 'en'],
      ['राम कुमार', 'hi'],
    ]);
    const encounters = await allOf<Encounter>(hims, 'Encounter');
    expect(encounters).toHaveLength(2);
    expect(encounters.every((e) => e.subject?.reference === `Patient/${patients[0]!.id}` && e.class.code === 'AMB')).toBe(true);

    // An update goes as PUT with If-Match; a cancel changes the Encounter's status.
    await a.call('patients.update', { id: ram.id, version: 1, changes: { phone: '9123456780' } });
    await a.call('tokens.cancel', { tokenId: eye.id, reason: 'left' });
    await drain(a);
    const [after] = await allOf<FhirPatient>(hims, 'Patient');
    expect(after!.telecom?.[0]?.value).toBe('9123456780');
    expect((await allOf<Encounter>(hims, 'Encounter')).map((e) => e.status).sort()).toEqual(['arrived', 'cancelled']);
  });

  it('a newly issued card reaches the HIMS as the Patient’s card identifier; a reissue replaces it', async () => {
    const hims = await scene.hims();
    const a = counter();
    const ram = await a.call('patients.register', { ...RAM });
    await connect(a, hims.baseUrl);
    await drain(a);
    const cardIdAtHims = async () => {
      const patients = await allOf<FhirPatient>(hims, 'Patient');
      expect(patients).toHaveLength(1);
      return patients[0]!.identifier?.filter((i) => i.system === SYSTEMS.cardId).map((i) => i.value);
    };
    expect(await cardIdAtHims()).toEqual([]);

    const first = await a.call('cards.issue', { patientId: ram.id });
    expect(a.core.sync.engine.status().pending).toBe(1);
    await drain(a);
    expect(await cardIdAtHims()).toEqual([first.id]);

    const second = await a.call('cards.issue', { patientId: ram.id });
    await drain(a);
    expect(await cardIdAtHims()).toEqual([second.id]);
    expect(await a.call('sync.reviewList', {})).toEqual([]);
  });

  it('a change made at the HIMS meanwhile goes to the review list, once, with both versions', async () => {
    const hims = await scene.hims();
    const a = counter();
    const ram = await a.call('patients.register', { ...RAM });
    await connect(a, hims.baseUrl);
    await drain(a);
    const [remote] = await allOf<FhirPatient>(hims, 'Patient');
    await hims.repo.updateResource({ ...remote!, telecom: [{ system: 'phone', value: '9000000001' }] });
    await a.call('patients.update', { id: ram.id, version: 1, changes: { name: 'Ram Kumar Sharma' } });
    await drain(a);
    await drain(a);
    const reviews = await a.call('sync.reviewList', {});
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ entity: 'patient', localId: ram.id, reason: 'version_conflict' });
    expect(JSON.stringify(reviews[0]!.local)).toContain('Ram Kumar Sharma');
    expect(JSON.stringify(reviews[0]!.remote)).toContain('9000000001');
    expect(a.core.sync.engine.status().reviewOpen).toBe(1);

    // Keep this counter's version: it goes over the HIMS's with If-Match on the version shown.
    await a.call('sync.resolve', { id: reviews[0]!.id, resolution: 'keep_local' });
    await drain(a);
    const [final] = await allOf<FhirPatient>(hims, 'Patient');
    expect(final!.name?.[0]?.text).toBe('Ram Kumar Sharma');
    expect(await a.call('sync.reviewList', {})).toHaveLength(0);
  });

  it('pulls a patient registered at another counter, so it is found here by phone and ABHA', async () => {
    const hims = await scene.hims();
    const a = counter('A');
    const b = counter('B');
    const sita = await a.call('patients.register', {
      name: 'Sita Devi',
      gender: 'female',
      ageYears: 30,
      phone: '9811122233',
      abhaNumber: '11112222333344',
    });
    await connect(a, hims.baseUrl);
    await connect(b, hims.baseUrl);
    await drain(a);
    await drain(b);
    const found = await b.call('patients.search', { query: '9811122233' });
    expect(found.patients.map((p) => p.id)).toEqual([sita.id]);
    expect((await b.call('patients.search', { query: '11112222333344' })).patients[0]?.name).toBe('Sita Devi');
    // Pulled records are not sent back.
    expect(b.core.sync.engine.status().pending).toBe(0);
  });

  it('pulls departments and trusted card issuers from the HIMS as configuration', async () => {
    const hims = await scene.hims();
    const issuer = await makeIssuer('https://hims.state.gov.in/cards');
    await hims.repo.createResource({
      resourceType: 'HealthcareService',
      identifier: [{ system: SYSTEMS.department, value: 'GERI' }],
      name: 'Geriatrics',
      location: [{ display: '310' }],
    });
    await hims.repo.createResource({
      resourceType: 'Organization',
      type: [{ coding: [{ system: SYSTEMS.organizationType, code: 'card-issuer' }] }],
      identifier: [{ system: SYSTEMS.cardIssuer, value: issuer.iss }],
      name: 'State health card',
      extension: [{ url: EXTENSIONS.jwks, valueString: JSON.stringify({ keys: [issuer.jwk] }) }],
    });
    // A key that is not a P-256 point is not trusted.
    await hims.repo.createResource({
      resourceType: 'Organization',
      type: [{ coding: [{ system: SYSTEMS.organizationType, code: 'card-issuer' }] }],
      identifier: [{ system: SYSTEMS.cardIssuer, value: 'https://bad.example/cards' }],
      extension: [
        { url: EXTENSIONS.jwks, valueString: JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }] }) },
      ],
    });
    const a = counter();
    await connect(a, hims.baseUrl);
    await drain(a);
    const departments = await a.call('departments.list', {});
    expect(departments.find((d) => d.code === 'GERI')).toMatchObject({ nameEn: 'Geriatrics', room: '310', active: true });
    const trusted = a.core.db.prepare('SELECT iss, kid FROM trusted_card_issuers').all();
    expect(trusted).toEqual([{ iss: issuer.iss, kid: issuer.kid }]);
  });
});
