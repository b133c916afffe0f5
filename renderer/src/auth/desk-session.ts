// This window's desk session: the token the core gave at sign-in (or when a
// supervisor started the kiosk), sent with every call by api/counter-client.
// Kept in sessionStorage, so reloading the tab keeps the clerk signed in but
// a new tab or a restarted browser asks again; a hall board keeps its token in
// localStorage, so a TV that lost power shows the board again without a
// supervisor (the board may only read the board feed). It also carries the
// news "the core said LOCKED / UNAUTHORIZED" from whichever call heard it to
// the gate.
import { screenMode } from '../screen-mode';

/** The core's verdict on this window's session, as some call just heard it. */
export type SessionProblem = 'LOCKED' | 'UNAUTHORIZED';

/** The part of Storage used here (sessionStorage in the page, a Map in tests). */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const TOKEN_KEY = 'hims-counter.desk-session';

export interface DeskSessionStore {
  token(): string | null;
  setToken(token: string | null): void;
  /**
   * Told by the api module, with the token the call carried. An answer to a
   * call made under an earlier session (signed out meanwhile) is dropped: it
   * says nothing about the clerk at the counter now.
   */
  report(problem: SessionProblem, sentWith: string | null): void;
  subscribe(listener: (problem: SessionProblem) => void): () => void;
  /** Told whenever the token changes (signed in, out, or as someone else). */
  watchToken(listener: (token: string | null) => void): () => void;
}

export function createDeskSessionStore(storage: TokenStorage | null): DeskSessionStore {
  // The memory copy serves when storage is blocked by policy: signed in until reload.
  let memory: string | null = null;
  try {
    memory = storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    memory = null;
  }
  const listeners = new Set<(problem: SessionProblem) => void>();
  const tokenListeners = new Set<(token: string | null) => void>();
  return {
    token: () => memory,
    setToken(token) {
      const changed = token !== memory;
      memory = token;
      if (changed) for (const listener of [...tokenListeners]) listener(token);
      try {
        if (token === null) storage?.removeItem(TOKEN_KEY);
        else storage?.setItem(TOKEN_KEY, token);
      } catch {
        // Not kept across a reload, but this page still works.
      }
    },
    report(problem, sentWith) {
      if (sentWith !== memory || memory === null) return;
      for (const listener of [...listeners]) listener(problem);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    watchToken(listener) {
      tokenListeners.add(listener);
      return () => {
        tokenListeners.delete(listener);
      };
    },
  };
}

function pageStorage(): TokenStorage | null {
  try {
    if (typeof window === 'undefined') return null;
    return screenMode() === 'board' ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // storage disabled
  }
}

/** The one store of this page. */
export const deskSession: DeskSessionStore = createDeskSessionStore(pageStorage());
