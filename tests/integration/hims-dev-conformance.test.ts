// The development HIMS probed over HTTP as any FHIR R4 client would
// (https://hl7.org/fhir/R4/http.html): every sync test trusts it, so it must
// answer as a conformant server does, not as the stock in-memory pieces do.
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { startHimsServer, type HimsServer } from '../../main/hims-dev/hims-server';

let hims: HimsServer;
beforeAll(async () => {
  hims = await startHimsServer();
});
afterAll(async () => hims.close());

const http = axios.create({ validateStatus: () => true, headers: { 'content-type': 'application/fhir+json' } });
const url = (path: string) => `${hims.baseUrl}/${path}`;

let serial = 0;
function patient(extra: Partial<Patient> = {}): Patient {
  serial++;
  return {
    resourceType: 'Patient',
    identifier: [{ system: 'urn:conformance', value: `p${serial}` }],
    name: [{ text: `Probe ${serial}` }],
    gender: 'female',
    birthDate: '1980-01-02',
    ...extra,
  };
}

async function created(resource: Patient = patient()): Promise<Patient & { id: string }> {
  const answer = await http.post<Patient & { id: string }>(url('Patient'), resource);
  expect(answer.status).toBe(201);
  return answer.data;
}

describe('development HIMS conformance (FHIR R4 RESTful API)', () => {
  it('says what it is at /metadata: a FHIR 4.0.1 CapabilityStatement', async () => {
    const answer = await http.get(url('metadata'));
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
  });

  it('creates with 201, a Location with the version, and an ETag; reads back the same', async () => {
    const answer = await http.post<Patient>(url('Patient'), patient());
    expect(answer.status).toBe(201);
    const { id, meta } = answer.data;
    expect(answer.headers.location).toBe(`Patient/${id}/_history/${meta!.versionId}`);
    expect(answer.headers.etag).toBe(`W/"${meta!.versionId}"`);
    const read = await http.get<Patient>(url(`Patient/${id}`));
    expect(read.status).toBe(200);
    expect(read.data).toEqual(answer.data);
  });

  it('reads an unknown id as 404 with an OperationOutcome', async () => {
    const answer = await http.get<OperationOutcome>(url('Patient/no-such-patient'));
    expect(answer.status).toBe(404);
    expect(answer.data.resourceType).toBe('OperationOutcome');
  });

  it('refuses an invalid Patient with 400 and stores nothing', async () => {
    const before = (await http.get<Bundle>(url('Patient?_count=0&_total=accurate'))).data.total;
    const invalid = { ...patient(), birthDate: '1980-13-40', gender: 'robot' };
    const answer = await http.post<OperationOutcome>(url('Patient'), invalid);
    expect(answer.status).toBe(400);
    expect(answer.data.resourceType).toBe('OperationOutcome');
    expect(JSON.stringify(answer.data)).toContain('birthDate');
    expect(JSON.stringify(answer.data)).toContain('gender');
    expect((await http.get<Bundle>(url('Patient?_count=0&_total=accurate'))).data.total).toBe(before);
    const onlyGender = await http.post(url('Patient'), { ...patient(), gender: 'robot' });
    expect(onlyGender.status).toBe(400);
  });

  it('refuses an invalid update with 400 and keeps the stored version', async () => {
    const p = await created();
    const answer = await http.put(url(`Patient/${p.id}`), { ...p, gender: 'robot' });
    expect(answer.status).toBe(400);
    expect((await http.get<Patient>(url(`Patient/${p.id}`))).data).toEqual(p);
  });

  it('refuses a transaction holding one invalid entry, whole', async () => {
    const before = (await http.get<Bundle>(url('Patient?_count=0&_total=accurate'))).data.total;
    const answer = await http.post(hims.baseUrl, {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: patient(), request: { method: 'POST', url: 'Patient' } },
        { resource: { ...patient(), birthDate: '1980-13-40' }, request: { method: 'POST', url: 'Patient' } },
      ],
    });
    expect(answer.status).toBe(400);
    expect((await http.get<Bundle>(url('Patient?_count=0&_total=accurate'))).data.total).toBe(before);
  });

  it('updates with a new version, and refuses a stale If-Match with 412', async () => {
    const p = await created();
    const updated = await http.put<Patient>(
      url(`Patient/${p.id}`),
      { ...p, gender: 'male' },
      { headers: { 'if-match': `W/"${p.meta!.versionId}"` } },
    );
    expect(updated.status).toBe(200);
    expect(updated.data.meta!.versionId).not.toBe(p.meta!.versionId);
    const stale = await http.put(
      url(`Patient/${p.id}`),
      { ...p, gender: 'other' },
      { headers: { 'if-match': `W/"${p.meta!.versionId}"` } },
    );
    expect(stale.status).toBe(412);
  });

  it('reads an earlier version (vread)', async () => {
    const p = await created();
    await http.put(url(`Patient/${p.id}`), { ...p, gender: 'male' });
    const old = await http.get<Patient>(url(`Patient/${p.id}/_history/${p.meta!.versionId}`));
    expect(old.status).toBe(200);
    expect(old.data.gender).toBe('female');
  });

  it("answers a Patient's _history newest first, the same on every call", async () => {
    const p = await created();
    const second = (await http.put<Patient>(url(`Patient/${p.id}`), { ...p, gender: 'male' })).data;
    const third = (await http.put<Patient>(url(`Patient/${p.id}`), { ...second, gender: 'other' })).data;
    const versions = async () => {
      const answer = await http.get<Bundle<Patient>>(url(`Patient/${p.id}/_history`));
      expect(answer.status).toBe(200);
      expect(answer.data).toMatchObject({ resourceType: 'Bundle', type: 'history', total: 3 });
      return answer.data.entry!.map((e) => e.resource!.meta!.versionId);
    };
    const expected = [third.meta!.versionId, second.meta!.versionId, p.meta!.versionId];
    expect(await versions()).toEqual(expected);
    expect(await versions()).toEqual(expected);
    expect(await versions()).toEqual(expected);
    const entries = (await http.get<Bundle<Patient>>(url(`Patient/${p.id}/_history`))).data.entry!;
    expect(entries.map((e) => [e.request?.method, e.response?.status])).toEqual([
      ['PUT', '200'],
      ['PUT', '200'],
      ['POST', '201'],
    ]);
  });

  it('answers the type-level /Patient/_history, newest first, with _count and _since', async () => {
    const start = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5)); // _since is by lastUpdated, to the millisecond
    const a = await created();
    const b = await created();
    const a2 = (await http.put<Patient>(url(`Patient/${a.id}`), { ...a, gender: 'male' })).data;
    const answer = await http.get<Bundle<Patient>>(url(`Patient/_history?_since=${encodeURIComponent(start)}`));
    expect(answer.status).toBe(200);
    expect(answer.data.type).toBe('history');
    expect(answer.data.entry!.map((e) => e.resource!.meta!.versionId)).toEqual([
      a2.meta!.versionId,
      b.meta!.versionId,
      a.meta!.versionId,
    ]);
    const firstOnly = await http.get<Bundle<Patient>>(url(`Patient/_history?_since=${encodeURIComponent(start)}&_count=1`));
    expect(firstOnly.data.entry!.map((e) => e.resource!.id)).toEqual([a.id]);
    expect(firstOnly.data.link?.find((l) => l.relation === 'next')?.url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/fhir\/Patient\/_history\?/,
    );
  });

  it('reads a deleted resource as 410 Gone, and its history still shows the deletion', async () => {
    const p = await created();
    expect((await http.delete(url(`Patient/${p.id}`))).status).toBe(200);
    const read = await http.get<OperationOutcome>(url(`Patient/${p.id}`));
    expect(read.status).toBe(410);
    expect(read.data.resourceType).toBe('OperationOutcome');
    expect((await http.get(url('Patient/never-was'))).status).toBe(404);
    const history = await http.get<Bundle<Patient>>(url(`Patient/${p.id}/_history`));
    expect(history.status).toBe(200);
    expect(history.data.entry!.map((e) => e.request?.method)).toEqual(['DELETE', 'POST']);
    expect((await http.get(url(`Patient/${p.id}/_history/${p.meta!.versionId}`))).status).toBe(200);
  });

  it('pages a search with absolute links that a client can follow as they are', async () => {
    const tag = `paging-${Date.now()}`;
    for (let i = 0; i < 7; i++) await created(patient({ identifier: [{ system: `urn:${tag}`, value: String(i) }] }));
    const first = await http.get<Bundle<Patient>>(
      url(
        `Patient?identifier=urn:${tag}|0,urn:${tag}|1,urn:${tag}|2,urn:${tag}|3,urn:${tag}|4,urn:${tag}|5,urn:${tag}|6&_count=5`,
      ),
    );
    expect(first.status).toBe(200);
    expect(first.data.entry).toHaveLength(5);
    const next = first.data.link?.find((l) => l.relation === 'next')?.url;
    expect(next).toBeDefined();
    expect(new URL(next!).href).toBe(next); // absolute: no base to guess
    expect(new URL(next!).pathname).toBe('/fhir/Patient');
    const second = await http.get<Bundle<Patient>>(next!);
    expect(second.status).toBe(200);
    expect(second.data.entry).toHaveLength(2);
    const ids = [...first.data.entry!, ...second.data.entry!].map((e) => e.resource!.id);
    expect(new Set(ids).size).toBe(7);
    expect(second.data.link?.find((l) => l.relation === 'next')).toBeUndefined();
  });

  it('refuses an unknown search parameter with 400', async () => {
    expect((await http.get(url('Patient?identifer=urn:x|1'))).status).toBe(400);
  });

  it('creates conditionally once: the same If-None-Exist answers 200 with the first', async () => {
    const p = patient();
    const search = `identifier=${p.identifier![0]!.system}|${p.identifier![0]!.value}`;
    const first = await http.post<Patient>(url('Patient'), p, { headers: { 'if-none-exist': search } });
    const again = await http.post<Patient>(url('Patient'), p, { headers: { 'if-none-exist': search } });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.data.id).toBe(first.data.id);
  });

  it('answers a transaction with a transaction-response, one entry per request, in order', async () => {
    const answer = await http.post<Bundle>(hims.baseUrl, {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: patient(), request: { method: 'POST', url: 'Patient' } },
        { resource: patient(), request: { method: 'POST', url: 'Patient' } },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.data.type).toBe('transaction-response');
    expect(answer.data.entry!.map((e) => e.response?.status)).toEqual(['201', '201']);
  });
});
