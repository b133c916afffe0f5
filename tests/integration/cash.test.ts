// A clerk's cash shift: opened with a float, fees and refunds
// through it, closed by counting notes and coins, expected against counted,
// signed off once by a supervisor; the day book per counter and clerk.
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../main/core/registry';
import { startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore;
afterEach(() => t?.dispose());

/** Calls as a named clerk (a trusted caller with that actor, as the API key's scripts are). */
async function as<T>(
  core: TestCore,
  actor: string,
  method: string,
  input: unknown,
): Promise<{ ok: boolean; value?: T; code?: string; message?: string }> {
  const caller: Caller = { kind: 'trusted', actor };
  const r = await core.core.registry.dispatch(method, input, caller);
  return r.ok ? { ok: true, value: r.value as T } : { ok: false, code: r.error.code, message: r.error.message };
}

async function pay(core: TestCore, actor: string, name: string, method: 'cash' | 'upi' = 'cash') {
  const patient = await core.call('patients.register', { name, gender: 'female', ageYears: 35 });
  const r = await as<{ fee: { receipt: { id: string; number: string } } }>(core, actor, 'tokens.issue', {
    patientId: patient.id,
    departmentCode: 'MED',
    payment: { method, amountPaise: 1000 },
  });
  if (!r.ok) throw new Error(r.message);
  return r.value!.fee.receipt;
}

describe('cash shifts', () => {
  it('takes a shift whose count does not match to a supervisor, and refuses a second closing', async () => {
    t = startTestCore({ counterLetter: 'D' });
    await t.call('fees.saveSchedule', {
      departmentCode: '*',
      newPaise: 1000,
      revisitPaise: 1000,
      followUpPaise: 0,
      validityDays: 0,
    });
    const opened = await as<{ id: string; floatPaise: number }>(t, 'meena', 'cash.openShift', { floatPaise: 20_000 });
    expect(opened.value).toMatchObject({ floatPaise: 20_000, status: 'open', clerk: 'meena', counterLetter: 'D' });
    expect(await as(t, 'meena', 'cash.openShift', { floatPaise: 0 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const first = await pay(t, 'meena', 'Asha Rani');
    await pay(t, 'meena', 'Bina Devi');
    await pay(t, 'meena', 'Chanda Kumari', 'upi');
    // A supervisor gives ₹4 back in cash on Meena's receipt: it comes out of her drawer.
    await as(t, 'supervisor1', 'fees.refund', {
      receiptId: first.id,
      kind: 'refund',
      amountPaise: 400,
      method: 'cash',
      reason: 'Overcharged',
    });
    const current = (
      await as<{
        expectedPaise: number;
        cashReceiptsPaise: number;
        upiReceiptsPaise: number;
        cashRefundsPaise: number;
        id: string;
      }>(t, 'meena', 'cash.current', {})
    ).value!;
    expect(current).toMatchObject({
      expectedPaise: 21_600,
      cashReceiptsPaise: 2000,
      upiReceiptsPaise: 1000,
      cashRefundsPaise: 400,
    });

    // Another clerk can neither close it nor see it as theirs.
    expect((await as(t, 'ravi', 'cash.current', {})).value).toBeNull();
    expect(await as(t, 'ravi', 'cash.closeShift', { shiftId: current.id, counts: {} })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    // Bad counts are refused with nothing changed.
    for (const counts of [{ n500: -1 }, { n500: 1.5 }, { n3: 1 }, { n2000: 100_001 }]) {
      expect(await as(t, 'meena', 'cash.closeShift', { shiftId: current.id, counts })).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(t.count('cash_shifts WHERE closed_at IS NULL')).toBe(1);

    // ₹216 expected; counted two ₹100 notes, a ₹10 coin and a ₹5 coin: ₹1 short. Without a note it is refused.
    expect(await as(t, 'meena', 'cash.closeShift', { shiftId: current.id, counts: { n100: 2, c10: 1, c5: 1 } })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      message: 'note: a count short by ₹1.00 needs a note',
    });
    expect(t.count('cash_shifts WHERE closed_at IS NULL')).toBe(1);
    const closed = await as<{ differencePaise: number }>(t, 'meena', 'cash.closeShift', {
      shiftId: current.id,
      counts: { n100: 2, c10: 1, c5: 1 },
      note: 'One rupee short',
    });
    expect(closed.value).toMatchObject({
      status: 'closed',
      expectedPaise: 21_600,
      countedPaise: 21_500,
      differencePaise: -100,
      closeNote: 'One rupee short',
    });
    const before = t.core.db.prepare('SELECT * FROM cash_shifts').all();
    expect(await as(t, 'meena', 'cash.closeShift', { shiftId: current.id, counts: { n100: 3 } })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(t.core.db.prepare('SELECT * FROM cash_shifts').all()).toEqual(before);
    // The database itself keeps a closed count.
    expect(() => t.core.db.prepare('UPDATE cash_shifts SET counted_paise = 21600').run()).toThrow(/closed shift/);

    const signed = await as(t, 'supervisor1', 'cash.signOff', { shiftId: current.id, note: 'Clerk made it good' });
    expect(signed.value).toMatchObject({ status: 'signed_off', signedOffBy: 'supervisor1', signOffNote: 'Clerk made it good' });
    expect(await as(t, 'supervisor2', 'cash.signOff', { shiftId: current.id })).toMatchObject({ ok: false, code: 'CONFLICT' });
    // A new fee after closing opens a new shift by itself (no float).
    await pay(t, 'meena', 'Dipti Sharma');
    expect((await as(t, 'meena', 'cash.current', {})).value).toMatchObject({ floatPaise: 0, receiptCount: 1 });
    const actions = t.core.db.prepare("SELECT action FROM audit_log WHERE entity = 'cash_shift' ORDER BY seq").pluck().all();
    expect(actions).toEqual(['cash.open', 'cash.close', 'cash.signOff', 'cash.open']);
  });

  it('keeps a day book per counter and per clerk that adds up', async () => {
    t = startTestCore({ counterLetter: 'E' });
    await t.call('fees.saveSchedule', {
      departmentCode: '*',
      newPaise: 1000,
      revisitPaise: 1000,
      followUpPaise: 0,
      validityDays: 0,
    });
    const a = await pay(t, 'meena', 'Asha Rani');
    await pay(t, 'meena', 'Bina Devi', 'upi');
    await pay(t, 'ravi', 'Chanda Kumari');
    await as(t, 'sup', 'fees.refund', { receiptId: a.id, kind: 'cancellation', method: 'cash', reason: 'Duplicate token' });
    const book = (await t.call('cash.dayBook', {})) as {
      lines: { kind: string; amountPaise: number; clerk: string }[];
      totals: unknown[];
    };
    expect(book.lines.map((l) => [l.kind, l.clerk, l.amountPaise])).toEqual([
      ['receipt', 'meena', 1000],
      ['receipt', 'meena', 1000],
      ['receipt', 'ravi', 1000],
      ['cancellation', 'meena', -1000],
    ]);
    expect(book.totals).toEqual([
      { clerk: 'meena', method: 'cash', inPaise: 1000, outPaise: 1000, netPaise: 0 },
      { clerk: 'meena', method: 'upi', inPaise: 1000, outPaise: 0, netPaise: 1000 },
      { clerk: 'ravi', method: 'cash', inPaise: 1000, outPaise: 0, netPaise: 1000 },
    ]);
    const ravi = await t.call('cash.dayBook', { clerk: 'ravi' });
    expect(ravi.lines).toHaveLength(1);
    const shifts = await t.call('cash.shifts', {});
    expect(shifts.map((s) => [s.clerk, s.expectedPaise]).sort()).toEqual([
      ['meena', 0],
      ['ravi', 1000],
    ]);
    // A token that cannot be found has no fee to show.
    expect(await t.fail('fees.forToken', { tokenId: '33333333-3333-4333-8333-333333333333' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
