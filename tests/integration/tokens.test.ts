import { afterEach, describe, expect, it } from 'vitest';
import { RAM, startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore;
afterEach(() => t?.dispose());

async function twoPatients(core: TestCore) {
  const ram = await core.call('patients.register', RAM);
  const sita = await core.call('patients.register', {
    name: 'Sita Devi',
    gender: 'female',
    dateOfBirth: '1950-03-02',
    phone: '9811111111',
  });
  return { ram, sita };
}

describe('OPD tokens', () => {
  it('numbers tokens per department and day with the counter letter', async () => {
    t = startTestCore({ counterLetter: 'B' });
    const { ram, sita } = await twoPatients(t);
    const a = await t.call('tokens.issue', {
      patientId: ram.id,
      departmentCode: 'MED',
      priority: 'none',
      visitType: 'new',
      feeCategory: 'general',
    });
    const b = await t.call('tokens.issue', {
      patientId: sita.id,
      departmentCode: 'MED',
      priority: 'senior',
      visitType: 'follow_up',
      feeCategory: 'bpl',
    });
    const c = await t.call('tokens.issue', { patientId: sita.id, departmentCode: 'EYE' });
    expect([a.label, b.label, c.label]).toEqual(['B-001', 'B-002', 'B-001']);
    expect(b).toMatchObject({
      priority: 'senior',
      visitType: 'follow_up',
      feeCategory: 'bpl',
      visitDate: '2026-11-25',
      patientName: 'Sita Devi',
    });
    expect(c).toMatchObject({ departmentNameEn: 'Ophthalmology', departmentNameHi: 'नेत्र रोग', room: '205' });
    expect(c).toMatchObject({ priority: 'none', visitType: 'new', feeCategory: 'general' });
    t.clock.advance(24 * 3600_000);
    const nextDay = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    expect(nextDay).toMatchObject({ label: 'B-001', visitDate: '2026-11-26' });
  });

  it('never reuses a cancelled number, and audits the cancel with its reason', async () => {
    t = startTestCore();
    const { ram, sita } = await twoPatients(t);
    const first = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    const cancelled = await t.call('tokens.cancel', { tokenId: first.id, reason: 'Patient left' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Patient left' });
    expect(await t.fail('tokens.cancel', { tokenId: first.id, reason: 'again' })).toMatchObject({ code: 'CONFLICT' });
    const next = await t.call('tokens.issue', { patientId: sita.id, departmentCode: 'MED' });
    expect(next.label).toBe('A-002');
    const again = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    expect(again.label).toBe('A-003');
    expect(t.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'token.cancel'").get()).toEqual({
      detail: JSON.stringify({ label: 'A-001', reason: 'Patient left' }),
    });
  });

  it('transfers a visit: a new number in the new department, the old one marked', async () => {
    t = startTestCore();
    const { ram, sita } = await twoPatients(t);
    await t.call('tokens.issue', { patientId: sita.id, departmentCode: 'ORTHO' });
    const med = await t.call('tokens.issue', {
      patientId: ram.id,
      departmentCode: 'MED',
      priority: 'divyang',
      feeCategory: 'delhi_arogya_kosh',
    });
    const { from, to } = await t.call('tokens.transfer', { tokenId: med.id, departmentCode: 'ORTHO', reason: 'Knee pain' });
    expect(from).toMatchObject({ status: 'transferred', transferredToId: to.id, label: 'A-001', cancelReason: 'Knee pain' });
    expect(to).toMatchObject({
      status: 'issued',
      departmentCode: 'ORTHO',
      label: 'A-002',
      transferredFromId: med.id,
      priority: 'divyang',
      feeCategory: 'delhi_arogya_kosh',
    });
    expect(await t.fail('tokens.transfer', { tokenId: med.id, departmentCode: 'EYE' })).toMatchObject({ code: 'CONFLICT' });
    expect(t.core.db.prepare("SELECT entity_id, operation FROM outbox WHERE entity = 'token' ORDER BY seq").all()).toEqual([
      { entity_id: expect.any(String), operation: 'create' },
      { entity_id: med.id, operation: 'create' },
      { entity_id: to.id, operation: 'create' },
      { entity_id: med.id, operation: 'update' },
    ]);
  });

  it('lists the queue in issue order, per department', async () => {
    t = startTestCore();
    const { ram, sita } = await twoPatients(t);
    await t.call('tokens.issue', { patientId: sita.id, departmentCode: 'MED', priority: 'emergency' });
    t.clock.advance(60_000);
    await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'ENT' });
    const queue = await t.call('tokens.list', { departmentCode: 'MED' });
    expect(queue.map((x) => [x.label, x.patientName])).toEqual([
      ['A-001', 'Sita Devi'],
      ['A-002', 'Ram Kumar'],
    ]);
    expect(await t.call('tokens.list', { date: '2026-11-24' })).toEqual([]);
    expect((await t.call('tokens.list', { patientId: ram.id })).map((x) => x.departmentCode)).toEqual(['MED', 'ENT']);
  });

  it('refuses a second open token for the same patient, department and day, and retries return the same token', async () => {
    t = startTestCore();
    const { ram } = await twoPatients(t);
    const id = crypto.randomUUID();
    const first = await t.call('tokens.issue', { id, patientId: ram.id, departmentCode: 'MED' });
    expect(await t.call('tokens.issue', { id, patientId: ram.id, departmentCode: 'MED' })).toEqual(first);
    expect(await t.fail('tokens.issue', { patientId: ram.id, departmentCode: 'MED' })).toMatchObject({
      code: 'CONFLICT',
      field: 'departmentCode',
    });
    expect(t.count('tokens')).toBe(1);
  });

  it('gives clear errors for unknown patients, departments and closed departments', async () => {
    t = startTestCore();
    const { ram } = await twoPatients(t);
    expect(await t.fail('tokens.issue', { patientId: crypto.randomUUID(), departmentCode: 'MED' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'patientId',
    });
    expect(await t.fail('tokens.issue', { patientId: ram.id, departmentCode: 'XRAY' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'departmentCode',
    });
    await t.call('departments.update', { code: 'DENT', active: false });
    expect(await t.fail('tokens.issue', { patientId: ram.id, departmentCode: 'DENT' })).toMatchObject({
      code: 'CONFLICT',
      field: 'departmentCode',
    });
    expect(t.count('tokens')).toBe(0);
  });

  it('keeps the audit log append-only', async () => {
    t = startTestCore();
    await twoPatients(t);
    expect(() => t.core.db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => t.core.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('departments', () => {
  it('are seeded in English and Hindi with rooms and shortcut keys, and editable', async () => {
    t = startTestCore();
    const list = await t.call('departments.list', {});
    expect(list.find((d) => d.code === 'PAED')).toMatchObject({
      nameEn: 'Paediatrics',
      nameHi: 'बाल रोग',
      room: '110',
      shortcut: '3',
      active: true,
    });
    const moved = await t.call('departments.update', { code: 'PAED', room: 'B-12', nameHi: 'शिशु रोग' });
    expect(moved).toMatchObject({ room: 'B-12', nameHi: 'शिशु रोग', shortcut: '3' });
    expect(await t.fail('departments.update', { code: 'PAED', shortcut: '1' })).toMatchObject({
      code: 'CONFLICT',
      field: 'shortcut',
    });
  });

  it('keeps a room in Devanagari beside the room as written: Casualty has one, others get one or none', async () => {
    t = startTestCore();
    const departments = await t.call('departments.list', {});
    expect(departments.find((d) => d.code === 'CAS')).toMatchObject({ room: 'Casualty', roomHi: 'कैजुअल्टी' });
    expect(departments.find((d) => d.code === 'PAED')).toMatchObject({ roomHi: null });
    expect(await t.call('departments.update', { code: 'PAED', room: 'Nursery', roomHi: 'नर्सरी' })).toMatchObject({
      room: 'Nursery',
      roomHi: 'नर्सरी',
    });
    // Left empty, the room is shown as written again.
    expect(await t.call('departments.update', { code: 'PAED', roomHi: '' })).toMatchObject({ room: 'Nursery', roomHi: null });
  });
});
