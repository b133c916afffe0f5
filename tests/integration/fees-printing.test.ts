// Money on paper: the receipt on the token's slip or on a slip of
// its own, a reprint marked DUPLICATE, the refund voucher, the UPI request
// slip and a shift's closing — each decoded back from the ESC/POS bytes a
// loopback printer received, as the patient and the supervisor read them.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../support/escpos-decoder';
import { FAST_PRINTING, printerPool, startPrintingCore } from '../support/printing-fixture';
import { RAM, type TestCore } from '../support/temp-core';

let t: TestCore | undefined;
const printers = printerPool();
afterEach(async () => {
  t?.dispose();
  t = undefined;
  await printers.stopAll();
});

async function counterWithPrinter(receiptSlips: 'one' | 'two') {
  t = startPrintingCore(FAST_PRINTING);
  const p = await printers.start();
  await t.call('printers.saveSettings', {
    type: 'epson',
    paperWidth: 80,
    interface: p.uri,
    fallbackInterface: null,
    characterSet: 'PC437_USA',
    statusQuery: 'gs_r',
    footer: null,
  });
  await t.call('fees.saveSchedule', {
    departmentCode: '*',
    newPaise: 1000,
    revisitPaise: 500,
    followUpPaise: 0,
    validityDays: 15,
  });
  await t.call('fees.saveSettings', { receiptSlips, upiVpa: 'lnh.opd@sbi', upiPayeeName: 'Lok Nayak Hospital' });
  return { t, p };
}

const value = (texts: string[], label: string) =>
  texts
    .find((l) => l.startsWith(label))
    ?.slice(label.length)
    .trim();

describe('receipts on paper', () => {
  it('prints the receipt on the token slip: number, amount, how paid, valid until', async () => {
    const { t, p } = await counterWithPrinter('one');
    const ram = await t.call('patients.register', RAM);
    const token = await t.call('tokens.issue', {
      patientId: ram.id,
      departmentCode: 'MED',
      payment: { method: 'upi', amountPaise: 1000, upiRef: '412345678901' },
    });
    await p.waitForJobs(1);
    const slip = decodeEscPos(p.jobs[0]!);
    expect(slip.texts).toContain(token.label);
    expect(slip.lines.find((l) => l.text.trim() === 'FEE RECEIPT')).toMatchObject({ bold: true, align: 'center' });
    expect(value(slip.texts, 'Receipt no.')).toBe('B/2026-27/000001');
    expect(value(slip.texts, 'Amount paid')).toBe('Rs 10.00');
    expect(value(slip.texts, 'Paid by')).toBe('UPI 412345678901');
    expect(value(slip.texts, 'Valid until')).toBe('09-12-2026');
    expect(value(slip.texts, 'Fee')).toBe('General');
    expect(p.jobs).toHaveLength(1);

    // A reprint of the token says DUPLICATE and carries the same receipt number.
    await t.call('print.reprint', { tokenId: token.id });
    await p.waitForJobs(2);
    const copy = decodeEscPos(p.jobs[1]!);
    expect(copy.lines.find((l) => l.text.trim() === 'DUPLICATE')).toMatchObject({ inverse: true });
    expect(value(copy.texts, 'Receipt no.')).toBe('B/2026-27/000001');
  });

  it('prints a receipt slip of its own after the token slip, and a DUPLICATE on reprint', async () => {
    const { t, p } = await counterWithPrinter('two');
    const ram = await t.call('patients.register', RAM);
    const token = await t.call('tokens.issue', {
      patientId: ram.id,
      departmentCode: 'EYE',
      payment: { method: 'cash', amountPaise: 1000 },
    });
    await p.waitForJobs(2);
    const [tokenSlip, receipt] = p.jobs.map((b) => decodeEscPos(b));
    expect(tokenSlip!.texts).not.toContain('FEE RECEIPT');
    expect(value(tokenSlip!.texts, 'Paid')).toBe('Rs 10.00 (B/2026-27/000001)');
    expect(receipt!.texts).toEqual(expect.arrayContaining(['Lok Nayak Hospital', 'FEE RECEIPT', 'Rs 10.00', RAM.name]));
    expect(value(receipt!.texts, 'Receipt no.')).toBe('B/2026-27/000001');
    expect(value(receipt!.texts, 'Token')).toBe(`${token.label} Ophthalmology`);
    expect(value(receipt!.texts, 'Paid by')).toBe('Cash');
    expect(value(receipt!.texts, 'OPD fee')).toBe('New');
    expect(receipt!.texts).not.toContain('DUPLICATE');
    // The Hindi title is a raster (printer fonts have no Devanagari).
    expect(receipt!.images.length).toBeGreaterThanOrEqual(1);

    await t.call('fees.reprintReceipt', { receiptId: token.fee!.receipt!.id });
    await p.waitForJobs(3);
    const copy = decodeEscPos(p.jobs[2]!);
    expect(copy.lines.find((l) => l.text.trim() === 'DUPLICATE')).toMatchObject({ inverse: true, bold: true });
    expect(value(copy.texts, 'Receipt no.')).toBe('B/2026-27/000001');

    // A refund prints its voucher; the receipt printed again shows what was given back.
    await t.call('fees.refund', {
      receiptId: token.fee!.receipt!.id,
      kind: 'refund',
      amountPaise: 500,
      method: 'cash',
      reason: 'Revisit fee applies',
    });
    await p.waitForJobs(4);
    const voucher = decodeEscPos(p.jobs[3]!);
    expect(voucher.texts).toContain('REFUND');
    expect(value(voucher.texts, 'Voucher no.')).toBe('B/2026-27/R000001');
    expect(value(voucher.texts, 'Receipt no.')).toBe('B/2026-27/000001');
    expect(voucher.texts).toContain('Rs 5.00');
    expect(value(voucher.texts, 'Reason')).toBe('Revisit fee applies');
    await t.call('fees.reprintReceipt', { receiptId: token.fee!.receipt!.id });
    await p.waitForJobs(5);
    expect(value(decodeEscPos(p.jobs[4]!).texts, 'Refunded')).toBe('Rs 5.00');
  });

  it('prints the UPI request with a QR for the exact amount', async () => {
    const { t, p } = await counterWithPrinter('one');
    const ram = await t.call('patients.register', RAM);
    const job = await t.call('fees.printUpiRequest', { patientId: ram.id, departmentCode: 'ENT' });
    expect(job.kind).toBe('upi');
    await p.waitForJobs(1);
    const slip = decodeEscPos(p.jobs[0]!);
    expect(slip.texts).toEqual(expect.arrayContaining(['PAY BY UPI', 'Rs 10.00']));
    expect(slip.qr).toHaveLength(1);
    const uri = new URL(slip.qr[0]!);
    expect(uri.searchParams.get('am')).toBe('10.00');
    expect(uri.searchParams.get('pa')).toBe('lnh.opd@sbi');
    expect(value(slip.texts, 'To')).toBe('lnh.opd@sbi');
  });

  it('prints the cash closing: denominations, expected against counted, short, and signature lines', async () => {
    const { t, p } = await counterWithPrinter('one');
    await t.call('cash.openShift', { floatPaise: 50_000 });
    for (const name of ['Amit Kumar', 'Bala Devi']) {
      const patient = await t.call('patients.register', { name, gender: 'male', ageYears: 30 });
      await t.call('tokens.issue', {
        patientId: patient.id,
        departmentCode: 'MED',
        payment: { method: 'cash', amountPaise: 1000 },
      });
    }
    const shift = (await t.call('cash.current', {}))!;
    await p.waitForJobs(2);
    // ₹520 expected; the clerk counts one ₹500 note, one ₹10 note and a ₹5 coin: ₹5 short.
    const closed = await t.call('cash.closeShift', {
      shiftId: shift.id,
      counts: { n500: 1, n10: 1, c5: 1 },
      note: 'Five rupees short',
    });
    expect(closed).toMatchObject({ status: 'closed', expectedPaise: 52_000, countedPaise: 51_500, differencePaise: -500 });
    await p.waitForJobs(3);
    const closing = decodeEscPos(p.jobs[2]!);
    expect(closing.texts).toContain('CASH CLOSING');
    expect(value(closing.texts, 'Expected in drawer')).toBe('Rs 520.00');
    expect(value(closing.texts, 'Note Rs 500 x 1')).toBe('500.00');
    expect(value(closing.texts, 'Coin Rs 5 x 1')).toBe('5.00');
    expect(value(closing.texts, 'Counted')).toBe('Rs 515.00');
    expect(value(closing.texts, 'Difference')).toBe('SHORT Rs 5.00');
    expect(closing.texts.some((l) => l.startsWith('Supervisor: ___'))).toBe(true);

    await t.call('cash.signOff', { shiftId: shift.id, note: 'Clerk paid the ₹5' });
    await t.call('cash.reprintClosing', { shiftId: shift.id });
    await p.waitForJobs(4);
    const signed = decodeEscPos(p.jobs[3]!);
    expect(signed.texts).toContain('DUPLICATE');
    expect(value(signed.texts, 'Signed off by')).toBe('test');
  });
});
