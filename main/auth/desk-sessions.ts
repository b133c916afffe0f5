// Desk sessions: who is signed in at which window, held in memory only (a
// restarted counter asks everyone to sign in again). A token is 32 random
// bytes; the window sends it with every call. A clerk's session locks after
// idleLockMs without a call the clerk made (background polls do not count)
// and ends after MAX_SESSION_MS, a long shift. A kiosk session never locks,
// and may only give tokens to the patients its own scans found. A hall
// board's session is kept in the database (board-sessions.ts) and found here
// again after a restart; it never locks and lasts until ended or expired.
import { randomBytes } from 'node:crypto';
import type { Role, SessionView } from '../../preload/contract/methods/auth-schemas';
import type { Clock } from '../core/clock';
import type { BoardRecord, BoardSessions } from './board-sessions';

/** Longer than any shift: then everyone signs in again. */
export const MAX_SESSION_MS = 14 * 60 * 60 * 1000;
/** How long a scanned card lets the kiosk issue that patient a token. */
const KIOSK_ALLOWANCE_MS = 3 * 60 * 1000;

export interface DeskSession {
  token: string;
  kind: 'clerk' | 'kiosk' | 'board';
  clerkId: string;
  username: string;
  displayName: string;
  role: Role;
  startedAt: number;
  lastActive: number;
  locked: boolean;
  /** Kiosk only: patient id → until when a token may be issued for them. */
  kioskPatients: Map<string, number>;
  /** Kiosk only: tokens this kiosk issued (it may reprint those). */
  kioskTokens: Set<string>;
  /** Board only: its grant as the supervisor gave it. */
  board?: BoardRecord;
}

export interface DeskSessions {
  start(who: Pick<DeskSession, 'kind' | 'clerkId' | 'username' | 'displayName' | 'role'>): DeskSession;
  /** The live session for a token (locking it first if it sat idle too long), or null. */
  find(token: string | null): DeskSession | null;
  touch(session: DeskSession): void;
  end(token: string | null): void;
  /** Ends every session of this account, but `keep` (a token) if given. */
  endAllOf(clerkId: string, keep?: string | null): void;
  /** Whether a token names a session that has not ended (locked or not). */
  isLive(token: string | null): boolean;
  view(session: DeskSession): SessionView;
  allowKioskPatient(session: DeskSession, patientId: string): void;
  kioskMayIssueFor(session: DeskSession, patientId: string): boolean;
  endKioskAllowance(session: DeskSession, patientId: string): void;
  /** Live and not locked: may the window be sent pushes now. */
  mayReceivePushes(token: string | null): boolean;
  /** When the session began (ms), or null: a page gets no pushes from before its session. */
  startedAt(token: string | null): number | null;
  /** Sessions that have not ended, locked or not (the updater waits for none). */
  liveCount(): number;
}

export function createDeskSessions(clock: Clock, idleLockMs: number, boards?: BoardSessions): DeskSessions {
  const sessions = new Map<string, DeskSession>();
  const now = () => clock.now().getTime();

  /** A board's token after a restart (or first seen): its session, from the database. */
  function boardSession(token: string): DeskSession | null {
    const record = boards?.find(token);
    if (!record) return null;
    const session: DeskSession = {
      token,
      kind: 'board',
      clerkId: '',
      username: `board:${record.startedBy}`,
      displayName: record.startedBy,
      // A board has no role of its own: its level is 'board' (auth-gate.ts); the lowest role is reported.
      role: 'clerk',
      startedAt: Date.parse(record.startedAt),
      lastActive: now(),
      locked: false,
      kioskPatients: new Map(),
      kioskTokens: new Set(),
      board: record,
    };
    sessions.set(token, session);
    return session;
  }

  function find(token: string | null): DeskSession | null {
    if (!token) return null;
    const session = sessions.get(token);
    if (!session) return boardSession(token);
    const at = now();
    if (session.board) {
      // Ended by a supervisor or expired: gone, here too.
      if (boards?.isRunning(session.board.id)) return session;
      sessions.delete(token);
      return null;
    }
    if (at - session.startedAt > MAX_SESSION_MS) {
      sessions.delete(token);
      return null;
    }
    if (session.kind === 'clerk' && at - session.lastActive > idleLockMs) session.locked = true;
    return session;
  }

  return {
    start(who) {
      const at = now();
      const session: DeskSession = {
        ...who,
        token: randomBytes(32).toString('base64url'),
        startedAt: at,
        lastActive: at,
        locked: false,
        kioskPatients: new Map(),
        kioskTokens: new Set(),
      };
      sessions.set(session.token, session);
      return session;
    },
    find,
    touch(session) {
      session.lastActive = now();
    },
    end(token) {
      if (token) sessions.delete(token);
    },
    endAllOf(clerkId, keep = null) {
      for (const [token, s] of sessions) if (s.clerkId === clerkId && token !== keep) sessions.delete(token);
    },
    isLive: (token) => find(token) !== null,
    liveCount: () => [...sessions.keys()].filter((token) => find(token) !== null).length,
    view(session) {
      return {
        kind: session.kind,
        username: session.username,
        displayName: session.displayName,
        role: session.role,
        locked: session.locked,
        idleLockMinutes: Math.round(idleLockMs / 60_000),
        ...(session.board ? { board: session.board.grant } : {}),
      };
    },
    allowKioskPatient(session, patientId) {
      const at = now();
      for (const [id, until] of session.kioskPatients) if (until < at) session.kioskPatients.delete(id);
      session.kioskPatients.set(patientId, at + KIOSK_ALLOWANCE_MS);
    },
    kioskMayIssueFor(session, patientId) {
      return (session.kioskPatients.get(patientId) ?? 0) >= now();
    },
    endKioskAllowance(session, patientId) {
      session.kioskPatients.delete(patientId);
    },
    mayReceivePushes(token) {
      const session = find(token);
      return session !== null && !session.locked;
    },
    startedAt: (token) => find(token)?.startedAt ?? null,
  };
}
