// departments.* — the OPD departments a token can be issued for.
import { z } from 'zod';
import { DepartmentCode, nullable, requiredText } from '../fields';
import { Department } from '../records';
import type { MethodSpec } from '../method-spec';

export const departmentMethods = {
  'departments.list': {
    summary: 'OPD departments with Hindi names, rooms and shortcut keys.',
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: z.array(Department),
  },
  'departments.update': {
    summary: 'Edit a department: names, room, shortcut key, active.',
    input: z
      .object({
        code: DepartmentCode,
        nameEn: requiredText(80).optional(),
        nameHi: requiredText(80).optional(),
        room: requiredText(40).optional(),
        shortcut: nullable(z.string().regex(/^[0-9A-Z]$/, { message: 'must be one digit or capital letter' })),
        active: z.boolean().optional(),
      })
      .strict(),
    output: Department,
  },
} as const satisfies Record<string, MethodSpec>;
