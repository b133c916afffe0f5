// Fees with the token: free by default, the schedule per
// department and visit type, revisit validity across month ends, exemptions
// and their proof, receipts numbered per counter and financial year, refunds
// and cancellations; bad input refused with a clear error and nothing changed.
import { afterEach, describe, expect, it } from 'vitest';
import { RAM, startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore;
afterEach(() => t?.dispose());

/** Everything a refused call must leave as it was. */
function snapshot(core: TestCore) {
  const tables = [
    'tokens',
    'token_sequences',
    'token_charges',
    'receipts',
    'refunds',
    'cash_shifts',
    'outbox',
    'audit_log',
    'census_daily',
    'fee_daily',
  ];
  const rows = Object.fromEntries(tables.map((name) => [name, core.count(name)]));
  const sequences = core.core.db.prepare('SELECT name, last_value FROM sequences ORDER BY name').all();
  const census = core.core.db.prepare('SELECT sum(n) AS n FROM census_daily').get();
  return { rows, sequences, census };
}

const charge = (
  newPaise: number,
  extra: Partial<{ revisitPaise: number; followUpPaise: number; validityDays: number }> = {},
) => ({
  departmentCode: '*' as const,
  newPaise,
  revisitPaise: extra.revisitPaise ?? newPaise,
  followUpPaise: extra.followUpPaise ?? 0,
  validityDays: extra.validityDays ?? 0,
});

describe('fees', () => {
  it('charge nothing by default: a token needs no payment and sends nothing extra', async () => {
    t = startTestCore();
    const ram = await t.call('patients.register', RAM);
    const token = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    expect(token.fee).toMatchObject({ basis: 'new', scheduledPaise: 0, duePaise: 0, validUntil: null, receipt: null });
    expect(t.count('receipts')).toBe(0);
    expect(t.count('cash_shifts')).toBe(0);
    expect(t.count("outbox WHERE entity IN ('charge', 'receipt', 'refund')")).toBe(0);
    expect(await t.call('fees.quote', { patientId: ram.id, departmentCode: 'EYE' })).toMatchObject({ duePaise: 0, upi: null });
  });

  it('numbers receipts per counter and financial year: B/2026-27/…, restarting on 1 April, never repeating', async () => {
    t = startTestCore({ counterLetter: 'B' });
    await t.call('fees.saveSchedule', charge(1000));
    const numbers: string[] = [];
    const pay = async (name: string) => {
      const p = await t.call('patients.register', { name, gender: 'male', ageYears: 40 });
      const token = await t.call('tokens.issue', {
        patientId: p.id,
        departmentCode: 'MED',
        payment: { method: 'cash', amountPaise: 1000 },
      });
      numbers.push(token.fee!.receipt!.number);
    };
    // 31 March 2027, 23:29 in Delhi (17:59 UTC): still the year 2026-27.
    t.clock.current = new Date('2027-03-31T17:59:00.000Z');
    await pay('Amit Kumar');
    await pay('Bala Devi');
    // 32 minutes later it is 00:01 on 1 April in Delhi, though still 31 March in UTC.
    t.clock.advance(32 * 60_000);
    await pay('Chetan Lal');
    await pay('Deepa Rani');
    expect(numbers).toEqual(['B/2026-27/000001', 'B/2026-27/000002', 'B/2027-28/000001', 'B/2027-28/000002']);
    // The old year's sequence is where it was: a late receipt for it could never reuse a number.
    const seqs = t.core.db.prepare("SELECT name, last_value FROM sequences WHERE name LIKE 'receipt:%' ORDER BY name").all();
    expect(seqs).toEqual([
      { name: 'receipt:B:2026-27', last_value: 2 },
      { name: 'receipt:B:2027-28', last_value: 2 },
    ]);
    expect(() => t.core.db.prepare("UPDATE receipts SET amount_paise = 1 WHERE number = 'B/2026-27/000001'").run()).toThrow(
      /never changed/,
    );
    expect(() => t.core.db.prepare('DELETE FROM receipts').run()).toThrow(/never deleted/);
  });

  it('keeps a ticket valid for N days across a month end: follow-ups free until the last day, then a revisit fee', async () => {
    t = startTestCore();
    await t.call('fees.saveSchedule', charge(1000, { revisitPaise: 500, validityDays: 15 }));
    const ram = await t.call('patients.register', RAM);
    t.clock.current = new Date('2026-11-25T04:30:00.000Z');
    const first = await t.call('tokens.issue', {
      patientId: ram.id,
      departmentCode: 'MED',
      payment: { method: 'cash', amountPaise: 1000 },
    });
    expect(first.fee).toMatchObject({ basis: 'new', duePaise: 1000, validUntil: '2026-12-09' });

    const on = async (iso: string) => {
      t.clock.current = new Date(iso);
      return t.call('fees.quote', { patientId: ram.id, departmentCode: 'MED' });
    };
    expect(await on('2026-12-01T04:30:00.000Z')).toMatchObject({
      basis: 'follow_up',
      visitType: 'follow_up',
      duePaise: 0,
      validUntil: '2026-12-09',
      ticket: { label: first.label, visitDate: '2026-11-25', validUntil: '2026-12-09' },
    });
    // The last valid day, late at night in Delhi.
    const last = await on('2026-12-09T18:00:00.000Z');
    expect(last).toMatchObject({ basis: 'follow_up', duePaise: 0 });
    const followUp = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    expect(followUp).toMatchObject({
      visitType: 'follow_up',
      fee: { basis: 'follow_up', duePaise: 0, validUntil: '2026-12-09', receipt: null },
    });
    // A day later the ticket has run out: the revisit fee, and a new ticket from today.
    expect(await on('2026-12-10T04:30:00.000Z')).toMatchObject({
      basis: 'revisit',
      duePaise: 500,
      validUntil: '2026-12-24',
      ticket: null,
    });
    // Another department is another ticket.
    expect(
      await on('2026-12-01T04:30:00.000Z').then(() => t.call('fees.quote', { patientId: ram.id, departmentCode: 'EYE' })),
    ).toMatchObject({
      basis: 'new',
      duePaise: 1000,
    });
  });

  it('counts validity across February and the year end from the day of issue', async () => {
    t = startTestCore();
    await t.call('fees.saveSchedule', charge(1000, { validityDays: 10 }));
    const ram = await t.call('patients.register', RAM);
    for (const [iso, until] of [
      ['2027-02-20T04:30:00.000Z', '2027-03-01'],
      ['2027-12-25T04:30:00.000Z', '2028-01-03'],
      ['2028-02-25T04:30:00.000Z', '2028-03-05'], // 2028 is a leap year
    ] as const) {
      t.clock.current = new Date(iso);
      expect((await t.call('fees.quote', { patientId: ram.id, departmentCode: 'ENT', visitType: 'new' })).validUntil).toBe(until);
    }
  });

  it('waives the fee for an exemption only with its proof, keeping just the last four digits of an Aadhaar number', async () => {
    t = startTestCore();
    await t.call('fees.saveSchedule', charge(1000));
    const ram = await t.call('patients.register', RAM);
    const before = snapshot(t);
    const refused = await t.fail('tokens.issue', { patientId: ram.id, departmentCode: 'MED', feeCategory: 'bpl' });
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', field: 'exemptionProof' });
    expect(refused.message).toContain('BPL');
    expect(snapshot(t)).toEqual(before);

    // A mistyped Aadhaar number (its check digit does not match) is refused, and nothing is written.
    expect(
      await t.fail('tokens.issue', {
        patientId: ram.id,
        departmentCode: 'MED',
        feeCategory: 'divyang',
        exemptionProof: { type: 'aadhaar', number: '4567 8901 2345' },
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'exemptionProof.number' });
    expect(snapshot(t)).toEqual(before);
    const token = await t.call('tokens.issue', {
      patientId: ram.id,
      departmentCode: 'MED',
      feeCategory: 'divyang',
      exemptionProof: { type: 'aadhaar', number: '4567 8901 2341' },
    });
    expect(token.fee).toMatchObject({
      category: 'divyang',
      scheduledPaise: 1000,
      waivedPaise: 1000,
      duePaise: 0,
      proofType: 'aadhaar',
      proofNumber: 'XXXX-XXXX-2341',
    });
    const dump =
      JSON.stringify(t.core.db.prepare('SELECT * FROM token_charges').all()) +
      JSON.stringify(t.core.db.prepare('SELECT * FROM audit_log').all());
    expect(dump).not.toMatch(/4567\s?8901|456789012341/);
    // An exemption that needs no proof (senior citizen) waives without one.
    const sita = await t.call('patients.register', { name: 'Sita Devi', gender: 'female', ageYears: 70 });
    const senior = await t.call('tokens.issue', { patientId: sita.id, departmentCode: 'MED', feeCategory: 'senior_citizen' });
    expect(senior.fee).toMatchObject({ waivedPaise: 1000, duePaise: 0, proofType: null });
    // A withdrawn exemption is no longer offered.
    await t.call('fees.saveExemption', {
      code: 'senior_citizen',
      nameEn: 'Senior citizen',
      nameHi: 'वरिष्ठ नागरिक',
      proofRequired: false,
      active: false,
    });
    const gone = await t.fail('tokens.issue', { patientId: sita.id, departmentCode: 'EYE', feeCategory: 'senior_citizen' });
    expect(gone).toMatchObject({ code: 'VALIDATION_FAILED', field: 'feeCategory' });
  });

  it('refuses a missing, wrong, negative or absurd payment with nothing changed', async () => {
    t = startTestCore();
    await t.call('fees.saveSchedule', charge(1000));
    const ram = await t.call('patients.register', RAM);
    const issue = { patientId: ram.id, departmentCode: 'MED' };
    const before = snapshot(t);
    expect(await t.fail('tokens.issue', issue)).toMatchObject({ code: 'PAYMENT_REQUIRED', details: { duePaise: 1000 } });
    expect(await t.fail('tokens.issue', { ...issue, payment: { method: 'cash', amountPaise: 500 } })).toMatchObject({
      code: 'CONFLICT',
      field: 'payment.amountPaise',
    });
    for (const amountPaise of [-1000, 10.5, 100_000_000, 0]) {
      expect(await t.fail('tokens.issue', { ...issue, payment: { method: 'cash', amountPaise } })).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'payment.amountPaise',
      });
    }
    expect(
      await t.fail('tokens.issue', { ...issue, payment: { method: 'cash', amountPaise: 1000, upiRef: '123456789012' } }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(
      await t.fail('tokens.issue', { ...issue, payment: { method: 'upi', amountPaise: 1000, upiRef: '12345' } }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'payment.upiRef',
    });
    for (const newPaise of [-1, 1_000_001, 12.25]) {
      expect(await t.fail('fees.saveSchedule', charge(newPaise))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'newPaise' });
    }
    expect(await t.fail('fees.saveSchedule', { ...charge(100), departmentCode: 'NOPE' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(snapshot(t)).toEqual(before);
    expect((await t.call('fees.settings', {})).schedule).toEqual([
      { departmentCode: '*', newPaise: 1000, revisitPaise: 1000, followUpPaise: 0, validityDays: 0 },
    ]);
    // Nothing due, yet money offered: refused too.
    await t.call('fees.saveSchedule', charge(0));
    expect(await t.fail('tokens.issue', { ...issue, payment: { method: 'cash', amountPaise: 1000 } })).toMatchObject({
      code: 'CONFLICT',
      field: 'payment',
    });
    expect(snapshot(t).rows.tokens).toBe(0);
  });

  it('refunds part of a fee, never more than is left, and cancels the rest, each numbered, audited and voiding the ticket', async () => {
    t = startTestCore({ counterLetter: 'C' });
    await t.call('fees.saveSchedule', charge(5000, { validityDays: 30 }));
    const ram = await t.call('patients.register', RAM);
    const token = await t.call('tokens.issue', {
      patientId: ram.id,
      departmentCode: 'ORTHO',
      payment: { method: 'cash', amountPaise: 5000 },
    });
    const receiptId = token.fee!.receipt!.id;
    const before = snapshot(t);
    const tooMuch = await t.fail('fees.refund', {
      receiptId,
      kind: 'refund',
      amountPaise: 5001,
      method: 'cash',
      reason: 'Overcharged',
    });
    expect(tooMuch).toMatchObject({ code: 'VALIDATION_FAILED', field: 'amountPaise' });
    expect(tooMuch.message).toContain('₹50.00');
    expect(await t.fail('fees.refund', { receiptId, kind: 'refund', method: 'cash', reason: 'x' })).toMatchObject({
      field: 'amountPaise',
    });
    expect(
      await t.fail('fees.refund', { receiptId, kind: 'refund', amountPaise: 100, method: 'cash', reason: '  ' }),
    ).toMatchObject({ field: 'reason' });
    expect(snapshot(t)).toEqual(before);

    const part = await t.call('fees.refund', {
      receiptId,
      kind: 'refund',
      amountPaise: 2000,
      method: 'cash',
      reason: 'Charged new fee, was a revisit',
    });
    expect(part).toMatchObject({
      number: 'C/2026-27/R000001',
      amountPaise: 2000,
      receiptNumber: 'C/2026-27/000001',
      approvedBy: 'test',
    });
    expect(
      await t.fail('fees.refund', { receiptId, kind: 'refund', amountPaise: 3001, method: 'cash', reason: 'again' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    // Still a valid ticket after a partial refund.
    expect((await t.call('fees.quote', { patientId: ram.id, departmentCode: 'ORTHO' })).basis).toBe('follow_up');
    const cancel = await t.call('fees.refund', { receiptId, kind: 'cancellation', method: 'cash', reason: 'Wrong patient' });
    expect(cancel).toMatchObject({ number: 'C/2026-27/R000002', kind: 'cancellation', amountPaise: 3000 });
    expect(
      await t.fail('fees.refund', { receiptId, kind: 'refund', amountPaise: 1, method: 'cash', reason: 'more' }),
    ).toMatchObject({ code: 'CONFLICT' });
    // A cancelled fee leaves no valid ticket.
    expect((await t.call('fees.quote', { patientId: ram.id, departmentCode: 'ORTHO' })).basis).not.toBe('follow_up');
    const fee = await t.call('fees.forToken', { tokenId: token.id });
    expect(fee.fee?.receipt).toMatchObject({ refundedPaise: 5000, cancelled: true });
    expect(fee.refunds.map((r) => r.number)).toEqual(['C/2026-27/R000001', 'C/2026-27/R000002']);
    const audits = t.core.db
      .prepare("SELECT action, detail FROM audit_log WHERE action IN ('fee.refund', 'fee.cancel') ORDER BY seq")
      .all() as { action: string; detail: string }[];
    expect(audits.map((a) => [a.action, (JSON.parse(a.detail) as { reason: string }).reason])).toEqual([
      ['fee.refund', 'Charged new fee, was a revisit'],
      ['fee.cancel', 'Wrong patient'],
    ]);
    // The database itself refuses a refund beyond what was paid, whoever writes it.
    expect(() =>
      t.core.db
        .prepare(
          `INSERT INTO refunds (id, number, receipt_id, kind, amount_paise, method, reason, approved_by, clerk, business_date, created_at)
           VALUES ('x', 'x', ?, 'refund', 1, 'cash', 'r', 's', 's', '2026-11-25', '2026-11-25')`,
        )
        .run(receiptId),
    ).toThrow(/cannot exceed/);
  });

  it('answers a retried issue with the same token and receipt, never a second receipt', async () => {
    t = startTestCore();
    await t.call('fees.saveSchedule', charge(1000));
    const ram = await t.call('patients.register', RAM);
    const input = {
      id: '11111111-1111-4111-8111-111111111111',
      patientId: ram.id,
      departmentCode: 'MED',
      payment: { method: 'cash' as const, amountPaise: 1000 },
    };
    const first = await t.call('tokens.issue', input);
    const again = await t.call('tokens.issue', input);
    expect(again.fee?.receipt?.number).toBe(first.fee?.receipt?.number);
    expect(t.count('receipts')).toBe(1);
  });

  it('carries the fee and ticket over a transfer: nothing due in the new department', async () => {
    t = startTestCore();
    await t.call('fees.saveSchedule', charge(1000, { validityDays: 7 }));
    const ram = await t.call('patients.register', RAM);
    const token = await t.call('tokens.issue', {
      patientId: ram.id,
      departmentCode: 'MED',
      payment: { method: 'cash', amountPaise: 1000 },
    });
    const { to } = await t.call('tokens.transfer', { tokenId: token.id, departmentCode: 'SURG' });
    expect((await t.call('fees.forToken', { tokenId: to.id })).fee).toMatchObject({
      basis: 'transfer',
      duePaise: 0,
      validUntil: token.fee!.validUntil,
    });
    t.clock.advance(2 * 86_400_000);
    expect(await t.call('fees.quote', { patientId: ram.id, departmentCode: 'SURG' })).toMatchObject({
      basis: 'follow_up',
      duePaise: 0,
    });
  });

  it('makes a UPI request for the exact amount, with the hospital’s address and the token as reference', async () => {
    t = startTestCore();
    await t.call('fees.saveSchedule', { ...charge(1050), departmentCode: 'EYE' });
    await t.call('fees.saveSettings', { receiptSlips: 'one', upiVpa: 'lnh.opd@sbi', upiPayeeName: 'Lok Nayak Hospital' });
    expect(await t.fail('fees.saveSettings', { receiptSlips: 'one', upiVpa: 'not a vpa', upiPayeeName: null })).toMatchObject({
      field: 'upiVpa',
    });
    const ram = await t.call('patients.register', RAM);
    const quote = await t.call('fees.quote', {
      patientId: ram.id,
      departmentCode: 'EYE',
      tokenId: '22222222-2222-4222-8222-222222222222',
    });
    const url = new URL(quote.upi!.uri);
    expect(url.protocol).toBe('upi:');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      pa: 'lnh.opd@sbi',
      pn: 'Lok Nayak Hospital',
      am: '10.50',
      cu: 'INR',
      tr: '22222222222242228222222222222222',
    });
    expect(url.searchParams.get('tn')).toMatch(/^OPD fee EYE /);
    expect(quote.upi!.qrSvg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    // Other departments still charge the default (nothing).
    expect((await t.call('fees.quote', { patientId: ram.id, departmentCode: 'MED' })).upi).toBeNull();
  });
});
