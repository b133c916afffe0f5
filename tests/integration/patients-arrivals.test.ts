// Patients at the door through the contract on a real SQLite file: the unknown patient
// brought by the police, the medico-legal case, the newborn, ID proof and the
// PIN directory; bad input refused at its field with nothing changed.
import { afterEach, describe, expect, it } from 'vitest';
import { verhoeffDigit } from '../../main/patients/verhoeff';
import { RAM, startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore;
afterEach(() => t?.dispose());

const start = () => startTestCore({ counterLetter: 'B', hospitalCode: 'LNH' });

/** Everything a refused call must leave as it was. */
function snapshot(core: TestCore) {
  return ['patients', 'tokens', 'outbox', 'audit_log', 'print_jobs', 'patient_merges'].map((table) => core.count(table));
}

/** A valid Aadhaar number: 11 digits and their Verhoeff check digit. */
export function aadhaar(first11: string): string {
  return `${first11}${verhoeffDigit(first11)}`;
}

describe('emergency and unknown patients', () => {
  it('registers by sex and approximate age with a temporary name and an immediate Casualty token, apart from duplicate checks', async () => {
    t = start();
    // 14:05 in Delhi.
    t.clock.current = new Date('2026-11-30T08:35:00.000Z');
    const first = await t.call('patients.registerEmergency', {
      gender: 'male',
      ageYears: 35,
      broughtBy: 'HC Ramesh, PS Kotwali',
    });
    expect(first.patient).toMatchObject({
      name: 'Unknown Male 35 — 2026-11-30 14:05 — B-001',
      // The same in Devanagari, so a Hindi screen or slip has no English words in it.
      nameOtherScript: 'अज्ञात पुरुष 35 — 2026-11-30 14:05 — B-001',
      unidentified: true,
      temporaryName: 'Unknown Male 35 — 2026-11-30 14:05 — B-001',
      broughtBy: 'HC Ramesh, PS Kotwali',
      ageYears: 35,
      dateOfBirthEstimated: true,
    });
    expect(first.token).toMatchObject({ departmentCode: 'CAS', label: 'B-001', priority: 'emergency', status: 'issued' });
    // A second unknown man of the same age is no duplicate of the first: registered at once.
    const second = await t.call('patients.registerEmergency', { gender: 'male', ageYears: 35 });
    expect(second.token.label).toBe('B-002');
    // And an identified patient is never warned about them either.
    const named = await t.call('patients.findDuplicates', { name: first.patient.name, gender: 'male', ageYears: 35 });
    expect(named).toEqual([]);

    // A retry with the same ids gets the same registration back.
    const again = await t.call('patients.registerEmergency', {
      id: first.patient.id,
      tokenId: first.token.id,
      gender: 'male',
      ageYears: 35,
    });
    expect(again.patient.id).toBe(first.patient.id);
    expect(t.count('patients')).toBe(2);
  });

  it('is identified later by editing: the name changes, the history stays (version, audit, temporary name)', async () => {
    t = start();
    const { patient } = await t.call('patients.registerEmergency', { gender: 'female', ageYears: 60 });
    const named = await t.call('patients.update', {
      id: patient.id,
      version: patient.version,
      changes: { name: 'Kamla Devi', phone: '9811002233', address: { pincode: '110053' } },
    });
    expect(patient.nameOtherScript).toMatch(/^अज्ञात महिला 60 — /);
    // The temporary Hindi name goes with the temporary name.
    expect(named).toMatchObject({
      name: 'Kamla Devi',
      nameOtherScript: null,
      unidentified: false,
      temporaryName: patient.name,
      version: 2,
    });
    const audit = t.core.db.prepare('SELECT action, detail FROM audit_log WHERE entity_id = ? ORDER BY seq').all(patient.id);
    expect(audit).toEqual([
      { action: 'patient.registerEmergency', detail: expect.any(String) },
      { action: 'patient.identify', detail: expect.stringContaining('unidentified') },
    ]);
    // The temporary name still finds her (it is in the record), the new one too.
    expect((await t.call('patients.search', { query: 'kamla devi' })).patients.map((p) => p.id)).toEqual([patient.id]);
  });
});

describe('medico-legal cases', () => {
  const mlc = { number: 'MLC/2026/0417', policeStation: 'PS Kotwali', broughtBy: 'Constable Suresh Yadav' };

  it('records an MLC on a visit, at issue or later, audited, and lists them for a date range', async () => {
    t = start();
    const ram = await t.call('patients.register', RAM);
    const token = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'SURG', mlc });
    expect(token.mlc).toMatchObject({ ...mlc, at: t.clock.now().toISOString() });
    const { token: casualty } = await t.call('patients.registerEmergency', {
      gender: 'male',
      ageYears: 20,
      mlc: { ...mlc, number: 'MLC/2026/0418' },
    });
    t.clock.advance(86_400_000);
    const later = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'ORTHO' });
    expect(later.mlc).toBeNull();
    const marked = await t.call('tokens.setMlc', { tokenId: later.id, mlc: { ...mlc, number: 'MLC/2026/0420' } });
    expect(marked.mlc?.number).toBe('MLC/2026/0420');

    const list = await t.call('tokens.mlcList', { from: '2026-11-25', to: '2026-11-26' });
    expect(list.map((e) => e.token.mlc?.number)).toEqual(['MLC/2026/0417', 'MLC/2026/0418', 'MLC/2026/0420']);
    expect(list[1]!.patient.unidentified).toBe(true);
    expect((await t.call('tokens.mlcList', { from: '2026-11-26', to: '2026-11-26' })).map((e) => e.token.id)).toEqual([later.id]);
    const audited = t.core.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'token.mlc' ORDER BY seq").all();
    expect(audited).toEqual([{ entity_id: token.id }, { entity_id: casualty.id }, { entity_id: later.id }]);
  });

  it('refuses an MLC dated in the future and changes nothing', async () => {
    t = start();
    const ram = await t.call('patients.register', RAM);
    const token = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'SURG' });
    const before = snapshot(t);
    const future = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    expect(await t.fail('tokens.setMlc', { tokenId: token.id, mlc: { ...mlc, at: future } })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'mlc.at',
    });
    expect(await t.fail('tokens.issue', { patientId: ram.id, departmentCode: 'ENT', mlc: { ...mlc, at: future } })).toMatchObject(
      {
        field: 'mlc.at',
      },
    );
    expect(snapshot(t)).toEqual(before);
  });
});

describe('newborns', () => {
  it("registers a baby from the mother's record: her address and mobile, she is guardian and linked mother", async () => {
    t = start();
    const sunita = await t.call('patients.register', {
      name: 'Sunita Devi',
      gender: 'female',
      ageYears: 27,
      phone: '9812345678',
      address: { line: 'H.No. 12, Gali 4, Seelampur', pincode: '110053', district: 'North East', state: 'Delhi' },
    });
    const baby = await t.call('patients.registerNewborn', {
      motherId: sunita.id,
      gender: 'female',
      dateOfBirth: '2026-11-25',
      birthTime: '06:40',
    });
    expect(baby).toMatchObject({
      name: 'Baby of Sunita Devi',
      dateOfBirth: '2026-11-25',
      dateOfBirthEstimated: false,
      birthTime: '06:40',
      phone: '9812345678',
      guardianName: 'Sunita Devi',
      guardianRelation: 'D/o',
      address: { line: 'H.No. 12, Gali 4, Seelampur', pincode: '110053', district: 'North East', state: 'Delhi' },
      mother: { id: sunita.id, uhid: sunita.uhid, name: 'Sunita Devi' },
    });
    // Named later: the link to the mother stays.
    const named = await t.call('patients.update', { id: baby.id, version: 1, changes: { name: 'Anjali' } });
    expect(named).toMatchObject({ name: 'Anjali', mother: { id: sunita.id } });
  });

  it("names a baby in the scripts of the mother's name, never mixing them", async () => {
    t = start();
    const born = { gender: 'male', dateOfBirth: '2026-11-25', birthTime: '06:40' } as const;
    const hindiOnly = await t.call('patients.register', { name: 'सुनीता देवी', gender: 'female', ageYears: 27 });
    const both = await t.call('patients.register', {
      name: 'Rekha Kumari',
      nameOtherScript: 'रेखा कुमारी',
      gender: 'female',
      ageYears: 24,
    });
    expect(await t.call('patients.registerNewborn', { ...born, motherId: hindiOnly.id })).toMatchObject({
      name: 'सुनीता देवी का शिशु',
      nameOtherScript: null,
    });
    const rekhasBaby = await t.call('patients.registerNewborn', { ...born, motherId: both.id });
    expect(rekhasBaby).toMatchObject({ name: 'Baby of Rekha Kumari', nameOtherScript: 'रेखा कुमारी का शिशु' });
    // Given a name later, the baby keeps no temporary name in the other script.
    const named = await t.call('patients.update', { id: rekhasBaby.id, version: 1, changes: { name: 'Arjun' } });
    expect(named).toMatchObject({ name: 'Arjun', nameOtherScript: null });
  });

  it('refuses a birth time in the future, and a mother who does not exist, changing nothing', async () => {
    t = start(); // 10:00 in Delhi on 2026-11-25
    const mother = await t.call('patients.register', { name: 'Rekha', gender: 'female', ageYears: 24 });
    const before = snapshot(t);
    expect(
      await t.fail('patients.registerNewborn', {
        motherId: mother.id,
        gender: 'male',
        dateOfBirth: '2026-11-25',
        birthTime: '11:30',
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'birthTime' });
    expect(
      await t.fail('patients.registerNewborn', {
        motherId: mother.id,
        gender: 'male',
        dateOfBirth: '2026-11-26',
        birthTime: '01:00',
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'dateOfBirth' });
    expect(
      await t.fail('patients.registerNewborn', {
        motherId: mother.id,
        gender: 'male',
        dateOfBirth: '2026-11-25',
        birthTime: '25:00',
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'birthTime' });
    expect(
      await t.fail('patients.registerNewborn', {
        motherId: '00000000-0000-4000-8000-000000000009',
        gender: 'male',
        dateOfBirth: '2026-11-25',
        birthTime: '09:30',
      }),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'motherId' });
    expect(snapshot(t)).toEqual(before);
    // Half an hour ago is fine.
    await t.call('patients.registerNewborn', {
      motherId: mother.id,
      gender: 'male',
      dateOfBirth: '2026-11-25',
      birthTime: '09:30',
    });
  });
});

describe('ID proof', () => {
  it('keeps an Aadhaar number only masked, other documents as printed', async () => {
    t = start();
    const number = aadhaar('86372915406');
    const p = await t.call('patients.register', {
      ...RAM,
      idProof: { type: 'aadhaar', number: `${number.slice(0, 4)} ${number.slice(4, 8)} ${number.slice(8)}` },
    });
    expect(p.idProof).toEqual({ type: 'aadhaar', number: `XXXX-XXXX-${number.slice(8)}` });
    const q = await t.call('patients.register', {
      name: 'Sita Devi',
      gender: 'female',
      ageYears: 30,
      idProof: { type: 'pan', number: 'abcde1234f' },
    });
    expect(q.idProof).toEqual({ type: 'pan', number: 'ABCDE1234F' });
    const cleared = await t.call('patients.update', { id: q.id, version: 1, changes: { idProof: null } });
    expect(cleared.idProof).toBeNull();
    // The table itself refuses a full Aadhaar number, whatever code writes it.
    expect(() => t.core.db.prepare('UPDATE patients SET id_proof_number = ? WHERE id = ?').run(number, p.id)).toThrow(/CHECK/);
  });

  it('refuses an Aadhaar number whose check digit is wrong (one digit mistyped, two swapped), without repeating it', async () => {
    t = start();
    const good = aadhaar('86372915406');
    const typo = `${good.slice(0, 5)}${(Number(good[5]) + 1) % 10}${good.slice(6)}`;
    const swapped = `${good.slice(0, 6)}${good[7]}${good[6]}${good.slice(8)}`;
    const before = snapshot(t);
    for (const number of [typo, swapped, '123456789012', '8637 2915']) {
      const error = await t.fail('patients.register', { ...RAM, idProof: { type: 'aadhaar', number } });
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'idProof.number' });
      expect(JSON.stringify(error)).not.toContain(number.replace(/\s/g, '').slice(0, 8));
    }
    expect(snapshot(t)).toEqual(before);
  });
});

describe('PIN codes', () => {
  it('fill district and state in English and Hindi; an unknown PIN is a field error and changes nothing', async () => {
    t = start();
    expect(await t.call('places.pincode', { pincode: '110053' })).toEqual({
      pincode: '110053',
      known: true,
      places: [{ district: 'North East', state: 'Delhi', stateHi: 'दिल्ली', stateCode: 'DL' }],
    });
    expect((await t.call('places.pincode', { pincode: '226001' })).places[0]).toMatchObject({
      district: 'Lucknow',
      stateHi: 'उत्तर प्रदेश',
    });
    expect(await t.call('places.pincode', { pincode: '999999' })).toEqual({ pincode: '999999', known: false, places: [] });
    const states = await t.call('places.states', {});
    expect(states).toHaveLength(36);
    expect(states.find((s) => s.code === 'LA')).toEqual({ code: 'LA', en: 'Ladakh', hi: 'लद्दाख' });
    expect((await t.call('places.districts', { query: 'luck' })).map((p) => p.district)).toContain('Lucknow');
    expect((await t.call('places.districts', { query: 'east', state: 'Delhi' })).map((p) => p.district)).toEqual([
      'East',
      'North East',
      'South East',
    ]);
    expect((await t.call('places.districts', { query: 'east', state: 'दिल्ली' })).length).toBe(3);

    const before = snapshot(t);
    const refused = await t.fail('patients.register', { ...RAM, address: { ...RAM.address, pincode: '999999' } });
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', field: 'address.pincode' });
    expect(snapshot(t)).toEqual(before);
  });
});
