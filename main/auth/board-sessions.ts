// Hall boards (docs/decisions.md "Accounts and sessions"): a supervisor
// starts a board with their own password, choosing its departments and
// whether it shows first names. Unlike a clerk's desk session a board must
// run for days, through restarts of the counter, with nobody signed in at
// the TV: so its grant is kept in the database (only a SHA-256 of its token,
// never the token) until a supervisor ends it or it expires. All it may do is
// read its departments' board feed and hear queue pushes.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { BoardSessionInfo } from '../../preload/contract/methods/queue-schemas';
import type { BoardGrant } from '../../preload/contract/methods/auth-schemas';
import type { Clock } from '../core/clock';
import { sql } from '../db/statements';

/** A month: then a supervisor starts the board again (and sees that it is still wanted). */
export const BOARD_SESSION_DAYS = 31;

export interface BoardRecord {
  id: string;
  grant: BoardGrant;
  startedBy: string;
  startedAt: string;
  expiresAt: string;
}

interface BoardRow {
  id: string;
  departments: string;
  show_first_names: number;
  started_by: string;
  started_at: string;
  expires_at: string;
  ended_at: string | null;
}

export interface BoardSessions {
  start(who: { startedBy: string; grant: BoardGrant }): { token: string; record: BoardRecord };
  /** The running board this token opens, or null (unknown, ended, expired). */
  find(token: string): BoardRecord | null;
  isRunning(id: string): boolean;
  end(id: string, by: string): BoardSessionInfo | null;
  list(includeEnded: boolean): BoardSessionInfo[];
  info(id: string): BoardSessionInfo | null;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

function toInfo(row: BoardRow): BoardSessionInfo {
  const grant = grantOf(row);
  return {
    id: row.id,
    departmentCodes: grant.departmentCodes,
    showFirstNames: grant.showFirstNames,
    startedBy: row.started_by,
    startedAt: row.started_at,
    expiresAt: row.expires_at,
    endedAt: row.ended_at,
  };
}

function grantOf(row: BoardRow): BoardGrant {
  return { departmentCodes: JSON.parse(row.departments) as string[], showFirstNames: row.show_first_names === 1 };
}

const SELECT = 'SELECT id, departments, show_first_names, started_by, started_at, expires_at, ended_at FROM board_sessions';

export function createBoardSessions(db: Database, clock: Clock): BoardSessions {
  // Token hash → record, so the push stream's check before every event is a map lookup, not a query.
  const cache = new Map<string, BoardRecord>();
  const now = () => clock.now().toISOString();
  const running = (r: Pick<BoardRow, 'ended_at' | 'expires_at'>) => r.ended_at === null && r.expires_at > now();

  function byId(id: string): BoardRow | undefined {
    return sql<[string], BoardRow>(db, `${SELECT} WHERE id = ?`).get(id);
  }

  return {
    start({ startedBy, grant }) {
      const token = randomBytes(32).toString('base64url');
      const startedAt = now();
      const record: BoardRecord = {
        id: randomUUID(),
        grant,
        startedBy,
        startedAt,
        expiresAt: new Date(clock.now().getTime() + BOARD_SESSION_DAYS * 86_400_000).toISOString(),
      };
      sql(
        db,
        `INSERT INTO board_sessions (id, token_hash, departments, show_first_names, started_by, started_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        record.id,
        hashOf(token),
        JSON.stringify(grant.departmentCodes),
        grant.showFirstNames ? 1 : 0,
        startedBy,
        startedAt,
        record.expiresAt,
      );
      cache.set(hashOf(token), record);
      return { token, record };
    },
    find(token) {
      const hash = hashOf(token);
      const cached = cache.get(hash);
      if (cached) {
        if (cached.expiresAt > now()) return cached;
        cache.delete(hash);
        return null;
      }
      const row = sql<[string], BoardRow>(db, `${SELECT} WHERE token_hash = ?`).get(hash);
      if (!row || !running(row)) return null;
      const record: BoardRecord = {
        id: row.id,
        grant: grantOf(row),
        startedBy: row.started_by,
        startedAt: row.started_at,
        expiresAt: row.expires_at,
      };
      cache.set(hash, record);
      return record;
    },
    isRunning(id) {
      for (const record of cache.values()) if (record.id === id) return record.expiresAt > now();
      const row = byId(id);
      return row !== undefined && running(row);
    },
    end(id, by) {
      const row = byId(id);
      if (!row) return null;
      if (row.ended_at === null) sql(db, 'UPDATE board_sessions SET ended_at = ?, ended_by = ? WHERE id = ?').run(now(), by, id);
      for (const [hash, record] of cache) if (record.id === id) cache.delete(hash);
      return toInfo(byId(id)!);
    },
    list(includeEnded) {
      return sql<[], BoardRow>(db, `${SELECT} ORDER BY started_at DESC`)
        .all()
        .filter((r) => includeEnded || running(r))
        .map(toInfo);
    },
    info(id) {
      const row = byId(id);
      return row ? toInfo(row) : null;
    },
  };
}
