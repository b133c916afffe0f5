// SQL for OPD tokens (one row per visit).
import type { Database } from 'better-sqlite3';
import type { Token } from '../../preload/contract/records';
import { sql } from '../db/statements';
import { formatUhid } from '../patients/uhid';

interface TokenRow {
  pk: number;
  id: string;
  label: string;
  number: number;
  counter_letter: string;
  department_code: string;
  department_name_en: string;
  department_name_hi: string;
  room: string;
  visit_date: string;
  patient_id: string;
  patient_name: string;
  patient_uhid: string;
  priority: Token['priority'];
  visit_type: Token['visitType'];
  fee_category: Token['feeCategory'];
  status: Token['status'];
  issued_at: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  transferred_from_id: string | null;
  transferred_to_id: string | null;
  version: number;
  mlc_number: string | null;
  mlc_police_station: string | null;
  mlc_brought_by: string | null;
  mlc_at: string | null;
  queue_at: string;
  assigned_room: string | null;
  call_room: string | null;
  called_at: string | null;
  first_called_at: string | null;
  call_count: number;
}

/**
 * The one status the contract shows, from the record's `status` and the queue's
 * `queue_status` (migration 0100 says why they are two columns): a live token
 * is where it is in the queue ("issued" while it waits); a closed one says why.
 */
export const STATUS_SQL = `CASE
    WHEN t.status = 'issued' THEN CASE t.queue_status WHEN 'waiting' THEN 'issued' ELSE t.queue_status END
    WHEN t.queue_status = 'entered_in_error' THEN 'entered_in_error'
    ELSE t.status END`;

// The room a slip sends the patient to: the room the token waits for (per-room
// queues), else the department's.
export const TOKEN_SELECT = `SELECT t.pk, t.id, t.label, t.number, t.counter_letter, t.department_code,
    d.name_en AS department_name_en, d.name_hi AS department_name_hi, coalesce(t.assigned_room, d.room) AS room, t.visit_date,
    p.id AS patient_id, p.name AS patient_name, p.uhid AS patient_uhid, t.priority, t.visit_type, t.fee_category,
    ${STATUS_SQL} AS status, t.issued_at, t.cancelled_at, t.cancel_reason, t.transferred_from_id, t.transferred_to_id, t.version,
    t.mlc_number, t.mlc_police_station, t.mlc_brought_by, t.mlc_at,
    t.queue_at, t.assigned_room, t.call_room, t.called_at, t.first_called_at, t.call_count
  FROM tokens t JOIN patients p ON p.pk = t.patient_pk JOIN departments d ON d.code = t.department_code`;

export type { TokenRow };

export function toToken(row: TokenRow): Token {
  return {
    id: row.id,
    label: row.label,
    number: row.number,
    counterLetter: row.counter_letter,
    departmentCode: row.department_code,
    departmentNameEn: row.department_name_en,
    departmentNameHi: row.department_name_hi,
    room: row.room,
    visitDate: row.visit_date,
    patientId: row.patient_id,
    patientName: row.patient_name,
    patientUhid: formatUhid(row.patient_uhid),
    priority: row.priority,
    visitType: row.visit_type,
    feeCategory: row.fee_category,
    status: row.status,
    issuedAt: row.issued_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    transferredFromId: row.transferred_from_id,
    transferredToId: row.transferred_to_id,
    mlc:
      row.mlc_number !== null
        ? {
            number: row.mlc_number,
            policeStation: row.mlc_police_station ?? '',
            broughtBy: row.mlc_brought_by ?? '',
            at: row.mlc_at ?? '',
          }
        : null,
    version: row.version,
    queueAt: row.queue_at,
    assignedRoom: row.assigned_room,
    callRoom: row.call_room,
    calledAt: row.called_at,
    firstCalledAt: row.first_called_at,
    callCount: row.call_count,
  };
}

export function tokenById(db: Database, id: string): Token | undefined {
  const row = sql<[string], TokenRow>(db, `${TOKEN_SELECT} WHERE t.id = ?`).get(id);
  return row ? toToken(row) : undefined;
}

export function activeTokenFor(db: Database, patientPk: number, departmentCode: string, visitDate: string): Token | undefined {
  const row = sql<[number, string, string], TokenRow>(
    db,
    // Open: waiting, at a room, or set aside (it can be put back). Done is not: a second visit may follow.
    `${TOKEN_SELECT} WHERE t.patient_pk = ? AND t.visit_date = ? AND t.department_code = ? AND t.status = 'issued'
       AND t.queue_status <> 'done'`,
  ).get(patientPk, visitDate, departmentCode);
  return row ? toToken(row) : undefined;
}

export interface TokenFilter {
  date: string;
  departmentCode?: string | undefined;
  patientId?: string | undefined;
}

/** A day's tokens by issue time (the counter's list; the call order is queue.list's, main/queue). */
export function listTokens(db: Database, filter: TokenFilter): Token[] {
  const where = ['t.visit_date = @date'];
  if (filter.departmentCode) where.push('t.department_code = @departmentCode');
  if (filter.patientId) where.push('p.id = @patientId');
  return sql<TokenFilter, TokenRow>(db, `${TOKEN_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.issued_at, t.pk`)
    .all(filter)
    .map(toToken);
}

/** The next daily number for this department and counter; never reused. */
export function nextTokenNumber(db: Database, departmentCode: string, visitDate: string, counterLetter: string): number {
  const row = sql<[string, string, string], { last_number: number }>(
    db,
    `INSERT INTO token_sequences (department_code, visit_date, counter_letter, last_number) VALUES (?, ?, ?, 1)
     ON CONFLICT DO UPDATE SET last_number = last_number + 1
     RETURNING last_number`,
  ).get(departmentCode, visitDate, counterLetter);
  return row!.last_number;
}

export function tokenLabel(counterLetter: string, number: number): string {
  return `${counterLetter}-${String(number).padStart(3, '0')}`;
}

export interface TokenInsert {
  id: string;
  patientPk: number;
  departmentCode: string;
  visitDate: string;
  counterLetter: string;
  number: number;
  priority: string;
  visitType: string;
  feeCategory: string;
  issuedAt: string;
  transferredFromId: string | null;
  /** Per-room queues: the room it waits for. */
  assignedRoom: string | null;
}

export function insertToken(db: Database, t: TokenInsert): void {
  sql(
    db,
    `INSERT INTO tokens (id, patient_pk, department_code, visit_date, counter_letter, number, label, priority,
       visit_type, fee_category, status, issued_at, transferred_from_id, queue_status, queue_at, assigned_room)
     VALUES (@id, @patientPk, @departmentCode, @visitDate, @counterLetter, @number, @label, @priority,
       @visitType, @feeCategory, 'issued', @issuedAt, @transferredFromId, 'waiting', @issuedAt, @assignedRoom)`,
  ).run({ ...t, label: tokenLabel(t.counterLetter, t.number) });
}

/** Records (or corrects) a visit's medico-legal case; call inside the writing transaction. */
export function setTokenMlc(
  db: Database,
  id: string,
  mlc: { number: string; policeStation: string; broughtBy: string; at: string },
): void {
  sql(
    db,
    `UPDATE tokens SET mlc_number = @number, mlc_police_station = @policeStation, mlc_brought_by = @broughtBy, mlc_at = @at,
       version = version + 1 WHERE id = @id`,
  ).run({ id, ...mlc });
}

/** Medico-legal visits between two dates, oldest first (the tokens_mlc index). */
export function mlcTokens(db: Database, from: string, to: string): Token[] {
  return sql<[string, string], TokenRow>(
    db,
    `${TOKEN_SELECT} WHERE t.visit_date BETWEEN ? AND ? AND t.mlc_number IS NOT NULL ORDER BY t.visit_date, t.issued_at, t.pk`,
  )
    .all(from, to)
    .map(toToken);
}

export function closeToken(
  db: Database,
  id: string,
  change: { status: 'cancelled' | 'transferred'; at: string; reason: string | null; transferredToId: string | null },
): void {
  sql(
    db,
    `UPDATE tokens SET status = @status, cancelled_at = @at, cancel_reason = @reason,
       transferred_to_id = @transferredToId, version = version + 1
     WHERE id = @id AND status = 'issued'`,
  ).run({ id, ...change });
}
