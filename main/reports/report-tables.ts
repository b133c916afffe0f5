// A report as titled tables in English or Hindi: the one model both the CSV
// and the PDF are written from, so the two files always say the same thing.
import type { CensusReport, FeeFigures, FeeReport, HmisReport } from '../../preload/contract/methods/report-schemas';

type Unreachable = { counterLetter: string; problem: string };
import { rupees } from '../../preload/contract/money';

export type Language = 'en' | 'hi';
export type Cell = string | number;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Columns holding money (printed as rupees with two decimals). */
  money?: number[];
  /** A bar chart of one column against the first (the PDF draws it above the table). */
  chart?: { valueColumn: number };
}

export interface ReportDocument {
  title: string;
  lines: string[];
  tables: Table[];
}

const L = {
  en: {
    census: 'OPD census',
    fees: 'OPD fees',
    hmis: 'HMIS monthly report: OPD',
    period: 'Period',
    counters: 'Counters',
    generated: 'Generated',
    thisCounter: 'this counter',
    notAnswering: 'Not answering (left out)',
    totals: 'Totals',
    figure: 'Figure',
    number: 'Number',
    tokens: 'Tokens',
    registrations: 'New patients registered',
    newVisits: 'New visits',
    followUps: 'Follow-up visits',
    cancelled: 'Cancelled',
    transferred: 'Transferred out',
    transferIn: 'Transferred in',
    day: 'Day',
    department: 'Department',
    hour: 'Hour',
    ageBand: 'Age band',
    male: 'Male',
    female: 'Female',
    other: 'Other',
    total: 'Total',
    priority: 'Priority',
    category: 'Fee category',
    byDay: 'Tokens per day',
    byDepartment: 'Per department',
    byHour: 'Tokens per hour',
    bySexAge: 'By sex and age band',
    byPriority: 'By priority',
    byCategory: 'By fee category',
    queue: 'Queue',
    noShows: 'No-shows',
    waitMedian: 'Median wait to first call (min)',
    waitP90: '90th percentile wait (min)',
    charges: 'Fees asked',
    scheduled: 'Asked (Rs)',
    waivedCount: 'Waived',
    waived: 'Waived (Rs)',
    receipts: 'Receipts',
    collected: 'Collected (Rs)',
    refunds: 'Refunds',
    refunded: 'Refunded (Rs)',
    net: 'Net (Rs)',
    counter: 'Counter',
    clerk: 'Clerk',
    method: 'Payment',
    byCounter: 'Per counter',
    byClerk: 'Per clerk',
    byMethod: 'Per payment method',
    feeByDay: 'Per day',
    item: 'Item',
    cash: 'Cash',
    upi: 'UPI',
    priorities: {
      none: 'None',
      senior: 'Senior citizen',
      divyang: 'Divyang',
      pregnant: 'Pregnant',
      emergency: 'Emergency',
      staff: 'Staff',
    },
  },
  hi: {
    census: 'ओपीडी गणना',
    fees: 'ओपीडी शुल्क',
    hmis: 'एचएमआईएस मासिक रिपोर्ट: ओपीडी',
    period: 'अवधि',
    counters: 'काउंटर',
    generated: 'बनाई गई',
    thisCounter: 'यह काउंटर',
    notAnswering: 'जवाब नहीं (शामिल नहीं)',
    totals: 'कुल',
    figure: 'आँकड़ा',
    number: 'संख्या',
    tokens: 'टोकन',
    registrations: 'नए पंजीकृत मरीज़',
    newVisits: 'नई विज़िट',
    followUps: 'फ़ॉलो-अप विज़िट',
    cancelled: 'रद्द',
    transferred: 'दूसरे विभाग भेजे',
    transferIn: 'दूसरे विभाग से आए',
    day: 'दिन',
    department: 'विभाग',
    hour: 'घंटा',
    ageBand: 'आयु वर्ग',
    male: 'पुरुष',
    female: 'महिला',
    other: 'अन्य',
    total: 'कुल',
    priority: 'प्राथमिकता',
    category: 'शुल्क श्रेणी',
    byDay: 'प्रतिदिन टोकन',
    byDepartment: 'विभागवार',
    byHour: 'प्रति घंटा टोकन',
    bySexAge: 'लिंग और आयु वर्ग के अनुसार',
    byPriority: 'प्राथमिकता के अनुसार',
    byCategory: 'शुल्क श्रेणी के अनुसार',
    queue: 'कतार',
    noShows: 'नहीं आए',
    waitMedian: 'पहली पुकार तक औसत (माध्यिका) प्रतीक्षा (मिनट)',
    waitP90: '90वाँ प्रतिशतक प्रतीक्षा (मिनट)',
    charges: 'शुल्क माँगे',
    scheduled: 'माँगा (रु)',
    waivedCount: 'माफ़',
    waived: 'माफ़ (रु)',
    receipts: 'रसीदें',
    collected: 'वसूला (रु)',
    refunds: 'वापसी',
    refunded: 'लौटाया (रु)',
    net: 'शुद्ध (रु)',
    counter: 'काउंटर',
    clerk: 'क्लर्क',
    method: 'भुगतान',
    byCounter: 'काउंटरवार',
    byClerk: 'क्लर्कवार',
    byMethod: 'भुगतान के तरीके के अनुसार',
    feeByDay: 'प्रतिदिन',
    item: 'मद',
    cash: 'नकद',
    upi: 'यूपीआई',
    priorities: {
      none: 'कोई नहीं',
      senior: 'वरिष्ठ नागरिक',
      divyang: 'दिव्यांग',
      pregnant: 'गर्भवती',
      emergency: 'आपातकाल',
      staff: 'कर्मचारी',
    },
  },
} as const;

export type Labels = (typeof L)[Language];
export const reportLabels = (language: Language): Labels => L[language];

function header(
  l: Labels,
  title: string,
  r: { from: string; to: string; counters: string[]; unreachable?: { counterLetter: string; problem: string }[] },
  generatedAt: string,
): ReportDocument {
  const lines = [
    `${l.period}: ${r.from} – ${r.to}`,
    `${l.counters}: ${r.counters.length ? r.counters.join(', ') : l.thisCounter}`,
  ];
  // The whole hospital's figures say which counters are missing from them.
  if (r.unreachable?.length)
    lines.push(`${l.notAnswering}: ${r.unreachable.map((u) => `${u.counterLetter} (${u.problem})`).join(', ')}`);
  lines.push(`${l.generated}: ${generatedAt}`);
  return { title, lines, tables: [] };
}

const minutes = (s: number | null) => (s === null ? '-' : (s / 60).toFixed(1));

export function censusDocument(
  r: CensusReport & { unreachable?: Unreachable[] },
  language: Language,
  generatedAt: string,
): ReportDocument {
  const l = L[language];
  const doc = header(l, l.census, r, generatedAt);
  const t = r.totals;
  const totals: Cell[][] = [
    [l.tokens, t.tokens],
    [l.newVisits, t.newVisits],
    [l.followUps, t.followUps],
    [l.registrations, t.registrations],
    [l.cancelled, t.cancelled],
    [l.transferred, t.transferred],
    [l.transferIn, t.transferIn],
  ];
  if (r.queue) {
    totals.push(
      [l.noShows, r.queue.noShows],
      [l.waitMedian, minutes(r.queue.waitMedianSeconds)],
      [l.waitP90, minutes(r.queue.waitP90Seconds)],
    );
  }
  doc.tables.push(
    { title: l.totals, columns: [l.figure, l.number], rows: totals },
    {
      title: l.byDay,
      columns: [l.day, l.tokens, l.newVisits, l.followUps, l.cancelled],
      rows: r.byDay.map((d) => [d.day, d.tokens, d.newVisits, d.followUps, d.cancelled]),
      chart: { valueColumn: 1 },
    },
    {
      title: l.byDepartment,
      columns: [l.department, l.tokens, l.newVisits, l.followUps, l.male, l.female, l.other, l.cancelled, l.transferred],
      rows: r.byDepartment.map((d) => [
        language === 'hi' ? d.nameHi : d.nameEn,
        d.tokens,
        d.newVisits,
        d.followUps,
        d.male,
        d.female,
        d.other,
        d.cancelled,
        d.transferred,
      ]),
    },
    {
      title: l.byHour,
      columns: [l.hour, l.tokens],
      rows: r.byHour.map((h) => [`${h.hour}:00`, h.tokens]),
      chart: { valueColumn: 1 },
    },
    {
      title: l.bySexAge,
      columns: [l.ageBand, l.male, l.female, l.other, l.total],
      rows: r.bySexAge.map((b) => [b.band, b.male, b.female, b.other, b.male + b.female + b.other]),
    },
    {
      title: l.byPriority,
      columns: [l.priority, l.tokens],
      rows: r.byPriority.map((p) => [l.priorities[p.code as keyof Labels['priorities']] ?? p.code, p.tokens]),
    },
    {
      title: l.byCategory,
      columns: [l.category, l.tokens],
      rows: r.byCategory.map((c) => [language === 'hi' ? c.nameHi : c.nameEn, c.tokens]),
    },
  );
  return doc;
}

function feeColumns(l: Labels): string[] {
  return [l.charges, l.scheduled, l.waivedCount, l.waived, l.receipts, l.collected, l.refunds, l.refunded, l.net];
}
const feeCells = (f: FeeFigures): Cell[] => [
  f.charges,
  f.scheduledPaise,
  f.waivedCount,
  f.waivedPaise,
  f.receipts,
  f.collectedPaise,
  f.refunds,
  f.refundedPaise,
  f.netPaise,
];
/** The money columns of a fee table whose first column is its key. */
const FEE_MONEY = [2, 4, 6, 8, 9];

export function feeDocument(r: FeeReport, language: Language, generatedAt: string): ReportDocument {
  const l = L[language];
  const doc = header(l, l.fees, r, generatedAt);
  const table = (title: string, key: string, rows: { key: string; f: FeeFigures }[]): Table => ({
    title,
    columns: [key, ...feeColumns(l)],
    rows: rows.map((x) => [x.key, ...feeCells(x.f)]),
    money: FEE_MONEY,
  });
  doc.tables.push(
    table(l.totals, l.figure, [{ key: l.total, f: r.totals }]),
    table(
      l.byCategory,
      l.category,
      r.byCategory.map((c) => ({ key: language === 'hi' ? c.nameHi : c.nameEn, f: c })),
    ),
    table(
      l.byCounter,
      l.counter,
      r.byCounter.map((c) => ({ key: c.counterLetter, f: c })),
    ),
    table(
      l.byClerk,
      l.clerk,
      r.byClerk.map((c) => ({ key: c.clerk, f: c })),
    ),
    {
      title: l.byMethod,
      columns: [l.method, l.receipts, l.collected, l.refunded],
      rows: r.byMethod.map((m) => [m.method === 'upi' ? l.upi : l.cash, m.receipts, m.collectedPaise, m.refundedPaise]),
      money: [2, 3],
    },
    {
      ...table(
        l.feeByDay,
        l.day,
        r.byDay.map((d) => ({ key: d.day, f: d })),
      ),
      chart: { valueColumn: 9 },
    },
  );
  return doc;
}

export function hmisDocument(
  r: HmisReport & { unreachable?: Unreachable[] },
  language: Language,
  generatedAt: string,
): ReportDocument {
  const l = L[language];
  const doc = header(l, `${l.hmis} ${r.month}`, r, generatedAt);
  doc.tables.push({
    title: l.hmis,
    columns: [l.item, l.male, l.female, l.other, l.total],
    rows: r.rows.map((row) => [
      `${row.level > 0 ? '   ' : ''}${language === 'hi' ? row.labelHi : row.labelEn}`,
      row.male,
      row.female,
      row.other,
      row.total,
    ]),
  });
  return doc;
}

/** A cell as text: money columns in rupees with two decimals. */
export function cellText(table: Table, column: number, value: Cell, grouped: boolean): string {
  if (typeof value === 'number' && table.money?.includes(column)) return grouped ? rupees(value) : (value / 100).toFixed(2);
  return String(value);
}
