// Who a counter is (main/config/counter-identity.ts): set at first run or by
// the start-up configuration, required before anything is issued, and frozen
// once something was issued with it.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/create-core';
import { startTestCore, type TestCore } from '../support/temp-core';

const ADMIN = { username: 'asha', displayName: 'Asha Admin', password: 'admin passphrase 1' };
const PATIENT = { name: 'Ram Kumar', gender: 'male', ageYears: 45, phone: '9876543210' } as const;

const cores: TestCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.dispose()));

function newCounter(): TestCore {
  const c = startTestCore(null);
  cores.push(c);
  return c;
}

async function registerAndIssue(c: TestCore, phone: string = PATIENT.phone) {
  const patient = await c.call('patients.register', { ...PATIENT, phone, confirmNotDuplicate: true });
  const token = await c.call('tokens.issue', { patientId: patient.id, departmentCode: 'MED' });
  return { patient, token };
}

describe('a counter set up at first run', () => {
  it('issues UHIDs and token labels with the letter and hospital code entered, distinct from a second counter', async () => {
    const b = newCounter();
    const c = newCounter();
    for (const [counter, letter] of [
      [b, 'B'],
      [c, 'c'], // typed in lower case: the letter is one capital
    ] as const) {
      expect((await counter.call('counter.info', {})).configured).toBe(false);
      await counter.call('auth.setup', {
        ...ADMIN,
        counter: { hospitalName: 'Lok Nayak Hospital', hospitalCode: 'lnh', counterLetter: letter, timeZone: 'Asia/Kolkata' },
      });
    }
    const atB = await registerAndIssue(b);
    const atC = await registerAndIssue(c);
    expect(atB.patient.uhid).toMatch(/^LNH-B26-000001-\d$/);
    expect(atC.patient.uhid).toMatch(/^LNH-C26-000001-\d$/);
    expect([atB.token.label, atC.token.label]).toEqual(['B-001', 'C-001']);

    const info = await b.call('counter.info', {});
    expect(info).toMatchObject({
      counterLetter: 'B',
      hospitalCode: 'LNH',
      hospitalName: 'Lok Nayak Hospital',
      timeZone: 'Asia/Kolkata',
      configured: true,
      pinned: [],
      identityLocked: true,
    });
    // The change is in the audit log, under the administrator who made it.
    const audit = b.core.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'counter.update'").all();
    expect(audit).toEqual([
      { actor: 'asha', detail: JSON.stringify({ changed: ['hospitalName', 'hospitalCode', 'counterLetter', 'timeZone'] }) },
    ]);
  });

  it('issues nothing before it is set up, and changes nothing trying', async () => {
    const c = newCounter();
    const refused = await c.fail('patients.register', PATIENT);
    expect(refused.code).toBe('NOT_SET_UP');
    expect(refused.message).toMatch(/letter and hospital code are not set/);
    expect(c.count('patients') + c.count('outbox') + c.count('sequences')).toBe(0);
  });

  it('refuses a first run that leaves out who the counter is, and makes no administrator', async () => {
    const c = newCounter();
    const missing = await c.fail('auth.setup', ADMIN);
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED', field: 'counter.hospitalName' });
    const badLetter = await c.fail('auth.setup', {
      ...ADMIN,
      counter: { hospitalName: 'LNH', hospitalCode: 'LNH', counterLetter: 'B2', timeZone: 'Asia/Kolkata' },
    });
    expect(badLetter).toMatchObject({ code: 'VALIDATION_FAILED', field: 'counter.counterLetter' });
    const badZone = await c.fail('auth.setup', {
      ...ADMIN,
      counter: { hospitalName: 'LNH', hospitalCode: 'LNH', counterLetter: 'B', timeZone: 'India/Delhi' },
    });
    expect(badZone).toMatchObject({ code: 'VALIDATION_FAILED', field: 'counter.timeZone' });
    expect((await c.call('auth.status', {})).setupNeeded).toBe(true);
    expect((await c.call('counter.info', {})).counterLetter).toBeNull();
  });
});

describe('changing who a counter is', () => {
  async function setUp(): Promise<TestCore> {
    const c = newCounter();
    await c.call('auth.setup', {
      ...ADMIN,
      counter: { hospitalName: 'Lok Nayak Hospital', hospitalCode: 'LNH', counterLetter: 'B', timeZone: 'Asia/Kolkata' },
    });
    return c;
  }

  it('changes the hospital name and time zone at any time, audited', async () => {
    const c = await setUp();
    await registerAndIssue(c);
    const info = await c.call('counter.update', { hospitalName: 'LNJP Hospital', timeZone: 'Asia/Calcutta' });
    expect(info).toMatchObject({ hospitalName: 'LNJP Hospital', timeZone: 'Asia/Calcutta', counterLetter: 'B' });
    expect(c.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'counter.update' ORDER BY seq DESC").get()).toEqual({
      detail: JSON.stringify({ changed: ['hospitalName', 'timeZone'] }),
    });
  });

  it('changes the letter while nothing was issued, and refuses it after, saying why and changing nothing', async () => {
    const c = await setUp();
    expect((await c.call('counter.update', { counterLetter: 'D' })).counterLetter).toBe('D');
    await registerAndIssue(c);
    for (const change of [{ counterLetter: 'E' }, { hospitalCode: 'GTB' }]) {
      const refused = await c.fail('counter.update', change);
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toMatch(/already issued UHIDs or tokens/);
    }
    // A refusal mid-way changes nothing, not even the allowed part sent with it.
    await c.fail('counter.update', { hospitalName: 'Other', counterLetter: 'E' });
    expect(await c.call('counter.info', {})).toMatchObject({
      counterLetter: 'D',
      hospitalCode: 'LNH',
      hospitalName: 'Lok Nayak Hospital',
    });
    expect((await registerAndIssue(c, '9876500001')).patient.uhid).toMatch(/^LNH-D26-000002-/);
  });

  it('leaves what the start-up configuration set to that configuration', async () => {
    const c = startTestCore({ counterLetter: 'F', hospitalCode: 'LNH', hospitalName: 'Lok Nayak Hospital' });
    cores.push(c);
    const info = await c.call('counter.info', {});
    expect(info.pinned.sort()).toEqual(['counterLetter', 'hospitalCode', 'hospitalName']);
    const refused = await c.fail('counter.update', { hospitalName: 'Elsewhere' });
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'hospitalName' });
    expect(refused.message).toMatch(/start-up configuration/);
    expect((await c.call('counter.update', { timeZone: 'Asia/Calcutta' })).timeZone).toBe('Asia/Calcutta');
  });
});

describe('the start-up configuration of a counter that has issued', () => {
  it('does not start on another letter or hospital code, and leaves the database as it was', async () => {
    const first = startTestCore({ counterLetter: 'B', hospitalCode: 'LNH' });
    await registerAndIssue(first);
    first.core.close();
    for (const settings of [{ counterLetter: 'C' }, { hospitalCode: 'GTB' }]) {
      expect(() => createCore({ dataDir: first.dataDir, shell: 'browser', settings, log: () => {} })).toThrow(
        /already issued UHIDs or tokens .* cannot change/,
      );
    }
    // The same letter, and a new hospital name, start as usual.
    const again = createCore({
      dataDir: first.dataDir,
      shell: 'browser',
      settings: { counterLetter: 'B', hospitalName: 'LNJP Hospital' },
      log: () => {},
    });
    expect(again.context.identity).toMatchObject({ counterLetter: 'B', hospitalCode: 'LNH', hospitalName: 'LNJP Hospital' });
    again.close();
    cores.push({ ...first, dispose: () => rmSync(first.dataDir, { recursive: true, force: true }) });
  });
});
