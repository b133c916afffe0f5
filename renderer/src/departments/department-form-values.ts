// The Departments dialog's form as text fields, and what of it changed as a
// departments.update input: only the fields the supervisor touched are sent,
// so two supervisors changing different things do not undo each other.
import type { CallError, Department, MethodInput } from '../../../preload/contract';
import type { QueueRule } from '../../../preload/contract/queue-rule';

export interface DepartmentValues {
  nameEn: string;
  nameHi: string;
  room: string;
  /** The room in Devanagari ('' for none). */
  roomHi: string;
  shortcut: string;
  active: boolean;
  /** The consultation rooms as typed: "101, 102". */
  rooms: string;
  priority: QueueRule['priority'];
  interleaveEvery: string;
  roomMode: QueueRule['rooms'];
  returnTo: QueueRule['returnTo'];
}

export const DEPARTMENT_FIELDS = ['nameEn', 'nameHi', 'room', 'roomHi', 'shortcut', 'rooms', 'interleaveEvery'] as const;
export type DepartmentField = (typeof DEPARTMENT_FIELDS)[number];

export function valuesOf(d: Department): DepartmentValues {
  return {
    nameEn: d.nameEn,
    nameHi: d.nameHi,
    room: d.room,
    roomHi: d.roomHi ?? '',
    shortcut: d.shortcut ?? '',
    active: d.active,
    rooms: d.rooms.join(', '),
    priority: d.queueRule.priority,
    interleaveEvery: String(d.queueRule.interleaveEvery),
    roomMode: d.queueRule.rooms,
    returnTo: d.queueRule.returnTo,
  };
}

export function roomList(text: string): string[] {
  return text
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

type Update = MethodInput<'departments.update'>;

export function changesOf(before: Department, v: DepartmentValues): Update {
  const update: Update = { code: before.code };
  if (v.nameEn.trim() !== before.nameEn) update.nameEn = v.nameEn.trim();
  if (v.nameHi.trim() !== before.nameHi) update.nameHi = v.nameHi.trim();
  if (v.room.trim() !== before.room) update.room = v.room.trim();
  if ((v.roomHi.trim() || null) !== before.roomHi) update.roomHi = v.roomHi.trim() || null;
  const shortcut = v.shortcut.trim().toUpperCase() || null;
  if (shortcut !== before.shortcut) update.shortcut = shortcut;
  if (v.active !== before.active) update.active = v.active;
  const rooms = roomList(v.rooms);
  if (rooms.join('\n') !== before.rooms.join('\n')) update.rooms = rooms;
  const rule: Partial<QueueRule> = {};
  if (v.priority !== before.queueRule.priority) rule.priority = v.priority;
  // A number the schema refuses (empty, 1, 2.5) goes as typed so the core names the field.
  const every = Number(v.interleaveEvery.trim() || NaN);
  if (every !== before.queueRule.interleaveEvery) rule.interleaveEvery = every;
  if (v.roomMode !== before.queueRule.rooms) rule.rooms = v.roomMode;
  if (v.returnTo !== before.queueRule.returnTo) rule.returnTo = v.returnTo;
  if (Object.keys(rule).length > 0) update.queueRule = rule;
  return update;
}

/** The form fields a refusal names ("rooms.1", "queueRule.interleaveEvery", "shortcut"). */
export function fieldsOf(error: CallError): DepartmentField[] {
  const paths = error.issues?.map((i) => i.field) ?? (error.field ? [error.field] : []);
  const fields = paths.map((path) => {
    const [first, second] = path.split('.');
    return first === 'queueRule' ? second : first;
  });
  return DEPARTMENT_FIELDS.filter((f) => fields.includes(f));
}
