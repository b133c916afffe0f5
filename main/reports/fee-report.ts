// Fees over a range of days from the daily fee summary (migration 0130):
// asked, waived, collected and refunded, per category, counter, clerk,
// payment method and day.
import type { Database } from 'better-sqlite3';
import type { FeeFigures, FeeReport } from '../../preload/contract/methods/report-schemas';
import { sql } from '../db/statements';
import { categoryNames } from '../money/fee-store';

interface FeeRow {
  day: string;
  counter_letter: string;
  clerk: string;
  category: string;
  method: string;
  charges: number;
  scheduled_paise: number;
  waived_count: number;
  waived_paise: number;
  receipts: number;
  collected_paise: number;
  refunds: number;
  refunded_paise: number;
}

const zero = (): FeeFigures => ({
  charges: 0,
  scheduledPaise: 0,
  waivedCount: 0,
  waivedPaise: 0,
  receipts: 0,
  collectedPaise: 0,
  refunds: 0,
  refundedPaise: 0,
  netPaise: 0,
});

function add(f: FeeFigures, r: FeeRow): void {
  f.charges += r.charges;
  f.scheduledPaise += r.scheduled_paise;
  f.waivedCount += r.waived_count;
  f.waivedPaise += r.waived_paise;
  f.receipts += r.receipts;
  f.collectedPaise += r.collected_paise;
  f.refunds += r.refunds;
  f.refundedPaise += r.refunded_paise;
  f.netPaise = f.collectedPaise - f.refundedPaise;
}

function group<K extends string>(rows: FeeRow[], key: (r: FeeRow) => string, name: K) {
  const map = new Map<string, FeeFigures>();
  for (const r of rows) {
    const k = key(r);
    const f = map.get(k) ?? zero();
    add(f, r);
    map.set(k, f);
  }
  return [...map.entries()].map(([k, f]) => ({ [name]: k, ...f }) as FeeFigures & Record<K, string>);
}

export function feeReport(db: Database, from: string, to: string): FeeReport {
  const rows = sql<[string, string], FeeRow>(
    db,
    `SELECT day, counter_letter, clerk, category, method, sum(charges) AS charges, sum(scheduled_paise) AS scheduled_paise,
       sum(waived_count) AS waived_count, sum(waived_paise) AS waived_paise, sum(receipts) AS receipts,
       sum(collected_paise) AS collected_paise, sum(refunds) AS refunds, sum(refunded_paise) AS refunded_paise
     FROM fee_daily WHERE day BETWEEN ? AND ? GROUP BY day, counter_letter, clerk, category, method`,
  ).all(from, to);
  const totals = zero();
  for (const r of rows) add(totals, r);
  const methods = new Map<string, FeeReport['byMethod'][number]>();
  for (const r of rows) {
    if (r.method === '') continue;
    const m = methods.get(r.method) ?? { method: r.method, receipts: 0, collectedPaise: 0, refundedPaise: 0 };
    m.receipts += r.receipts;
    m.collectedPaise += r.collected_paise;
    m.refundedPaise += r.refunded_paise;
    methods.set(r.method, m);
  }
  return {
    from,
    to,
    counters: [...new Set(rows.map((r) => r.counter_letter))].sort(),
    totals,
    byCategory: group(rows, (r) => r.category, 'code')
      .map((c) => {
        const names = categoryNames(db, c.code);
        return { ...c, nameEn: names.en, nameHi: names.hi };
      })
      .sort((a, b) => b.scheduledPaise - a.scheduledPaise || a.code.localeCompare(b.code)),
    byCounter: group(rows, (r) => r.counter_letter, 'counterLetter').sort((a, b) =>
      a.counterLetter.localeCompare(b.counterLetter),
    ),
    byClerk: group(rows, (r) => r.clerk, 'clerk').sort((a, b) => a.clerk.localeCompare(b.clerk)),
    byMethod: [...methods.values()].sort((a, b) => a.method.localeCompare(b.method)),
    byDay: group(rows, (r) => r.day, 'day').sort((a, b) => a.day.localeCompare(b.day)),
  };
}
