// The bar for sync: a counter issues 2,000 tokens for 500 patients while
// the network to the HIMS drops, delays, resets mid-answer, answers
// 500/503/429 and slow-drips; then the network heals. Afterwards the HIMS
// holds exactly 500 Patients and 2,000 Encounters, each matching the local
// record: nothing lost, nothing doubled. Back-off is not slept: the test
// clock jumps by each delay the engine asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFhirEncounter } from '../../main/fhir/encounter-mapping';
import { clientUuidOf, toFhirPatient } from '../../main/fhir/patient-mapping';
import { patientForSync, visitForSync } from '../../main/sync/local-records';
import { sameContent } from '../../main/sync/push';
import { startFaultProxy, seededRandom, type FaultProxy } from '../support/fault-proxy';
import {
  allOf,
  connect,
  drain,
  startHims,
  startTestCore,
  type Encounter,
  type FhirPatient,
  type HimsServer,
  type TestCore,
} from '../support/sync-fixture';

const PATIENTS = 500;
const TOKENS_EACH = 4;
const DEPARTMENTS = ['MED', 'SURG', 'EYE', 'ENT'];

let hims: HimsServer;
let proxy: FaultProxy;
let counter: TestCore;

beforeAll(async () => {
  hims = await startHims();
  proxy = await startFaultProxy({
    target: hims.baseUrl,
    seed: 20261125,
    delayMs: 1300,
    retryAfterSeconds: 3,
    faults: {
      'drop-request': 0.08,
      'drop-response': 0.08,
      'reset-mid-body': 0.08,
      delay: 0.08,
      'slow-drip': 0.06,
      '500': 0.06,
      '503': 0.06,
      '502-after': 0.06,
      '429': 0.06,
    },
  });
  counter = startTestCore({ counterLetter: 'C' });
  counter.core.sync.engine['o'].random = seededRandom(7);
});

afterAll(async () => {
  counter.dispose();
  await proxy.close();
  await hims.close();
});

describe('sync through a faulty network', () => {
  it('ends with exactly the counter’s 500 patients and 2,000 encounters at the HIMS', { timeout: 180_000 }, async () => {
    // A short time-out, so "delay" often makes the client give up while the HIMS still does the work.
    await connect(counter, proxy.url, { timeoutMs: 1000, batchSize: 100 });
    const patientIds: string[] = [];
    const tokenIds: string[] = [];
    const faultyRounds: string[] = [];
    const retryDelays: number[] = [];
    // The counter keeps working while sync struggles: registrations, tokens,
    // edits and cancels interleaved with sync rounds.
    for (let i = 0; i < PATIENTS; i++) {
      const p = await counter.call('patients.register', {
        name: `Patient ${i} Kumar`,
        gender: i % 2 ? 'female' : 'male',
        ageYears: 20 + (i % 60),
        phone: `98${String(i).padStart(8, '0')}`,
        ...(i % 5 === 0 ? { abhaNumber: `9100${String(i).padStart(10, '0')}` } : {}),
        confirmNotDuplicate: true,
      });
      patientIds.push(p.id);
      for (const dept of DEPARTMENTS.slice(0, TOKENS_EACH)) {
        const t = await counter.call('tokens.issue', {
          patientId: p.id,
          departmentCode: dept,
          priority: i % 7 === 0 ? 'senior' : 'none',
        });
        tokenIds.push(t.id);
      }
      if (i % 25 === 24) {
        await counter.call('patients.update', { id: p.id, version: 1, changes: { phone: `97${String(i).padStart(8, '0')}` } });
        await counter.call('tokens.cancel', { tokenId: tokenIds[tokenIds.length - 1]!, reason: 'left the queue' });
      }
      if (i % 10 === 9) {
        const outcome = await counter.core.sync.engine.runOnce();
        if (outcome.state !== 'idle') faultyRounds.push(outcome.state);
        if (outcome.nextInMs) retryDelays.push(outcome.nextInMs);
        counter.clock.advance(outcome.nextInMs ?? 0);
      }
    }
    // Still misbehaving: a few more rounds, then the network heals.
    for (let i = 0; i < 20; i++) {
      const outcome = await counter.core.sync.engine.runOnce();
      if (outcome.state !== 'idle') faultyRounds.push(outcome.state);
      counter.clock.advance(outcome.nextInMs ?? 0);
    }
    proxy.heal();
    await drain(counter, 200);

    const status = counter.core.sync.engine.status();
    expect(status).toMatchObject({ state: 'idle', pending: 0, reviewOpen: 0 });
    // The faults really happened, and the engine saw them as "offline".
    for (const fault of [
      'drop-request',
      'drop-response',
      'reset-mid-body',
      'delay',
      'slow-drip',
      '500',
      '503',
      '502-after',
      '429',
    ] as const) {
      expect(proxy.counts[fault], fault).toBeGreaterThan(0);
    }
    expect(faultyRounds.filter((s) => s === 'offline').length).toBeGreaterThan(5);
    // A 429/503 asked for 3 s: no retry came sooner.
    expect(retryDelays.some((d) => d >= 3000)).toBe(true);

    const patients = await allOf<FhirPatient>(hims, 'Patient');
    const encounters = await allOf<Encounter>(hims, 'Encounter');
    expect(patients).toHaveLength(PATIENTS);
    expect(encounters).toHaveLength(PATIENTS * TOKENS_EACH);

    const patientByClient = new Map(patients.map((p) => [clientUuidOf(p), p]));
    expect(patientByClient.size).toBe(PATIENTS);
    for (const id of patientIds) {
      const remote = patientByClient.get(id);
      expect(remote, id).toBeDefined();
      expect(sameContent(remote!, toFhirPatient(patientForSync(counter.core.db, id)!))).toBe(true);
    }
    const encounterByClient = new Map(encounters.map((e) => [clientUuidOf(e), e]));
    expect(encounterByClient.size).toBe(PATIENTS * TOKENS_EACH);
    for (const id of tokenIds) {
      const remote = encounterByClient.get(id)!;
      const visit = visitForSync(counter.core.db, id)!;
      const subject = patientByClient.get(visit.patientId)!;
      expect(remote.subject?.reference).toBe(`Patient/${subject.id}`);
      expect(sameContent(remote, toFhirEncounter(visit, { reference: `Patient/${subject.id}` }))).toBe(true);
    }
  });
});
