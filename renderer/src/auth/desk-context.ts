// The signed-in clerk, for whatever part of the counter screen needs to know
// (the header shows them, the screen holds its shortcuts while locked).
import { createContext, useContext } from 'react';
import type { SessionView } from '../../../preload/contract/methods/auth-schemas';

export interface Desk {
  session: SessionView;
  /** Counts unlocks: what was refused while locked (the queue's poll) loads again when it changes. */
  unlocks: number;
  lock: () => void;
  signOut: () => void;
}

export const DeskContext = createContext<Desk | null>(null);

/** The desk session, or null outside the auth gate (never in the app itself). */
export function useDesk(): Desk | null {
  return useContext(DeskContext);
}

/** The lock shortcut: F-keys in use are F2 (new patient), F4 (camera), F9 (print again). */
export const LOCK_KEY = 'F8';
