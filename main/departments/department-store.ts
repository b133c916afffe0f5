import type { Database } from 'better-sqlite3';
import type { Department } from '../../preload/contract/records';
import type { QueueRule } from '../../preload/contract/queue-rule';
import { sql } from '../db/statements';

interface DepartmentRow {
  code: string;
  name_en: string;
  name_hi: string;
  room: string;
  room_hi: string | null;
  shortcut: string | null;
  active: number;
  sort_order: number;
  queue_priority: QueueRule['priority'];
  queue_interleave_every: number;
  queue_rooms: QueueRule['rooms'];
  queue_return: QueueRule['returnTo'];
}

const toDepartment = (row: DepartmentRow, rooms: string[] | undefined): Department => ({
  code: row.code,
  nameEn: row.name_en,
  nameHi: row.name_hi,
  room: row.room,
  roomHi: row.room_hi,
  shortcut: row.shortcut,
  active: row.active === 1,
  sortOrder: row.sort_order,
  // A department pulled from the HIMS has no room list yet: its own room is its one room.
  rooms: rooms && rooms.length > 0 ? rooms : [row.room],
  queueRule: {
    priority: row.queue_priority,
    interleaveEvery: row.queue_interleave_every,
    rooms: row.queue_rooms,
    returnTo: row.queue_return,
  },
});

function roomsByDepartment(db: Database, code?: string): Map<string, string[]> {
  const rows = code
    ? sql<[string], { department_code: string; room: string }>(
        db,
        'SELECT department_code, room FROM department_rooms WHERE department_code = ? ORDER BY sort_order, room',
      ).all(code)
    : sql<[], { department_code: string; room: string }>(
        db,
        'SELECT department_code, room FROM department_rooms ORDER BY department_code, sort_order, room',
      ).all();
  const byCode = new Map<string, string[]>();
  for (const r of rows) byCode.set(r.department_code, [...(byCode.get(r.department_code) ?? []), r.room]);
  return byCode;
}

export function listDepartments(db: Database, includeInactive: boolean): Department[] {
  const rooms = roomsByDepartment(db);
  return sql<[number], DepartmentRow>(db, 'SELECT * FROM departments WHERE active >= ? ORDER BY sort_order, code')
    .all(includeInactive ? 0 : 1)
    .map((row) => toDepartment(row, rooms.get(row.code)));
}

export function departmentByCode(db: Database, code: string): Department | undefined {
  const row = sql<[string], DepartmentRow>(db, 'SELECT * FROM departments WHERE code = ?').get(code);
  return row ? toDepartment(row, roomsByDepartment(db, code).get(code)) : undefined;
}

export function saveDepartment(db: Database, d: Department, at: string): void {
  sql(
    db,
    `UPDATE departments SET name_en = @nameEn, name_hi = @nameHi, room = @room, room_hi = @roomHi, shortcut = @shortcut,
       active = @active, queue_priority = @priority, queue_interleave_every = @interleaveEvery,
       queue_rooms = @rooms, queue_return = @returnTo, updated_at = @at WHERE code = @code`,
  ).run({
    code: d.code,
    nameEn: d.nameEn,
    nameHi: d.nameHi,
    room: d.room,
    roomHi: d.roomHi,
    shortcut: d.shortcut,
    active: d.active ? 1 : 0,
    ...d.queueRule,
    at,
  });
}

/** Replaces the department's room list (order as given). */
export function saveRooms(db: Database, code: string, rooms: readonly string[]): void {
  sql(db, 'DELETE FROM department_rooms WHERE department_code = ?').run(code);
  const insert = sql(db, 'INSERT INTO department_rooms (department_code, room, sort_order) VALUES (?, ?, ?)');
  rooms.forEach((room, i) => insert.run(code, room, i));
}
