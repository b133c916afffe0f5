// departments.* — the OPD departments a token can be issued for.
import { appendAudit } from '../audit/audit-log';
import { conflict, notFound } from '../core/app-error';
import { nowIso, type CoreContext } from '../core/core-context';
import { enqueueOutbox } from '../core/outbox';
import type { CoreEvents } from '../core/core-events';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { markChangedHere } from './departments-copy';
import { departmentByCode, listDepartments, saveDepartment, saveRooms } from './department-store';

/** `changed`: told after a change is committed (the copy is offered to the paired counters). */
export function departmentsHandlers(ctx: CoreContext, events: CoreEvents, changed?: () => void): HandlerMap {
  const { db } = ctx;
  return {
    'departments.list': ({ includeInactive }) => listDepartments(db, includeInactive ?? false),
    'departments.update': ({ code, ...changes }, call) => {
      const saved = writeTransaction(db, () => {
        const current = departmentByCode(db, code);
        if (!current) throw notFound(`department ${code}`, 'code');
        const next = {
          ...current,
          ...(changes.nameEn !== undefined ? { nameEn: changes.nameEn } : {}),
          ...(changes.nameHi !== undefined ? { nameHi: changes.nameHi } : {}),
          ...(changes.room !== undefined ? { room: changes.room } : {}),
          ...(changes.roomHi !== undefined ? { roomHi: changes.roomHi } : {}),
          ...(changes.shortcut !== undefined ? { shortcut: changes.shortcut } : {}),
          ...(changes.active !== undefined ? { active: changes.active } : {}),
          queueRule: { ...current.queueRule, ...changes.queueRule },
        };
        if (next.shortcut && next.shortcut !== current.shortcut) {
          const taken = listDepartments(db, true).find((d) => d.shortcut === next.shortcut && d.code !== code);
          if (taken) throw conflict(`shortcut: key ${next.shortcut} is already used by ${taken.nameEn}`, 'shortcut');
        }
        const at = nowIso(ctx);
        saveDepartment(db, next, at);
        if (changes.rooms) saveRooms(db, code, changes.rooms);
        // The hospital's copy of the departments is now this counter's (departments-copy.ts).
        markChangedHere(db, { counterId: ctx.identity.counterId, counterLetter: ctx.identity.counterLetter ?? '' }, at);
        enqueueOutbox(db, { entity: 'department', entityId: code, operation: 'update', version: 1, at });
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'department.update',
          entity: 'department',
          entityId: code,
          detail: { fields: Object.keys(changes) },
        });
        return departmentByCode(db, code)!;
      });
      // Every screen's department list (shortcut keys, rooms, the queue rule) follows without a reload.
      events.emit('departments.changed', { code });
      changed?.();
      return saved;
    },
  };
}
