// The OPD section of a state HMIS monthly facility report, laid out so a
// clerk can copy the figures into the form: attendance by sex, new and old
// cases, children and the elderly, and each department. Item numbers differ
// between states and revisions of the form, so rows are named, not numbered
// (docs/decisions.md "Reports"). Attendance leaves out tokens that were
// cancelled or moved to another department (the new token counts there).
import type { Database } from 'better-sqlite3';
import type { HmisReport, HmisRow } from '../../preload/contract/methods/report-schemas';
import { addDays } from '../money/fiscal-year';
import { censusRows, countersIn, splitVisit } from './census';
import { listDepartments } from '../departments/department-store';

type Sexes = { male: number; female: number; other: number };
const none = (): Sexes => ({ male: 0, female: 0, other: 0 });

function row(labelEn: string, labelHi: string, level: number, s: Sexes): HmisRow {
  return { labelEn, labelHi, level, ...s, total: s.male + s.female + s.other };
}

export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

export function hmisReport(db: Database, month: string, range = monthRange(month)): HmisReport {
  const all = none();
  const fresh = none();
  const old = none();
  const children = none();
  const elderly = none();
  const registered = none();
  const closed = { cancelled: none(), transferred: none() };
  const byDept = new Map<string, Sexes>();

  for (const r of censusRows(db, range.from, range.to)) {
    if (r.measure === 'registrations') {
      if (r.bucket in registered) registered[r.bucket as keyof Sexes] += r.n;
      continue;
    }
    if (r.measure !== 'visit' && r.measure !== 'cancelled' && r.measure !== 'transferred') continue;
    const v = splitVisit(r.bucket);
    if (r.measure !== 'visit') closed[r.measure][v.gender] += r.n;
    // A cancelled or transferred token is taken back out of attendance.
    const n = r.measure === 'visit' ? r.n : -r.n;
    all[v.gender] += n;
    (v.visit === 'new' ? fresh : old)[v.gender] += n;
    if (v.band === '0-4' || v.band === '5-14') children[v.gender] += n;
    if (v.band === '60+') elderly[v.gender] += n;
    const d = byDept.get(r.department_code) ?? none();
    d[v.gender] += n;
    byDept.set(r.department_code, d);
  }

  const rows: HmisRow[] = [
    row('OPD attendance (all)', 'ओपीडी उपस्थिति (कुल)', 0, all),
    row('of which new cases', 'इनमें से नए मरीज़', 1, fresh),
    row('of which old (repeat) cases', 'इनमें से पुराने (दोबारा आए) मरीज़', 1, old),
    row('of which children (under 15 years)', 'इनमें से बच्चे (15 वर्ष से कम)', 1, children),
    row('of which elderly (60 years and above)', 'इनमें से बुज़ुर्ग (60 वर्ष और अधिक)', 1, elderly),
    row('OPD attendance by department', 'विभागवार ओपीडी उपस्थिति', 0, all),
  ];
  for (const d of listDepartments(db, true)) {
    const s = byDept.get(d.code);
    if (s) rows.push(row(d.nameEn, d.nameHi, 1, s));
  }
  rows.push(
    row('New patients registered', 'नए पंजीकृत मरीज़', 0, registered),
    row('Tokens cancelled', 'रद्द टोकन', 0, closed.cancelled),
    row('Moved to another department', 'दूसरे विभाग में भेजे गए', 0, closed.transferred),
  );
  return { month, ...range, counters: countersIn(db, range.from, range.to), rows };
}
