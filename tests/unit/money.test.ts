// Pure pieces of the money: rupees as the counter writes them, the Indian
// financial year, receipt numbers, the census's SQL functions, the UPI link.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DENOMINATIONS, countedPaise } from '../../preload/contract/methods/cash-schemas';
import { inr, parseRupees, rs, rupees, upiAmount } from '../../preload/contract/money';
import { addDays, fiscalYear, receiptNumber, refundNumber } from '../../main/money/fiscal-year';
import { upiUri } from '../../main/money/upi';
import { ageBand, localHour, registerSqlFunctions } from '../../main/db/sql-functions';

describe('money', () => {
  it('writes rupees with Indian grouping from integer paise', () => {
    expect(rupees(0)).toBe('0.00');
    expect(rupees(1050)).toBe('10.50');
    expect(rupees(123456789)).toBe('12,34,567.89');
    expect(inr(10000000)).toBe('₹1,00,000.00');
    expect(inr(-500)).toBe('-₹5.00');
    expect(rs(1000)).toBe('Rs 10.00');
    expect(upiAmount(1005)).toBe('10.05');
  });

  it('reads what a clerk types as rupees, refusing what is not an amount', () => {
    expect(parseRupees('10')).toBe(1000);
    expect(parseRupees('₹1,000.5')).toBe(100050);
    expect(parseRupees('Rs. 5')).toBe(500);
    for (const bad of ['', '-5', '10.555', 'ten', '1e3']) expect(parseRupees(bad)).toBeNull();
  });

  it('numbers receipts per counter and Indian financial year, April to March', () => {
    expect(fiscalYear('2027-03-31')).toBe('2026-27');
    expect(fiscalYear('2027-04-01')).toBe('2027-28');
    expect(fiscalYear('2099-12-31')).toBe('2099-00');
    expect(receiptNumber('B', '2026-27', 123)).toBe('B/2026-27/000123');
    expect(receiptNumber('B', '2026-27', 1234567)).toBe('B/2026-27/1234567');
    expect(refundNumber('C', '2026-27', 12)).toBe('C/2026-27/R000012');
    expect(addDays('2026-11-25', 14)).toBe('2026-12-09');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('counts a drawer by denomination', () => {
    expect(DENOMINATIONS.map((d) => d.paise / 100)).toEqual([2000, 500, 200, 100, 50, 20, 10, 20, 10, 5, 2, 1]);
    expect(countedPaise({ n500: 2, n20: 1, c20: 1, c1: 3 })).toBe(104300);
  });

  it('makes a UPI link with the exact amount, encoded', () => {
    const uri = upiUri({ vpa: 'lnh.opd@sbi', payeeName: 'Lok Nayak & Co', amountPaise: 1000, note: 'OPD fee MED', ref: 'ab-cd' });
    expect(uri).toBe('upi://pay?pa=lnh.opd%40sbi&pn=Lok%20Nayak%20%26%20Co&am=10.00&cu=INR&tn=OPD%20fee%20MED&tr=abcd');
  });

  it('gives the census its local hour, date and age band, and tolerates a time that is not one', () => {
    expect(localHour(new Date('2026-11-24T18:40:00Z'), 'Asia/Kolkata')).toBe('00');
    expect(localHour(new Date('2026-11-24T03:29:00Z'), 'Asia/Kolkata')).toBe('08');
    expect(ageBand('2021-11-25', '2026-11-25')).toBe('5-14');
    expect(ageBand('2021-11-26', '2026-11-25')).toBe('0-4');
    expect(ageBand('1966-11-25', '2026-11-25')).toBe('60+');
    const db = new BetterSqlite3(':memory:');
    registerSqlFunctions(db);
    expect(
      db.prepare("SELECT hims_local_date('2026-11-24T18:40:00Z', NULL) AS d, hims_local_hour('x', 'Asia/Kolkata') AS h").get(),
    ).toEqual({
      d: '2026-11-25',
      h: '',
    });
    db.close();
  });
});
