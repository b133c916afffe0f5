import type { Database } from 'better-sqlite3';
import type { Department } from '../../preload/contract/records';
import { sql } from '../db/statements';

interface DepartmentRow {
  code: string;
  name_en: string;
  name_hi: string;
  room: string;
  shortcut: string | null;
  active: number;
  sort_order: number;
}

const toDepartment = (row: DepartmentRow): Department => ({
  code: row.code,
  nameEn: row.name_en,
  nameHi: row.name_hi,
  room: row.room,
  shortcut: row.shortcut,
  active: row.active === 1,
  sortOrder: row.sort_order,
});

export function listDepartments(db: Database, includeInactive: boolean): Department[] {
  return sql<[number], DepartmentRow>(db, 'SELECT * FROM departments WHERE active >= ? ORDER BY sort_order, code')
    .all(includeInactive ? 0 : 1)
    .map(toDepartment);
}

export function departmentByCode(db: Database, code: string): Department | undefined {
  const row = sql<[string], DepartmentRow>(db, 'SELECT * FROM departments WHERE code = ?').get(code);
  return row ? toDepartment(row) : undefined;
}

export function saveDepartment(db: Database, d: Department, at: string): void {
  sql(
    db,
    `UPDATE departments SET name_en = @nameEn, name_hi = @nameHi, room = @room, shortcut = @shortcut,
       active = @active, updated_at = @at WHERE code = @code`,
  ).run({ ...d, active: d.active ? 1 : 0, at });
}
