import { describe, expect, it } from 'vitest';
import { createDeskSessionStore, TOKEN_KEY, type SessionProblem, type TokenStorage } from './desk-session';

function mapStorage(initial: Record<string, string> = {}): TokenStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('desk session store', () => {
  it('starts with the token a reload of the same tab left behind', () => {
    expect(createDeskSessionStore(mapStorage({ [TOKEN_KEY]: 'tok-1' })).token()).toBe('tok-1');
    expect(createDeskSessionStore(mapStorage()).token()).toBeNull();
  });

  it('keeps a new token in storage and forgets it on sign-out', () => {
    const storage = mapStorage();
    const store = createDeskSessionStore(storage);
    store.setToken('tok-2');
    expect(storage.data.get(TOKEN_KEY)).toBe('tok-2');
    expect(createDeskSessionStore(storage).token()).toBe('tok-2');
    store.setToken(null);
    expect(store.token()).toBeNull();
    expect(storage.data.has(TOKEN_KEY)).toBe(false);
  });

  it('still works in memory when storage is blocked', () => {
    const blocked: TokenStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = createDeskSessionStore(blocked);
    expect(store.token()).toBeNull();
    store.setToken('tok-3');
    expect(store.token()).toBe('tok-3');
  });

  it('tells every subscriber what the core said, until they unsubscribe', () => {
    const store = createDeskSessionStore(null);
    store.setToken('tok');
    const heard: string[] = [];
    const stopA = store.subscribe((p: SessionProblem) => heard.push(`a:${p}`));
    store.subscribe((p: SessionProblem) => heard.push(`b:${p}`));
    store.report('LOCKED', 'tok');
    stopA();
    store.report('UNAUTHORIZED', 'tok');
    expect(heard).toEqual(['a:LOCKED', 'b:LOCKED', 'b:UNAUTHORIZED']);
  });

  it('ignores answers to calls made under an earlier session or none', () => {
    const store = createDeskSessionStore(null);
    const heard: string[] = [];
    store.subscribe((p: SessionProblem) => heard.push(p));
    store.report('UNAUTHORIZED', null); // nobody signed in: the sign-in screen is already up
    store.setToken('old');
    store.setToken('new'); // signed out and in again while a call was on its way
    store.report('UNAUTHORIZED', 'old');
    expect(heard).toEqual([]);
    store.report('LOCKED', 'new');
    expect(heard).toEqual(['LOCKED']);
  });
});
