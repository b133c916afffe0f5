// A patient brought from one counter to another: when both later sync, the
// HIMS holds one Patient (the conditional create on the client UUID finds the
// first counter's), and each counter's visit points to it.
import { describe, expect, it } from 'vitest';
import { SYSTEMS } from '../../main/fhir/systems';
import { startHimsServer, type HimsServer } from '../../main/hims-dev/hims-server';
import { allOf, connect, drain, type Encounter, type FhirPatient } from '../support/sync-fixture';
import { peerSceneEachTest } from '../support/peer-fixture';
import { RAM } from '../support/temp-core';

const scene = peerSceneEachTest();

describe('a patient brought over, then both counters sync', () => {
  for (const order of ['the registering counter first', 'the bringing counter first'] as const) {
    it(`leaves one Patient at the HIMS (${order})`, async () => {
      const hims: HimsServer = await startHimsServer({ port: 0 });
      scene.onClose(() => hims.close());
      const a = await scene.counter('A');
      const c = await scene.counter('C');
      await scene.pair(a, c);
      const registered = await c.call('patients.register', RAM);
      await c.call('tokens.issue', { patientId: registered.id, departmentCode: 'MED' });
      await a.call('patients.bringOver', { counterId: c.core.context.identity.counterId, patientId: registered.id });
      await a.call('tokens.issue', { patientId: registered.id, departmentCode: 'ENT' });

      await connect(a, hims.baseUrl);
      await connect(c, hims.baseUrl);
      const [first, second] = order === 'the registering counter first' ? [c, a] : [a, c];
      await drain(first);
      await drain(second);

      const patients = (await allOf<FhirPatient>(hims, 'Patient')).filter((p) =>
        p.identifier?.some((i) => i.system === SYSTEMS.clientUuid && i.value === `urn:uuid:${registered.id}`),
      );
      expect(patients).toHaveLength(1);
      const encounters = await allOf<Encounter>(hims, 'Encounter');
      expect(encounters).toHaveLength(2);
      expect(new Set(encounters.map((e) => e.subject?.reference))).toEqual(new Set([`Patient/${patients[0]!.id}`]));
      for (const counter of [a, c]) {
        expect(counter.core.sync.engine.status()).toMatchObject({ pending: 0, reviewOpen: 0 });
      }
    });
  }
});
