// auth.* — the first account, signing in and out, locking and unlocking.
// Every outcome that matters later (who signed in, who failed, who started
// the kiosk) is in the audit log; passwords never are.
import type { SessionGrant, SessionView } from '../../preload/contract/methods/auth-schemas';
import { appendAudit } from '../audit/audit-log';
import { AppError } from '../core/app-error';
import { nowIso, type CoreContext } from '../core/core-context';
import type { CallContext, HandlerMap } from '../core/registry';
import type { CounterIdentityService } from '../counter/counter-identity-service';
import { writeTransaction } from '../db/transaction';
import { departmentByCode } from '../departments/department-store';
import type { BoardSessions } from './board-sessions';
import { clerkByUsername, countClerks, insertClerk, type ClerkRow } from './clerk-store';
import type { DeskSessions } from './desk-sessions';
import { hashPassword, verifyPassword } from './password';
import type { SignInThrottle } from './sign-in-throttle';

const WRONG = 'wrong username or password';

export function authHandlers(
  ctx: CoreContext,
  sessions: DeskSessions,
  throttle: SignInThrottle,
  identity: CounterIdentityService,
  boards: BoardSessions,
): HandlerMap {
  const { db } = ctx;
  const audit = (
    actor: string,
    action:
      | 'auth.signIn'
      | 'auth.signInFailed'
      | 'auth.signOut'
      | 'auth.lock'
      | 'auth.unlock'
      | 'auth.startKiosk'
      | 'auth.startBoard'
      | 'auth.setup',
    username: string,
  ) => appendAudit(db, { at: nowIso(ctx), actor, action, entity: 'clerk', entityId: username });

  /** The clerk behind these credentials, or a typed refusal (same words for a wrong name and a wrong password). */
  async function checkCredentials(username: string, password: string, call: CallContext): Promise<ClerkRow> {
    const wait = throttle.waitFor(username);
    if (wait > 0) {
      throw new AppError('TOO_MANY_ATTEMPTS', `too many wrong passwords; try again in ${Math.ceil(wait / 1000)} s`, {
        details: { retryAfterSeconds: Math.ceil(wait / 1000) },
      });
    }
    const row = clerkByUsername(db, username);
    const ok = await verifyPassword(row?.active === 1 ? row.password_hash : null, password);
    if (!ok || !row) {
      throttle.failed(username);
      audit(call.actor, 'auth.signInFailed', username);
      throw new AppError('UNAUTHORIZED', WRONG, { field: 'password' });
    }
    throttle.succeeded(username);
    return row;
  }

  function grant(row: ClerkRow, kind: 'clerk' | 'kiosk', call: CallContext): SessionGrant {
    // Signing in at a window replaces whoever was there; the log says their session ended.
    const replaced = sessions.find(call.session);
    if (replaced) audit(row.username, 'auth.signOut', replaced.username);
    sessions.end(call.session);
    const session = sessions.start({
      kind,
      clerkId: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
    });
    return { token: session.token, session: sessions.view(session) };
  }

  function current(call: CallContext) {
    const session = sessions.find(call.session);
    if (!session) throw new AppError('UNAUTHORIZED', 'sign in first');
    return session;
  }

  return {
    'auth.status': (_input, call) => {
      const session = sessions.find(call.session);
      return { setupNeeded: countClerks(db) === 0, session: session ? sessions.view(session) : null };
    },
    'auth.setup': async ({ username, displayName, password, counter }, call) => {
      const alreadySetUp = () => new AppError('FORBIDDEN', 'this counter already has accounts; sign in');
      if (countClerks(db) > 0) throw alreadySetUp();
      const passwordHash = await hashPassword(password);
      // Who this counter is and its administrator are set together, or neither is:
      // a counter never reaches its first patient without a letter of its own.
      const row = identity.change(counter ?? {}, username, {
        requireComplete: true,
        alongside: () => {
          // Checked again inside the write transaction: two first-run screens cannot both make an admin.
          if (countClerks(db) > 0) throw alreadySetUp();
          const created = insertClerk(db, { username, displayName, role: 'admin', passwordHash, at: nowIso(ctx) });
          audit(username, 'auth.setup', username);
          return created;
        },
      })!;
      return grant(row, 'clerk', call);
    },
    'auth.signIn': async ({ username, password }, call) => {
      const row = await checkCredentials(username, password, call);
      audit(row.username, 'auth.signIn', row.username);
      return grant(row, 'clerk', call);
    },
    'auth.startKiosk': async ({ username, password }, call) => {
      const row = await checkCredentials(username, password, call);
      if (row.role === 'clerk')
        throw new AppError('FORBIDDEN', 'a supervisor or an administrator starts the kiosk', { field: 'username' });
      audit(row.username, 'auth.startKiosk', row.username);
      return grant(row, 'kiosk', call);
    },
    'auth.startBoard': async ({ username, password, departmentCodes, showFirstNames }, call) => {
      const row = await checkCredentials(username, password, call);
      if (row.role === 'clerk')
        throw new AppError('FORBIDDEN', 'a supervisor or an administrator starts a hall board', { field: 'username' });
      const codes = [...new Set(departmentCodes)];
      const unknown = codes.find((code) => !departmentByCode(db, code));
      if (unknown) throw new AppError('NOT_FOUND', `department ${unknown} not found`, { field: 'departmentCodes' });
      const { token } = writeTransaction(db, () => {
        const started = boards.start({ startedBy: row.username, grant: { departmentCodes: codes, showFirstNames } });
        appendAudit(db, {
          at: nowIso(ctx),
          actor: row.username,
          action: 'auth.startBoard',
          entity: 'board',
          entityId: started.record.id,
          detail: { departments: codes, showFirstNames },
        });
        return started;
      });
      // The window's previous session (if any) gives way, as at a sign-in.
      const replaced = sessions.find(call.session);
      if (replaced) audit(row.username, 'auth.signOut', replaced.username);
      sessions.end(call.session);
      const session = sessions.find(token)!;
      return { token, session: sessions.view(session) };
    },
    'auth.signOut': (_input, call) => {
      const session = sessions.find(call.session);
      if (session) audit(session.username, 'auth.signOut', session.username);
      // A board signed out at its screen is over: it is not found again after a restart.
      if (session?.board) boards.end(session.board.id, session.username);
      sessions.end(call.session);
      return { signedOut: true as const };
    },
    'auth.lock': (_input, call): SessionView => {
      const session = current(call);
      if (session.kind === 'kiosk') throw new AppError('FORBIDDEN', 'a kiosk is not locked; sign it out');
      if (!session.locked) audit(session.username, 'auth.lock', session.username);
      session.locked = true;
      return sessions.view(session);
    },
    'auth.touch': (_input, call): SessionView => sessions.view(current(call)),
    'auth.unlock': async ({ password }, call): Promise<SessionView> => {
      const session = current(call);
      const row = await checkCredentials(session.username, password, call);
      if (row.id !== session.clerkId) throw new AppError('UNAUTHORIZED', WRONG, { field: 'password' });
      session.locked = false;
      sessions.touch(session);
      audit(session.username, 'auth.unlock', session.username);
      return sessions.view(session);
    },
  };
}
