// Merging duplicates on real SQLite files and the real development
// HIMS: tokens and cards move, nothing is deleted, a merged UHID finds the
// survivor, the HIMS ends with one active Patient linked to the merged one,
// an undo puts everything back, and another counter's pull follows the link.
import { describe, expect, it } from 'vitest';
import type { Patient } from '../../preload/contract/records';
import {
  allOf,
  connect,
  drain,
  type Encounter,
  type FhirPatient,
  syncSceneEachTest,
  type TestCore,
} from '../support/sync-fixture';
import { RAM } from '../support/temp-core';

const scene = syncSceneEachTest();

/** Ram registered twice: once in full, once by a clerk who did not find him (same phone, name shortened). */
async function twins(c: TestCore): Promise<[Patient, Patient]> {
  const first = await c.call('patients.register', RAM);
  const second = await c.call('patients.register', {
    name: 'Ram Kumar Sharma',
    gender: 'male',
    ageYears: 46,
    phone: RAM.phone,
    address: { pincode: '110053' },
    confirmNotDuplicate: true,
  });
  return [first, second];
}

function counts(c: TestCore) {
  return ['patients', 'tokens', 'issued_cards', 'outbox', 'audit_log', 'patient_merges'].map((table) => c.count(table));
}

const active = (patients: FhirPatient[]) => patients.filter((p) => p.active !== false);
const uhidOf = (p: FhirPatient) => p.identifier?.find((i) => i.system?.endsWith('/sid/uhid'))?.value;

describe('merging duplicates', () => {
  it('lists likely duplicates, moves tokens and cards, keeps the merged record as a pointer, and undoes it', async () => {
    const c = scene.counter('B');
    const [ram, twin] = await twins(c);
    const pairs = await c.call('patients.duplicatePairs', {});
    expect(pairs).toEqual([
      {
        a: expect.objectContaining({ id: ram.id }),
        b: expect.objectContaining({ id: twin.id }),
        reasons: ['same_phone_similar_name'],
      },
    ]);

    const kept = await c.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    const moved = await c.call('tokens.issue', { patientId: twin.id, departmentCode: 'ENT' });
    const ramCard = await c.call('cards.issue', { patientId: ram.id });
    const twinCard = await c.call('cards.issue', { patientId: twin.id });

    // Bad merges are refused and change nothing.
    const before = counts(c);
    expect(
      await c.fail('patients.merge', { survivorId: ram.id, survivorVersion: 2, mergedId: ram.id, mergedVersion: 2 }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'mergedId',
    });
    expect(
      await c.fail('patients.merge', { survivorId: ram.id, survivorVersion: 1, mergedId: twin.id, mergedVersion: 2 }),
    ).toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect(counts(c)).toEqual(before);

    const survivorVersion = (await c.call('patients.get', { id: ram.id })).version;
    const twinVersion = (await c.call('patients.get', { id: twin.id })).version;
    const { merge, survivor, merged } = await c.call('patients.merge', {
      survivorId: ram.id,
      survivorVersion,
      mergedId: twin.id,
      mergedVersion: twinVersion,
    });
    expect(merge).toMatchObject({
      movedTokens: 1,
      movedCards: 1,
      survivor: { id: ram.id },
      merged: { id: twin.id },
      undoneAt: null,
    });
    expect(merged.mergedInto).toEqual({ id: ram.id, uhid: ram.uhid, name: ram.name });
    expect(survivor.mergedInto).toBeNull();
    expect(c.count('patients')).toBe(2); // nothing deleted

    // Tokens moved; the duplicate takes no new ones.
    expect((await c.call('tokens.list', { patientId: ram.id })).map((t) => t.id).sort()).toEqual([kept.id, moved.id].sort());
    expect(await c.fail('tokens.issue', { patientId: twin.id, departmentCode: 'EYE' })).toMatchObject({
      code: 'CONFLICT',
      field: 'patientId',
    });
    // Both cards now name the survivor (the duplicate's, superseded by his own, still does).
    for (const card of [ramCard, twinCard]) {
      expect((await c.call('cards.resolve', { text: card.qr })).patient?.id).toBe(ram.id);
    }
    // Searching the duplicate's UHID opens the survivor and says so; names and phone find only him.
    const byUhid = await c.call('patients.search', { query: twin.uhid });
    expect(byUhid.patients.map((p) => p.id)).toEqual([ram.id]);
    expect(byUhid.mergedFrom).toEqual({ id: twin.id, uhid: twin.uhid, name: twin.name });
    expect((await c.call('patients.search', { query: RAM.phone })).patients.map((p) => p.id)).toEqual([ram.id]);
    expect((await c.call('patients.search', { query: 'ram kumar' })).patients.map((p) => p.id)).toEqual([ram.id]);
    expect(await c.call('patients.duplicatePairs', {})).toEqual([]);

    // Merging into a merged record, or merging the merged one again, is refused.
    const third = await c.call('patients.register', { name: 'Ram K', gender: 'male', ageYears: 45, confirmNotDuplicate: true });
    const refusedBefore = counts(c);
    expect(
      await c.fail('patients.merge', {
        survivorId: twin.id,
        survivorVersion: merged.version,
        mergedId: third.id,
        mergedVersion: 1,
      }),
    ).toMatchObject({ code: 'CONFLICT', field: 'survivorId' });
    expect(
      await c.fail('patients.merge', {
        survivorId: third.id,
        survivorVersion: 1,
        mergedId: twin.id,
        mergedVersion: merged.version,
      }),
    ).toMatchObject({ code: 'CONFLICT', field: 'mergedId' });
    expect(counts(c)).toEqual(refusedBefore);

    // Undo: the duplicate is a patient again with its token and card.
    const undone = await c.call('patients.unmerge', { mergeId: merge.id });
    expect(undone.merge.undoneAt).not.toBeNull();
    expect(undone.restored.mergedInto).toBeNull();
    expect((await c.call('tokens.list', { patientId: twin.id })).map((t) => t.id)).toEqual([moved.id]);
    expect((await c.call('cards.resolve', { text: twinCard.qr })).patient?.id).toBe(twin.id);
    expect((await c.call('patients.search', { query: twin.uhid })).mergedFrom).toBeNull();
    expect(await c.fail('patients.unmerge', { mergeId: merge.id })).toMatchObject({ code: 'CONFLICT' });
    const audit = c.core.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'patient.%merge' ORDER BY seq").pluck().all();
    expect(audit).toEqual(['patient.merge', 'patient.merge', 'patient.unmerge', 'patient.unmerge']);
  });

  it('is sent to the HIMS as Patient.link: one active Patient linked to the merged one; the undo unlinks; a pull elsewhere follows the link', async () => {
    const hims = await scene.hims();
    const b = scene.counter('B');
    const [ram, twin] = await twins(b);
    const kept = await b.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    const moved = await b.call('tokens.issue', { patientId: twin.id, departmentCode: 'ENT' });
    await b.call('cards.issue', { patientId: twin.id });
    const v = async (id: string) => (await b.call('patients.get', { id })).version;
    // Merged before the first sync: the survivor's "replaces" follows once the HIMS knows the duplicate.
    const { merge } = await b.call('patients.merge', {
      survivorId: ram.id,
      survivorVersion: await v(ram.id),
      mergedId: twin.id,
      mergedVersion: await v(twin.id),
    });
    await connect(b, hims.baseUrl);
    await drain(b);
    expect(b.core.sync.engine.status()).toMatchObject({ pending: 0, lastError: null, reviewOpen: 0 });

    let patients = await allOf<FhirPatient>(hims, 'Patient');
    expect(patients).toHaveLength(2);
    const [survivor] = active(patients);
    expect(active(patients)).toHaveLength(1);
    expect(uhidOf(survivor!)).toBe(ram.uhid.replace(/-/g, ''));
    const duplicate = patients.find((p) => p !== survivor)!;
    expect(duplicate.active).toBe(false);
    expect(duplicate.link).toEqual([{ other: { reference: `Patient/${survivor!.id}` }, type: 'replaced-by' }]);
    expect(survivor!.link).toEqual([{ other: { reference: `Patient/${duplicate.id}` }, type: 'replaces' }]);
    // The duplicate's card id went with it.
    expect(survivor!.identifier?.some((i) => i.system?.endsWith('/sid/card-id'))).toBe(true);
    const encounters = await allOf<Encounter>(hims, 'Encounter');
    expect(encounters.map((e) => e.subject?.reference)).toEqual([`Patient/${survivor!.id}`, `Patient/${survivor!.id}`]);

    // Another counter pulls: the merged record points at the survivor there too.
    const c = scene.counter('C');
    await connect(c, hims.baseUrl);
    await drain(c);
    const found = await c.call('patients.search', { query: twin.uhid });
    expect(found.patients.map((p) => p.id)).toEqual([ram.id]);
    expect(found.mergedFrom?.id).toBe(twin.id);

    // Undo at B: the HIMS has two active Patients, no links, the moved Encounter back with the duplicate.
    await b.call('patients.unmerge', { mergeId: merge.id });
    await drain(b);
    patients = await allOf<FhirPatient>(hims, 'Patient');
    expect(active(patients)).toHaveLength(2);
    expect(patients.every((p) => !p.link || p.link.length === 0)).toBe(true);
    const bySubject = new Map(
      (await allOf<Encounter>(hims, 'Encounter')).map((e) => [e.identifier?.[1]?.value, e.subject?.reference]),
    );
    expect(bySubject.get(`urn:uuid:${kept.id}`)).toBe(`Patient/${survivor!.id}`);
    expect(bySubject.get(`urn:uuid:${moved.id}`)).toBe(`Patient/${duplicate.id}`);
    // And C, pulling again, lets go of the pointer.
    await drain(c);
    expect((await c.call('patients.search', { query: twin.uhid })).patients.map((p) => p.id)).toEqual([twin.id]);
  });
});
