// clerks.* — accounts, for administrators. Never deleted (the audit log names
// them); deactivating, a new role or a new password ends the account's open
// sessions. At least one active administrator always remains.
import type { Clerk } from '../../preload/contract/methods/auth-schemas';
import { appendAudit } from '../audit/audit-log';
import { AppError, conflict, notFound } from '../core/app-error';
import { nowIso, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { activeAdmins, clerkById, clerkByUsername, insertClerk, listClerks, toClerk, updateClerk } from './clerk-store';
import type { DeskSessions } from './desk-sessions';
import { hashPassword } from './password';

export function clerksHandlers(ctx: CoreContext, sessions: DeskSessions): HandlerMap {
  const { db } = ctx;
  return {
    'clerks.list': () => listClerks(db).map(toClerk),
    'clerks.create': async ({ username, displayName, role, password }, call): Promise<Clerk> => {
      const passwordHash = await hashPassword(password);
      return writeTransaction(db, () => {
        if (clerkByUsername(db, username)) throw conflict(`the username ${username} is taken`, 'username');
        const row = insertClerk(db, { username, displayName, role, passwordHash, at: nowIso(ctx) });
        appendAudit(db, {
          at: nowIso(ctx),
          actor: call.actor,
          action: 'clerk.create',
          entity: 'clerk',
          entityId: username,
          detail: { role },
        });
        return toClerk(row);
      });
    },
    'clerks.update': async ({ id, password, ...changes }, call): Promise<Clerk> => {
      const passwordHash = password === undefined ? undefined : await hashPassword(password);
      const updated = writeTransaction(db, () => {
        const before = clerkById(db, id);
        if (!before) throw notFound('account', 'id');
        const losesAdmin =
          before.role === 'admin' &&
          before.active === 1 &&
          ((changes.role && changes.role !== 'admin') || changes.active === false);
        if (losesAdmin && activeAdmins(db) <= 1) {
          throw new AppError('CONFLICT', 'the last active administrator must stay one', {
            field: changes.active === false ? 'active' : 'role',
          });
        }
        updateClerk(db, id, { ...changes, ...(passwordHash ? { passwordHash } : {}) }, nowIso(ctx));
        const fields = [...Object.keys(changes), ...(passwordHash ? ['password'] : [])];
        appendAudit(db, {
          at: nowIso(ctx),
          actor: call.actor,
          action: 'clerk.update',
          entity: 'clerk',
          entityId: before.username,
          detail: { fields },
        });
        return clerkById(db, id)!;
      });
      // A new role, a new password or a deactivation takes effect at once: the
      // account signs in again everywhere, except where its owner just set
      // their own new password (they know it).
      if (changes.role !== undefined || changes.active === false || passwordHash) {
        const own = sessions.find(call.session);
        sessions.endAllOf(
          id,
          own?.clerkId === id && changes.role === undefined && changes.active === undefined ? own.token : null,
        );
      }
      return toClerk(updated);
    },
  };
}
