// peer.* for the hospital's departments (docs/peers.md "Departments and
// rules"): names, rooms, shortcut keys and queue rules are set at one counter
// and reach every paired counter, so the merged queue has one rule. A copy
// is stamped (revision, then the id of the counter that made it); every
// counter takes the newest it hears of.
import { z } from 'zod';
import { DepartmentCode } from '../fields';
import type { MethodSpec } from '../method-spec';
import { Department } from '../records';

export const DepartmentsStamp = z.object({
  revision: z.number().int().min(0),
  counterId: z.string().max(100),
  /** The letter of the counter whose supervisor made this copy ('' for the seeded one). */
  changedBy: z.string().max(4),
  changedAt: z.string().max(40),
});
export type DepartmentsStamp = z.infer<typeof DepartmentsStamp>;

/** Codes and shortcut keys are unique at every counter: a copy that repeats one is refused whole. */
const DepartmentList = z
  .array(Department.extend({ code: DepartmentCode }))
  .max(200)
  .refine((list) => new Set(list.map((d) => d.code)).size === list.length, { message: 'a department code appears twice' })
  .refine(
    (list) => {
      const keys = list.flatMap((d) => (d.shortcut ? [d.shortcut] : []));
      return new Set(keys).size === keys.length;
    },
    { message: 'a shortcut key is given to two departments' },
  );

export const DepartmentsCopy = DepartmentsStamp.extend({ departments: DepartmentList });
export type DepartmentsCopy = z.infer<typeof DepartmentsCopy>;

export const peerDepartmentsMethods = {
  'peer.departments': {
    summary: "This counter's copy of the departments (names, rooms, shortcut keys, queue rules) and its stamp.",
    input: z.object({}).strict(),
    output: DepartmentsCopy,
  },
  'peer.offerDepartments': {
    summary:
      "A paired counter's copy of the departments: taken if newer than this counter's (audited), else left; answers with the copy kept.",
    input: DepartmentsCopy.strict(),
    output: z.object({ taken: z.boolean(), stamp: DepartmentsStamp }),
  },
} as const satisfies Record<string, MethodSpec>;
