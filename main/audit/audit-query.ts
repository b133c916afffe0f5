// The supervisor's view of the audit: by date (the hospital's days), by
// clerk, by patient (their record and their tokens), newest first, paged by
// seq; and the same selection as CSV, oldest first. Rows carry ids, never
// names or UHIDs, so an exported file holds no demographics.
import type { Database } from 'better-sqlite3';
import type { AuditRow } from '../../preload/contract/methods/ops-schemas';
import { AppError } from '../core/app-error';
import { normalizeUhid } from '../patients/uhid';

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  patient?: string | undefined;
}

/** The UTC instant at which `day` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment, read back from Intl (DST-safe to within the day).
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asIfUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return new Date(guess - (asIfUtc - guess));
}

function nextDay(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 10);
}

interface Where {
  clause: string;
  params: Record<string, string | number>;
}

function where(db: Database, filter: AuditFilter, timeZone: string): Where {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.from) {
    parts.push('at >= @from');
    params.from = startOfLocalDay(filter.from, timeZone).toISOString();
  }
  if (filter.to) {
    parts.push('at < @to');
    params.to = startOfLocalDay(nextDay(filter.to), timeZone).toISOString();
  }
  if (filter.from && filter.to && filter.from > filter.to)
    throw new AppError('VALIDATION_FAILED', 'to: the end date is before the start date', { field: 'to' });
  if (filter.actor) {
    parts.push('actor = @actor');
    params.actor = filter.actor.toLowerCase();
  }
  if (filter.patient) {
    const uhid = normalizeUhid(filter.patient);
    const row = (
      uhid
        ? db.prepare('SELECT pk, id FROM patients WHERE uhid = ?').get(uhid)
        : db.prepare('SELECT pk, id FROM patients WHERE id = ?').get(filter.patient)
    ) as { pk: number; id: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'patient not found', { field: 'patient' });
    parts.push(`((entity = 'patient' AND entity_id = @patientId)
      OR (entity = 'token' AND entity_id IN (SELECT id FROM tokens WHERE patient_pk = @patientPk)))`);
    params.patientId = row.id;
    params.patientPk = row.pk;
  }
  return { clause: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

interface StoredRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  detail: string | null;
  hash: string;
}

function toRow(r: StoredRow): AuditRow {
  let detail: Record<string, unknown> | null = null;
  if (r.detail) {
    try {
      const parsed: unknown = JSON.parse(r.detail);
      detail =
        parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
    } catch {
      detail = { text: r.detail };
    }
  }
  return { seq: r.seq, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, detail };
}

export function listAudit(
  db: Database,
  filter: AuditFilter,
  page: { before?: number | undefined; limit: number },
  timeZone: string,
): { entries: AuditRow[]; nextBefore: number | null } {
  const w = where(db, filter, timeZone);
  const before = page.before ? `${w.clause ? `${w.clause} AND` : 'WHERE'} seq < @before` : w.clause;
  const rows = db
    .prepare(
      `SELECT seq, at, actor, action, entity, entity_id, detail, hash FROM audit_log ${before} ORDER BY seq DESC LIMIT @limit`,
    )
    .all({ ...w.params, ...(page.before ? { before: page.before } : {}), limit: page.limit + 1 }) as StoredRow[];
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  return { entries: shown.map(toRow), nextBefore: more ? (shown.at(-1)?.seq ?? null) : null };
}

export const CSV_MAX_ROWS = 100_000;

/**
 * RFC 4180 quoting; a cell that a spreadsheet would run as a formula
 * (= + - @ at the start) is prefixed with ' (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportAuditCsv(
  db: Database,
  filter: AuditFilter,
  timeZone: string,
): { csv: string; rows: number; truncated: boolean } {
  const w = where(db, filter, timeZone);
  const rows = db
    .prepare(
      `SELECT seq, at, actor, action, entity, entity_id, detail, hash FROM audit_log ${w.clause} ORDER BY seq LIMIT @limit`,
    )
    .all({ ...w.params, limit: CSV_MAX_ROWS + 1 }) as StoredRow[];
  const truncated = rows.length > CSV_MAX_ROWS;
  const lines = ['seq,at,actor,action,entity,entity_id,detail,hash'];
  for (const r of rows.slice(0, CSV_MAX_ROWS))
    lines.push([r.seq, r.at, r.actor, r.action, r.entity, r.entity_id, r.detail, r.hash].map(csvCell).join(','));
  return { csv: `${lines.join('\r\n')}\r\n`, rows: Math.min(rows.length, CSV_MAX_ROWS), truncated };
}
