import { describe, expect, it } from 'vitest';
import { departmentMethods } from '../../../preload/contract/methods/department-methods';
import type { Department } from '../../../preload/contract';
import { changesOf, fieldsOf, valuesOf } from './department-form-values';

const MEDICINE: Department = {
  code: 'MED',
  nameEn: 'Medicine',
  nameHi: 'मेडिसिन',
  room: '101',
  roomHi: null,
  shortcut: '1',
  active: true,
  sortOrder: 1,
  rooms: ['101'],
  queueRule: { priority: 'ahead', interleaveEvery: 3, rooms: 'shared', returnTo: 'place' },
};

describe('the Departments form', () => {
  it('sends nothing but the code when nothing changed', () => {
    expect(changesOf(MEDICINE, valuesOf(MEDICINE))).toEqual({ code: 'MED' });
  });

  it('sends only what the supervisor changed, rooms as a list and the rule in part', () => {
    const values = { ...valuesOf(MEDICINE), rooms: ' 101, 102 ,, 103', priority: 'interleave' as const, shortcut: 'm' };
    expect(changesOf(MEDICINE, values)).toEqual({
      code: 'MED',
      shortcut: 'M',
      rooms: ['101', '102', '103'],
      queueRule: { priority: 'interleave' },
    });
    expect(changesOf(MEDICINE, { ...valuesOf(MEDICINE), shortcut: ' ' })).toEqual({ code: 'MED', shortcut: null });
  });

  it('lets the contract name the field of a value it refuses', () => {
    const input = departmentMethods['departments.update'].input;
    const bad = changesOf(MEDICINE, { ...valuesOf(MEDICINE), interleaveEvery: '', rooms: '101, 101' });
    const parsed = input.safeParse(JSON.parse(JSON.stringify(bad)));
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    expect(fieldsOf({ code: 'VALIDATION_FAILED', message: 'x', issues })).toEqual(['rooms', 'interleaveEvery']);
    expect(fieldsOf({ code: 'CONFLICT', message: 'key taken', field: 'shortcut' })).toEqual(['shortcut']);
    expect(fieldsOf({ code: 'INTERNAL', message: 'x' })).toEqual([]);
  });
});
