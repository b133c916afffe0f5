import { describe, expect, it } from 'vitest';
import { methodNames } from '../../preload/contract/methods';
import { AppError } from '../../main/core/app-error';
import { createRegistry, type HandlerMap } from '../../main/core/registry';

/** A handler for every method that answers nothing valid, to build registries from. */
function allHandlers(overrides: HandlerMap = {}): HandlerMap {
  const map: Record<string, () => never> = {};
  for (const name of methodNames) map[name] = () => ({}) as never;
  return { ...(map as HandlerMap), ...overrides };
}

const ctx = { kind: 'trusted', actor: 'test' } as const;

describe('the handler registry', () => {
  it('refuses a second handler for the same method', () => {
    expect(() => createRegistry([allHandlers(), { 'counter.info': () => ({}) as never }])).toThrow(
      /two handlers for "counter.info"/,
    );
  });

  it('refuses a contract with a method left unimplemented', () => {
    const { 'tokens.cancel': _dropped, ...rest } = allHandlers();
    expect(() => createRegistry([rest])).toThrow(/no handler for tokens.cancel/);
  });

  it('refuses a handler the contract does not know', () => {
    expect(() => createRegistry([allHandlers(), { 'patients.delete': () => 1 } as unknown as HandlerMap])).toThrow(
      /not in the contract/,
    );
  });

  it('returns a typed validation error naming the offending field, without calling the handler', async () => {
    let called = false;
    const registry = createRegistry([allHandlers({ 'tokens.cancel': () => ((called = true), {} as never) })]);
    const result = await registry.dispatch('tokens.cancel', { tokenId: 'not-a-uuid', reason: 'x' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'tokenId' } });
    expect(called).toBe(false);
  });

  it('names an unknown key as the field', async () => {
    const registry = createRegistry([allHandlers()]);
    const result = await registry.dispatch('departments.list', { includeInactive: true, dropTable: 1 }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'dropTable' } });
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const result = await createRegistry([allHandlers()]).dispatch('patients.drop', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('passes an AppError through and hides any other failure', async () => {
    const logged: string[] = [];
    const registry = createRegistry(
      [
        allHandlers({
          'patients.get': () => {
            throw new AppError('NOT_FOUND', 'patient not found', { field: 'id' });
          },
          'tokens.list': () => {
            throw new Error('SQLITE_CORRUPT near Ram Kumar 9876543210');
          },
        }),
      ],
      { log: (m) => logged.push(m) },
    );
    expect(await registry.dispatch('patients.get', { id: crypto.randomUUID() }, ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'patient not found', field: 'id' },
    });
    const hidden = await registry.dispatch('tokens.list', {}, ctx);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toContain('Ram Kumar');
    expect(logged).toHaveLength(1);
  });

  it('checks outputs too: a handler that breaks the contract is an INTERNAL error', async () => {
    const registry = createRegistry([allHandlers({ 'departments.list': () => [{ code: 'MED' }] as never })], { log: () => {} });
    expect(await registry.dispatch('departments.list', {}, ctx)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('joining the areas of the contract', () => {
  it('refuses a method name defined by two areas', async () => {
    const { joinMethods } = await import('../../preload/contract/method-spec');
    const { z } = await import('zod');
    const spec = { summary: 's', input: z.object({}), output: z.null() };
    expect(Object.keys(joinMethods({ 'a.one': spec }, { 'b.two': spec }))).toEqual(['a.one', 'b.two']);
    expect(() => joinMethods({ 'a.one': spec }, { 'a.one': spec })).toThrow(/"a.one" is defined twice/);
  });
});
