// What the hall board shows (docs/design.md §9): for each of its
// departments, the tokens being called now with their rooms, the last few
// called before them, and how many wait. Token labels and rooms only; a first
// name only for a board a supervisor started to show them.
import type { Database } from 'better-sqlite3';
import type { BoardCall, BoardDepartment } from '../../preload/contract/methods/queue-schemas';
import { notFound } from '../core/app-error';
import { sql } from '../db/statements';
import { departmentByCode } from '../departments/department-store';
import { STATUS_SQL } from '../tokens/token-store';

/** Enough for a wall: more "now calling" than this means the rooms are calling faster than anyone reads. */
const NOW_CALLING_MAX = 8;

interface CallRow {
  id: string;
  label: string;
  call_room: string | null;
  room: string;
  status: BoardCall['status'];
  called_at: string;
  call_count: number;
  name: string;
}

const CALL_SELECT = `SELECT t.id, t.label, t.call_room, d.room, ${STATUS_SQL} AS status, t.called_at, t.call_count, p.name
  FROM tokens t JOIN patients p ON p.pk = t.patient_pk JOIN departments d ON d.code = t.department_code`;

/** The given name as people are called by it: the first word. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

function toCall(row: CallRow, names: boolean): BoardCall {
  return {
    tokenId: row.id,
    label: row.label,
    room: row.call_room ?? row.room,
    status: row.status,
    calledAt: row.called_at,
    callCount: row.call_count,
    firstName: names ? firstNameOf(row.name) : null,
  };
}

export function boardDepartment(
  db: Database,
  visitDate: string,
  code: string,
  options: { names: boolean; recent: number },
): BoardDepartment {
  const department = departmentByCode(db, code);
  if (!department) throw notFound(`department ${code}`, 'departmentCodes');
  const nowCalling = sql<[string, string, number], CallRow>(
    db,
    `${CALL_SELECT} WHERE t.visit_date = ? AND t.department_code = ? AND t.called_at IS NOT NULL
       AND t.status = 'issued' AND t.queue_status = 'called' ORDER BY t.called_at DESC LIMIT ?`,
  ).all(visitDate, code, NOW_CALLING_MAX);
  const recent =
    options.recent === 0
      ? []
      : sql<[string, string, number], CallRow>(
          db,
          `${CALL_SELECT} WHERE t.visit_date = ? AND t.department_code = ? AND t.called_at IS NOT NULL
             AND t.status = 'issued' AND t.queue_status IN ('in_consultation', 'done', 'no_show', 'skipped')
           ORDER BY t.called_at DESC LIMIT ?`,
        ).all(visitDate, code, options.recent);
  const waiting = sql<[string, string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM tokens WHERE visit_date = ? AND department_code = ? AND status = 'issued' AND queue_status = 'waiting'`,
  ).get(visitDate, code)!.n;
  return {
    code: department.code,
    nameEn: department.nameEn,
    nameHi: department.nameHi,
    nowCalling: nowCalling.map((r) => toCall(r, options.names)),
    recent: recent.map((r) => toCall(r, options.names)),
    waiting,
  };
}
