import { describe, expect, it } from 'vitest';
import { createDeskSessionStore, type SessionProblem } from '../auth/desk-session';
import { reportSessionProblem } from './counter-client';

function storeWith(token: string) {
  const store = createDeskSessionStore(null);
  store.setToken(token);
  const heard: SessionProblem[] = [];
  store.subscribe((p) => heard.push(p));
  return { store, heard };
}

describe('session problems reported by the api module', () => {
  it('passes LOCKED and UNAUTHORIZED from any ordinary call to the gate, unchanged', () => {
    const { store, heard } = storeWith('t');
    const locked = { ok: false as const, error: { code: 'LOCKED' as const, message: 'locked' } };
    expect(reportSessionProblem(store, 'patients.register', 't', locked)).toBe(locked);
    reportSessionProblem(store, 'tokens.list', 't', { ok: false, error: { code: 'UNAUTHORIZED', message: 'sign in first' } });
    expect(heard).toEqual(['LOCKED', 'UNAUTHORIZED']);
  });

  it('leaves a wrong password to the form that sent it', () => {
    const { store, heard } = storeWith('t');
    const wrong = { ok: false as const, error: { code: 'UNAUTHORIZED' as const, message: 'wrong', field: 'password' } };
    for (const method of ['auth.signIn', 'auth.setup', 'auth.startKiosk', 'auth.unlock'] as const) {
      reportSessionProblem(store, method, 't', wrong);
    }
    expect(heard).toEqual([]);
  });

  it('ignores other errors and successes', () => {
    const { store, heard } = storeWith('t');
    reportSessionProblem(store, 'clerks.list', 't', { ok: false, error: { code: 'FORBIDDEN', message: 'admins only' } });
    reportSessionProblem(store, 'counter.info', 't', { ok: true, value: {} });
    expect(heard).toEqual([]);
  });
});
