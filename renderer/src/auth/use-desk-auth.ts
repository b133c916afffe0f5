// The desk session as the screen sees it: whether this counter still needs
// its first account, whether someone is signed in, and whether the counter is
// locked. Calls go through the api module; a LOCKED or UNAUTHORIZED answer to
// any call anywhere on the page (reported by the desk-session store) moves
// the gate too.
import { useCallback, useEffect, useState } from 'react';
import type { CallError, CallResult, MethodInput } from '../../../preload/contract';
import type { SessionGrant, SessionView } from '../../../preload/contract/methods/auth-schemas';
import { callCounter } from '../api/counter-client';
import { deskSession } from './desk-session';

export type DeskKind = SessionView['kind'];

export type DeskPhase =
  | { name: 'loading' }
  | { name: 'unavailable'; error: CallError }
  | { name: 'setup' }
  /** `ended`: a session was running and the core no longer knows it. */
  | { name: 'signIn'; ended: boolean }
  | { name: 'signedIn'; session: SessionView };

export type AuthCall<I> = (input: I) => Promise<CallResult<unknown>>;

export interface DeskAuth {
  phase: DeskPhase;
  setup: AuthCall<MethodInput<'auth.setup'>>;
  signIn: AuthCall<MethodInput<'auth.signIn'>>;
  startKiosk: AuthCall<MethodInput<'auth.startKiosk'>>;
  unlock: AuthCall<MethodInput<'auth.unlock'>>;
  lock: () => Promise<void>;
  signOut: () => Promise<void>;
  retry: () => void;
}

/** `kind`: the session this screen runs on (the counter needs a clerk's, the entrance a kiosk's). */
export function useDeskAuth(kind: DeskKind): DeskAuth {
  const [phase, setPhase] = useState<DeskPhase>({ name: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void callCounter('auth.status', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setPhase({ name: 'unavailable', error: result.error });
      const { session, setupNeeded } = result.value;
      if (session && session.kind === kind) return setPhase({ name: 'signedIn', session });
      // A token the core no longer knows (it restarted), or one of the other kind, is no use here.
      if (!session || session.kind !== kind) deskSession.setToken(null);
      setPhase(setupNeeded && kind === 'clerk' ? { name: 'setup' } : { name: 'signIn', ended: false });
    });
    return () => {
      live = false;
    };
  }, [kind, attempt]);

  useEffect(
    () =>
      deskSession.subscribe((problem) => {
        setPhase((current) => {
          if (current.name !== 'signedIn') return current;
          if (problem === 'LOCKED') {
            // A kiosk never locks; a LOCKED answer there would mean a clerk's token: start again.
            if (current.session.kind === 'kiosk') return { name: 'signIn', ended: true };
            return current.session.locked ? current : { name: 'signedIn', session: { ...current.session, locked: true } };
          }
          deskSession.setToken(null);
          return { name: 'signIn', ended: true };
        });
      }),
    [],
  );

  const granted = useCallback((result: CallResult<SessionGrant>) => {
    if (result.ok) {
      deskSession.setToken(result.value.token);
      setPhase({ name: 'signedIn', session: result.value.session });
    }
    return result;
  }, []);

  const setup = useCallback(
    async (input: MethodInput<'auth.setup'>) => granted(await callCounter('auth.setup', input)),
    [granted],
  );
  const signIn = useCallback(
    async (input: MethodInput<'auth.signIn'>) => granted(await callCounter('auth.signIn', input)),
    [granted],
  );
  const startKiosk = useCallback(
    async (input: MethodInput<'auth.startKiosk'>) => granted(await callCounter('auth.startKiosk', input)),
    [granted],
  );

  const unlock = useCallback(async (input: MethodInput<'auth.unlock'>) => {
    const result = await callCounter('auth.unlock', input);
    if (result.ok) setPhase({ name: 'signedIn', session: result.value });
    else if (result.error.code === 'UNAUTHORIZED' && result.error.field === undefined) {
      // Not a wrong password: the session itself is gone (restart, shift over, account closed).
      deskSession.setToken(null);
      setPhase({ name: 'signIn', ended: true });
    }
    return result;
  }, []);

  const lock = useCallback(async () => {
    // Covered at once, whatever the core answers: the clerk is walking away.
    setPhase((current) =>
      current.name === 'signedIn' && !current.session.locked
        ? { name: 'signedIn', session: { ...current.session, locked: true } }
        : current,
    );
    const result = await callCounter('auth.lock', {});
    if (result.ok) setPhase((current) => (current.name === 'signedIn' ? { name: 'signedIn', session: result.value } : current));
  }, []);

  const signOut = useCallback(async () => {
    await callCounter('auth.signOut', {});
    // Forgotten here even if the core could not be told: its session then just expires.
    deskSession.setToken(null);
    setPhase({ name: 'signIn', ended: false });
  }, []);

  const retry = useCallback(() => {
    setPhase({ name: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { phase, setup, signIn, startKiosk, unlock, lock, signOut, retry };
}
