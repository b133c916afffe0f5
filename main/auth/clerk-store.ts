// SQL of clerk accounts (migration 0070).
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Clerk, Role } from '../../preload/contract/methods/auth-schemas';
import { sql } from '../db/statements';

export interface ClerkRow {
  pk: number;
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: 0 | 1;
  created_at: string;
}

const COLUMNS = 'pk, id, username, display_name, role, password_hash, active, created_at';

export function toClerk(row: ClerkRow): Clerk {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export function countClerks(db: Database): number {
  return sql<[], { n: number }>(db, 'SELECT count(*) AS n FROM clerks').get()!.n;
}

export function clerkByUsername(db: Database, username: string): ClerkRow | undefined {
  return sql<[string], ClerkRow>(db, `SELECT ${COLUMNS} FROM clerks WHERE username = ?`).get(username);
}

export function clerkById(db: Database, id: string): ClerkRow | undefined {
  return sql<[string], ClerkRow>(db, `SELECT ${COLUMNS} FROM clerks WHERE id = ?`).get(id);
}

export function listClerks(db: Database): ClerkRow[] {
  return sql<[], ClerkRow>(db, `SELECT ${COLUMNS} FROM clerks ORDER BY active DESC, username`).all();
}

export function activeAdmins(db: Database): number {
  return sql<[], { n: number }>(db, "SELECT count(*) AS n FROM clerks WHERE role = 'admin' AND active = 1").get()!.n;
}

export function insertClerk(
  db: Database,
  c: { username: string; displayName: string; role: Role; passwordHash: string; at: string },
): ClerkRow {
  const id = randomUUID();
  sql(
    db,
    `INSERT INTO clerks (id, username, display_name, role, password_hash, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(id, c.username, c.displayName, c.role, c.passwordHash, c.at, c.at);
  return clerkById(db, id)!;
}

export function updateClerk(
  db: Database,
  id: string,
  changes: { displayName?: string; role?: Role; active?: boolean; passwordHash?: string },
  at: string,
): void {
  sql(
    db,
    `UPDATE clerks SET display_name = coalesce(@displayName, display_name), role = coalesce(@role, role),
       active = coalesce(@active, active), password_hash = coalesce(@passwordHash, password_hash), updated_at = @at
     WHERE id = @id`,
  ).run({
    id,
    at,
    displayName: changes.displayName ?? null,
    role: changes.role ?? null,
    active: changes.active === undefined ? null : changes.active ? 1 : 0,
    passwordHash: changes.passwordHash ?? null,
  });
}
