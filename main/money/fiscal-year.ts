// Receipt numbers run per counter and Indian financial year (1 April to 31
// March): B/2026-27/000123. The year is the visit's business date, in the
// hospital's time zone, so a fee taken at 23:59 on 31 March belongs to the
// year ending that night.

/** '2027-03-31' → '2026-27'; '2027-04-01' → '2027-28'. */
export function fiscalYear(businessDate: string): string {
  const year = Number(businessDate.slice(0, 4));
  const month = Number(businessDate.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** B/2026-27/000123 (six digits, growing past that rather than wrapping). */
export function receiptNumber(counterLetter: string, year: string, seq: number): string {
  return `${counterLetter}/${year}/${String(seq).padStart(6, '0')}`;
}

/** B/2026-27/R000012: refunds and cancellations have numbers of their own. */
export function refundNumber(counterLetter: string, year: string, seq: number): string {
  return `${counterLetter}/${year}/R${String(seq).padStart(6, '0')}`;
}

/** 'YYYY-MM-DD' plus n days (n may be negative), across month and year ends. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
