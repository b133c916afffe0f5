// A visit's type comes from the patient's history: the first visit to a
// department is new, every later one is old, whatever the form defaulted to.
// The fee (revisit), the token (follow-up) and the HMIS report (old case)
// must agree, through the contract on a real database.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

const at = (day: string) => new Date(`${day}T03:30:00.000Z`); // 09:00 in Delhi

describe('visit type', () => {
  it('is new only on the first visit to a department: a return after the ticket ran out is a revisit and an old case', async () => {
    const core = startTestCore({ counterLetter: 'B' });
    t = core;
    core.clock.current = at('2026-12-02');
    // A ticket valid for 7 days: a revisit fee after it, a free follow-up within it.
    await core.call('fees.saveSchedule', {
      departmentCode: 'MED',
      newPaise: 1000,
      revisitPaise: 500,
      followUpPaise: 0,
      validityDays: 7,
    });
    const patient = await core.call('patients.register', { name: 'Sunita Devi', gender: 'female', ageYears: 40 });
    // The form's default is 'new' every time: the counter must not take it at its word.
    const issue = (departmentCode: string, payment?: number) =>
      core.call('tokens.issue', {
        patientId: patient.id,
        departmentCode,
        visitType: 'new',
        priority: 'none',
        feeCategory: 'general',
        ...(payment ? { payment: { method: 'cash' as const, amountPaise: payment } } : {}),
      });

    const first = await issue('MED', 1000);
    expect(first.visitType).toBe('new');
    expect(first.fee?.basis).toBe('new');

    core.clock.current = at('2026-12-05'); // within the ticket
    const followUp = await issue('MED');
    expect(followUp.visitType).toBe('follow_up');
    expect(followUp.fee?.basis).toBe('follow_up');

    core.clock.current = at('2026-12-20'); // the ticket ran out on 08-12
    const revisit = await issue('MED', 500);
    expect(revisit.fee?.basis).toBe('revisit');
    expect(revisit.visitType).toBe('follow_up');

    const hmis = await core.call('reports.hmis', { month: '2026-12' });
    const newCases = hmis.rows.find((r) => r.labelEn === 'of which new cases')!;
    const oldCases = hmis.rows.find((r) => r.labelEn === 'of which old (repeat) cases')!;
    expect(newCases.female).toBe(1);
    expect(oldCases.female).toBe(2);
  });

  it('is new after a cancelled first token, and a transfer is new or old by the department it goes to', async () => {
    const core = startTestCore({ counterLetter: 'B' });
    t = core;
    core.clock.current = at('2026-12-02');
    const patient = await core.call('patients.register', { name: 'Ramesh Kumar', gender: 'male', ageYears: 52 });
    const issue = (departmentCode: string) =>
      core.call('tokens.issue', {
        patientId: patient.id,
        departmentCode,
        visitType: 'new',
        priority: 'none',
        feeCategory: 'general',
      });

    // Issued to the wrong department and cancelled: the patient never visited ENT.
    const wrong = await issue('ENT');
    await core.call('tokens.cancel', { tokenId: wrong.id, reason: 'Wrong department' });
    await issue('ORTHO');

    core.clock.current = at('2026-12-10');
    expect((await issue('ENT')).visitType).toBe('new');

    // Moved from a first Eye visit to Orthopaedics, where he was seen on 02-12: an old visit there.
    const eye = await issue('EYE');
    expect(eye.visitType).toBe('new');
    const toOrtho = await core.call('tokens.transfer', { tokenId: eye.id, departmentCode: 'ORTHO' });
    expect(toOrtho.to.visitType).toBe('follow_up');

    core.clock.current = at('2026-12-12');
    // And a follow-up chosen for a department he never visited is moved on as a new visit to Surgery.
    const chosen = await core.call('tokens.issue', {
      patientId: patient.id,
      departmentCode: 'PAED',
      visitType: 'follow_up',
      priority: 'none',
      feeCategory: 'general',
    });
    expect(chosen.visitType).toBe('follow_up');
    const toSurgery = await core.call('tokens.transfer', { tokenId: chosen.id, departmentCode: 'SURG' });
    expect(toSurgery.to.visitType).toBe('new');
  });
});
