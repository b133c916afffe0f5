import { afterEach, describe, expect, it } from 'vitest';
import { RAM, startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore;
afterEach(() => t?.dispose());

describe('registering and finding patients', () => {
  it('registers with an estimated DOB, a UHID, and an outbox row and audit entry in the same commit', async () => {
    t = startTestCore({ counterLetter: 'B', hospitalCode: 'LNH' });
    const p = await t.call('patients.register', RAM);
    expect(p).toMatchObject({
      name: 'Ram Kumar',
      ageYears: 45,
      dateOfBirthEstimated: true,
      phone: '9876543210',
      guardianRelation: 'S/o',
    });
    expect(p.uhid).toMatch(/^LNH-B26-000001-\d$/);
    expect(t.core.db.prepare('SELECT entity, entity_id, operation FROM outbox').all()).toEqual([
      { entity: 'patient', entity_id: p.id, operation: 'create' },
    ]);
    expect(t.core.db.prepare("SELECT action, entity_id FROM audit_log WHERE entity = 'patient'").all()).toEqual([
      { action: 'patient.register', entity_id: p.id },
    ]);
  });

  it('keeps the name in the other script too, and finds the patient by either', async () => {
    t = startTestCore({ counterLetter: 'B', hospitalCode: 'LNH' });
    const ram = await t.call('patients.register', { ...RAM, nameOtherScript: 'राम कुमार' });
    expect(ram).toMatchObject({ name: 'Ram Kumar', nameOtherScript: 'राम कुमार' });
    for (const query of ['राम कु', 'kumar ram', 'कुमार']) {
      expect((await t.call('patients.search', { query })).patients.map((p) => p.id)).toEqual([ram.id]);
    }
    const refused = await t.fail('patients.register', { ...RAM, phone: '9811111112', nameOtherScript: '12345' });
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', field: 'nameOtherScript' });
    await t.call('patients.update', { id: ram.id, version: 1, changes: { nameOtherScript: null } });
    expect((await t.call('patients.search', { query: 'राम' })).patients).toEqual([]);
  });

  it('registers a baby by age in months and reads the age back in years and months', async () => {
    t = startTestCore({ counterLetter: 'B', hospitalCode: 'LNH' });
    const baby = await t.call('patients.register', { name: 'Baby of Rekha', gender: 'female', ageYears: 0, ageMonths: 7 });
    expect(baby).toMatchObject({ ageYears: 0, ageMonths: 7, dateOfBirthEstimated: true });
    const child = await t.call('patients.register', { name: 'Arjun Rawat', gender: 'male', ageMonths: 5, ageYears: 2 });
    expect(child).toMatchObject({ ageYears: 2, ageMonths: 5 });
    const [found] = (await t.call('patients.search', { query: 'rekha' })).patients;
    expect(found).toMatchObject({ id: baby.id, ageYears: 0, ageMonths: 7 });
    const refused = await t.fail('patients.register', { name: 'Baby of Kamla', gender: 'male', ageMonths: 12 });
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ageMonths' });
  });

  it('finds a patient by UHID, phone, ABHA number and address, and name in any order and case', async () => {
    t = startTestCore();
    const p = await t.call('patients.register', { ...RAM, abhaNumber: '91-2345-6789-0123', abhaAddress: 'ram.kumar@abdm' });
    await t.call('patients.register', { name: 'Sita Devi', gender: 'female', ageYears: 30, phone: '9811111111' });
    const found = async (query: string) => (await t.call('patients.search', { query })).patients.map((x) => x.id);
    expect(await found(p.uhid)).toEqual([p.id]);
    expect(await found(p.uhid.replace(/-/g, '').toLowerCase())).toEqual([p.id]);
    expect(await found('+91 98765 43210')).toEqual([p.id]);
    expect(await found('91234567890123')).toEqual([p.id]);
    expect(await found('Ram.Kumar@abdm')).toEqual([p.id]);
    expect(await found('kum ra')).toEqual([p.id]);
    expect(await found('RAM K')).toEqual([p.id]);
    expect(await found('ram d')).toEqual([]);
    expect((await t.call('patients.search', { query: '9876543219' })).patients).toEqual([]);
  });

  it('finds Devanagari names by prefix, treating vowel signs as part of the word', async () => {
    t = startTestCore();
    const ram = await t.call('patients.register', { name: 'राम कुमार', gender: 'male', dateOfBirth: '1980-05-17' });
    const rama = await t.call('patients.register', { name: 'रमा कविता', gender: 'female', dateOfBirth: '1982-01-01' });
    const found = async (query: string) => (await t.call('patients.search', { query })).patients.map((x) => x.id);
    expect(await found('कुमा रा')).toEqual([ram.id]);
    // With the tokenizer's default categories these matched both: "रा" split to "र".
    expect(await found('रा')).toEqual([ram.id]);
    expect(await found('कु')).toEqual([ram.id]);
    expect(await found('कवि')).toEqual([rama.id]);
  });

  it("stores O'Brien, markup and SQL fragments as plain text and finds them", async () => {
    t = startTestCore();
    const names = ["Seán O'Brien", '<script>alert("x")</script> Meena', "Robert'); DROP TABLE patients;-- Singh"];
    for (const name of names)
      await t.call('patients.register', { name, gender: 'other', ageYears: 20, confirmNotDuplicate: true });
    expect(t.count('patients')).toBe(3);
    expect((await t.call('patients.search', { query: 'obrien' })).patients).toEqual([]);
    expect((await t.call('patients.search', { query: "O'Bri" })).patients[0]?.name).toBe("Seán O'Brien");
    expect((await t.call('patients.search', { query: 'script meena' })).patients[0]?.name).toBe(names[1]);
    expect((await t.call('patients.search', { query: 'drop table' })).patients[0]?.name).toBe(names[2]);
  });

  it('warns about a likely duplicate before creating, and registers when the clerk confirms', async () => {
    t = startTestCore();
    const first = await t.call('patients.register', RAM);
    const samePhone = await t.fail('patients.register', {
      ...RAM,
      name: 'Kumaar Ram',
      guardianName: null,
      guardianRelation: null,
    });
    expect(samePhone.code).toBe('DUPLICATE_SUSPECTED');
    expect(samePhone.details).toMatchObject({
      candidates: [{ patient: { id: first.id }, reasons: ['same_phone_similar_name'] }],
    });
    // Same name, birth year within the estimate: also suspected, even with another phone.
    const sameName = await t.fail('patients.register', { name: 'ram kumar', gender: 'male', ageYears: 46, phone: '9000000001' });
    expect(sameName.details).toMatchObject({ candidates: [{ reasons: ['same_name_same_birth_year'] }] });
    // A family member on the same phone is not a duplicate.
    await t.call('patients.register', { name: 'Sunita Devi', gender: 'female', ageYears: 40, phone: RAM.phone });
    expect(t.count('patients')).toBe(2);
    await t.call('patients.register', { ...RAM, confirmNotDuplicate: true });
    expect(t.count('patients')).toBe(3);
    expect(t.count('outbox')).toBe(3);
  });

  it('refuses a second patient with the same ABHA number', async () => {
    t = startTestCore();
    await t.call('patients.register', { ...RAM, abhaNumber: '91-2345-6789-0123' });
    const err = await t.fail('patients.register', {
      name: 'Other Person',
      gender: 'female',
      ageYears: 3,
      abhaNumber: '91234567890123',
      confirmNotDuplicate: true,
    });
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'abhaNumber' });
    expect(t.count('patients')).toBe(1);
  });

  it('returns the first registration when the same client id is sent twice', async () => {
    t = startTestCore();
    const id = crypto.randomUUID();
    const a = await t.call('patients.register', { ...RAM, id });
    const b = await t.call('patients.register', { ...RAM, id });
    expect(b).toEqual(a);
    expect(t.count('patients')).toBe(1);
    expect(t.count('outbox')).toBe(1);
  });

  it('updates with a version check and records only changed fields', async () => {
    t = startTestCore();
    const p = await t.call('patients.register', RAM);
    const updated = await t.call('patients.update', {
      id: p.id,
      version: 1,
      changes: { phone: '9999988888', address: { pincode: '110001' } },
    });
    expect(updated).toMatchObject({
      version: 2,
      phone: '9999988888',
      address: { pincode: '110001', district: 'North East Delhi' },
      guardianName: 'Shyam Lal',
    });
    const stale = await t.fail('patients.update', { id: p.id, version: 1, changes: { name: 'Ram Kumar Gupta' } });
    expect(stale).toMatchObject({ code: 'VERSION_CONFLICT', field: 'version' });
    expect((await t.call('patients.get', { id: p.id })).name).toBe('Ram Kumar');
    const audit = t.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'patient.update'").all() as { detail: string }[];
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([{ fields: ['phone', 'address.pincode'] }]);
    expect(t.core.db.prepare('SELECT operation, version FROM outbox ORDER BY seq').all()).toEqual([
      { operation: 'create', version: 1 },
      { operation: 'update', version: 2 },
    ]);
  });

  it('fills district and state from the PIN for any caller, never over what was given', async () => {
    t = startTestCore();
    const byPin = await t.call('patients.register', {
      name: 'Pin Only',
      gender: 'female',
      ageYears: 30,
      address: { pincode: '110002' },
    });
    expect(byPin.address).toEqual({ line: null, district: 'Central', state: 'Delhi', pincode: '110002' });
    const typed = await t.call('patients.register', {
      name: 'Typed District',
      gender: 'male',
      ageYears: 50,
      address: { pincode: '110002', district: 'New Delhi' },
    });
    expect(typed.address).toMatchObject({ district: 'New Delhi', state: 'Delhi' });

    const bare = await t.call('patients.register', { name: 'No Address', gender: 'male', ageYears: 60 });
    const moved = await t.call('patients.update', { id: bare.id, version: 1, changes: { address: { pincode: '110002' } } });
    expect(moved.address).toMatchObject({ district: 'Central', state: 'Delhi', pincode: '110002' });
    const stored = t.core.db.prepare('SELECT district, state FROM patients WHERE id = ?').get(byPin.id);
    expect(stored).toEqual({ district: 'Central', state: 'Delhi' });
  });

  it('renamed patients are found by the new name only', async () => {
    t = startTestCore();
    const p = await t.call('patients.register', RAM);
    await t.call('patients.update', { id: p.id, version: 1, changes: { name: 'Ramesh Gupta' } });
    expect((await t.call('patients.search', { query: 'gupta' })).patients).toHaveLength(1);
    expect((await t.call('patients.search', { query: 'kumar' })).patients).toHaveLength(0);
  });

  it('needs both halves of a guardian', async () => {
    t = startTestCore();
    expect(await t.fail('patients.register', { ...RAM, guardianRelation: null })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'guardianRelation',
    });
    expect(t.count('patients')).toBe(0);
  });
});
