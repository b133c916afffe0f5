// departments.* — the OPD departments a token can be issued for.
import { z } from 'zod';
import { DepartmentCode, RoomCode, nullable, requiredText } from '../fields';
import { QueueRule } from '../queue-rule';
import { Department } from '../records';
import type { MethodSpec } from '../method-spec';

export const departmentMethods = {
  'departments.list': {
    summary: 'OPD departments with Hindi names, rooms and shortcut keys.',
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: z.array(Department),
  },
  'departments.update': {
    summary: 'Edit a department: names, room, shortcut key, active, its consultation rooms and its queue rule.',
    input: z
      .object({
        code: DepartmentCode,
        nameEn: requiredText(80).optional(),
        nameHi: requiredText(80).optional(),
        room: requiredText(40).optional(),
        /** The room in Devanagari; "" or null: none (shown as written). */
        roomHi: nullable(requiredText(40)),
        shortcut: nullable(z.string().regex(/^[0-9A-Z]$/, { message: 'must be one digit or capital letter' })),
        active: z.boolean().optional(),
        /** The consultation rooms, in the order screens list them; replaces the list. */
        rooms: z
          .array(RoomCode)
          .min(1)
          .max(20)
          .refine((rooms) => new Set(rooms.map((r) => r.toUpperCase())).size === rooms.length, {
            message: 'must not name a room twice',
          })
          .optional(),
        /** Any part of the queue rule; the rest stays as it is. */
        queueRule: QueueRule.partial().strict().optional(),
      })
      .strict(),
    output: Department,
  },
} as const satisfies Record<string, MethodSpec>;
