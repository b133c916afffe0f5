// The counter's copy of the hospital's departments (names, rooms, shortcut
// keys, queue rules) and its stamp (docs/peers.md "Departments and rules"). A
// change here makes a newer copy; a newer copy from a paired counter replaces
// this one whole, so every counter ends with the same departments and the
// merged queue with one rule.
import type { Database } from 'better-sqlite3';
import type { DepartmentsCopy, DepartmentsStamp } from '../../preload/contract/methods/peer-departments-methods';
import type { Department } from '../../preload/contract/records';
import { appendAudit } from '../audit/audit-log';
import { sql } from '../db/statements';
import { departmentByCode, listDepartments, saveDepartment, saveRooms } from './department-store';

export function readStamp(db: Database): DepartmentsStamp {
  const row = sql<[], { revision: number; counter_id: string; changed_by: string; changed_at: string }>(
    db,
    'SELECT revision, counter_id, changed_by, changed_at FROM departments_copy WHERE id = 1',
  ).get()!;
  return { revision: row.revision, counterId: row.counter_id, changedBy: row.changed_by, changedAt: row.changed_at };
}

export function readCopy(db: Database): DepartmentsCopy {
  return { ...readStamp(db), departments: listDepartments(db, true) };
}

/** Every counter orders copies alike: the higher revision, then the higher counter id for two made at once. */
export function isNewer(a: DepartmentsStamp, b: DepartmentsStamp): boolean {
  return a.revision !== b.revision ? a.revision > b.revision : a.counterId > b.counterId;
}

function writeStamp(db: Database, stamp: DepartmentsStamp): void {
  sql(db, 'UPDATE departments_copy SET revision = ?, counter_id = ?, changed_by = ?, changed_at = ? WHERE id = 1').run(
    stamp.revision,
    stamp.counterId,
    stamp.changedBy,
    stamp.changedAt,
  );
}

/** A supervisor changed a department here: this counter's copy is now the newest it knows. Inside that transaction. */
export function markChangedHere(db: Database, self: { counterId: string; counterLetter: string }, at: string): void {
  writeStamp(db, {
    revision: readStamp(db).revision + 1,
    counterId: self.counterId,
    changedBy: self.counterLetter,
    changedAt: at,
  });
}

function insertDepartment(db: Database, d: Department, at: string): void {
  sql(
    db,
    'INSERT INTO departments (code, name_en, name_hi, room, shortcut, active, sort_order, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)',
  ).run(d.code, d.nameEn, d.nameHi, d.room, d.active ? 1 : 0, d.sortOrder, at);
}

/**
 * Takes a paired counter's copy if it is newer than this one (in the
 * caller's transaction): every department in it is written as it is there.
 * A department only here is kept (tokens point to it). Returns the codes
 * changed, or null when the copy was not newer.
 */
export function takeCopy(db: Database, copy: DepartmentsCopy, audit: { actor: string; at: string }): string[] | null {
  if (!isNewer(copy, readStamp(db))) return null;
  // Shortcut keys are unique: free the copy's departments' keys and the keys it gives, so two departments may swap.
  const codes = copy.departments.map((d) => d.code);
  const clear = sql(db, 'UPDATE departments SET shortcut = NULL WHERE code = ? OR shortcut = ?');
  copy.departments.forEach((d) => clear.run(d.code, d.shortcut));
  for (const d of copy.departments) {
    if (!departmentByCode(db, d.code)) insertDepartment(db, d, audit.at);
    saveDepartment(db, d, audit.at);
    saveRooms(db, d.code, d.rooms);
  }
  writeStamp(db, copy);
  appendAudit(db, {
    ...audit,
    action: 'department.copy',
    entity: 'department',
    entityId: '*',
    detail: { revision: copy.revision, from: copy.changedBy },
  });
  return codes;
}
