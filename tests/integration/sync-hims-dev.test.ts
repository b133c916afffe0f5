// The development HIMS closes the gaps of Medplum's router + in-memory
// repository that would hide sync bugs: non-atomic transactions, unknown
// search parameters silently ignored, the 8-entry cap on transactions with
// conditional entries, and auth (bearer token, OAuth2 client credentials).
import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { startHimsServer, type HimsServer } from '../../main/hims-dev/hims-server';

let hims: HimsServer | undefined;
afterEach(async () => hims?.close());

const http = axios.create({ validateStatus: () => true, headers: { 'content-type': 'application/fhir+json' } });

function patientEntry(n: number): BundleEntry {
  return {
    fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    resource: { resourceType: 'Patient', identifier: [{ system: 'urn:test', value: `p${n}` }] },
    request: { method: 'POST', url: 'Patient', ifNoneExist: `identifier=urn:test|p${n}` },
  };
}

describe('development HIMS', () => {
  it('runs a transaction of 100 conditional creates, and a repeat creates nothing', async () => {
    hims = await startHimsServer();
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: Array.from({ length: 100 }, (_, i) => patientEntry(i)),
    };
    const first = await http.post<Bundle>(hims.baseUrl, bundle);
    expect(first.status).toBe(200);
    expect(first.data.entry?.map((e) => e.response?.status)).toEqual(Array(100).fill('201'));
    const again = await http.post<Bundle>(hims.baseUrl, bundle);
    expect(again.data.entry?.map((e) => e.response?.status)).toEqual(Array(100).fill('200'));
    expect((await http.get(`${hims.baseUrl}/Patient?_count=1000`)).data.total).toBe(100);
  });

  it('rolls a failed transaction back entirely', async () => {
    hims = await startHimsServer();
    const bad: BundleEntry = {
      resource: { resourceType: 'Patient', id: 'nope' },
      request: { method: 'PUT', url: 'Patient/nope', ifMatch: 'W/"1"' },
    };
    const answer = await http.post(hims.baseUrl, {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [patientEntry(1), patientEntry(2), bad],
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect((await http.get(`${hims.baseUrl}/Patient`)).data.total).toBe(0);
  });

  it('refuses an unknown search parameter instead of matching everything', async () => {
    hims = await startHimsServer();
    await http.post(hims.baseUrl, { resourceType: 'Bundle', type: 'transaction', entry: [patientEntry(1)] });
    const typo = await http.get(`${hims.baseUrl}/Patient?identifer=urn:test|p9`);
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.data)).toContain('identifer');
    const entry = {
      ...patientEntry(9),
      request: { method: 'POST' as const, url: 'Patient', ifNoneExist: 'identifer=urn:test|p9' },
    };
    expect((await http.post(hims.baseUrl, { resourceType: 'Bundle', type: 'transaction', entry: [entry] })).status).toBe(400);
    expect((await http.get(`${hims.baseUrl}/Patient?identifier=urn:test|p1`)).data.total).toBe(1);
  });

  it('answers identifier searches from an index, with other filters still applied', async () => {
    hims = await startHimsServer();
    await hims.repo.createResource({ resourceType: 'Patient', gender: 'male', identifier: [{ system: 'urn:test', value: 'x' }] });
    await hims.repo.createResource({
      resourceType: 'Patient',
      gender: 'female',
      identifier: [{ system: 'urn:test', value: 'y' }],
    });
    expect((await http.get(`${hims.baseUrl}/Patient?identifier=urn:test|x,urn:test|y`)).data.total).toBe(2);
    expect((await http.get(`${hims.baseUrl}/Patient?identifier=urn:test|x,urn:test|y&gender=female`)).data.total).toBe(1);
    expect((await http.get(`${hims.baseUrl}/Patient?identifier=urn:test|z`)).data.total).toBe(0);
  });

  it('asks for a token when auth is on: static bearer or OAuth2 client credentials', async () => {
    hims = await startHimsServer({ auth: { bearerToken: 'static-secret', client: { id: 'counter', secret: 's3cret' } } });
    expect((await http.get(`${hims.baseUrl}/Patient`)).status).toBe(401);
    expect((await http.get(`${hims.baseUrl}/Patient`, { headers: { authorization: 'Bearer static-secret' } })).status).toBe(200);
    const tokenUrl = hims.baseUrl.replace(/\/fhir$/, '/oauth2/token');
    const wrong = await http.post(tokenUrl, 'grant_type=client_credentials&client_id=counter&client_secret=x', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrong.status).toBe(401);
    const token = await http.post(tokenUrl, 'grant_type=client_credentials&client_id=counter&client_secret=s3cret', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(
      (await http.get(`${hims.baseUrl}/Patient`, { headers: { authorization: `Bearer ${token.data.access_token}` } })).status,
    ).toBe(200);
  });
});
