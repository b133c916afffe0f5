// The hall board's session (docs/decisions.md "Accounts and sessions"): a
// supervisor starts it once with their password, choosing its departments;
// its token is kept in localStorage and the core keeps the grant across
// restarts, so the TV comes back by itself after a power cut or a restart of
// the counter. Nobody is there to press "Try again": every failure is retried
// here, and only the core saying the board has ended brings the start form.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, CallResult, MethodInput } from '../../../preload/contract';
import type { BoardGrant, SessionGrant } from '../../../preload/contract/methods/auth-schemas';
import { callCounter } from '../api/counter-client';
import { deskSession } from '../auth/desk-session';

export type BoardPhase =
  | { name: 'loading' }
  /** The core cannot be reached: shown as "not connected", retried by itself. */
  | { name: 'unreachable'; error: CallError }
  /** No board here (never started, or ended by a supervisor): the start form. */
  | { name: 'start'; ended: boolean }
  | { name: 'running'; grant: BoardGrant };

const RETRY_MS = 5_000;

/** The browser shell's page cookie is per launch: after the counter restarts, only reloading the page gets the new one. */
function reloadPage() {
  window.location.reload();
}

export function useBoardSession() {
  const [phase, setPhase] = useState<BoardPhase>({ name: 'loading' });
  // The grant of a board that was running: kept through an outage, so the board stays on screen (saying it is not
  // connected) and keeps its sound, instead of being taken down and needing a touch to speak again.
  const [grant, setGrant] = useState<BoardGrant | null>(null);
  const [attempt, setAttempt] = useState(0);
  const checking = useRef(false);

  const check = useCallback(async () => {
    if (checking.current) return;
    checking.current = true;
    try {
      const result = await callCounter('auth.status', {});
      if (!result.ok) {
        // auth.status is open to anyone: UNAUTHORIZED here is the shell refusing a stale page, not the board.
        if (result.error.code === 'UNAUTHORIZED') return reloadPage();
        setPhase({ name: 'unreachable', error: result.error });
        return;
      }
      const session = result.value.session;
      if (session?.kind === 'board' && session.board) {
        setGrant(session.board);
        return setPhase({ name: 'running', grant: session.board });
      }
      const hadToken = deskSession.token() !== null;
      deskSession.setToken(null);
      setGrant(null);
      setPhase({ name: 'start', ended: hadToken });
    } finally {
      checking.current = false;
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check, attempt]);

  // Unreachable: try again by itself, for as long as it takes.
  useEffect(() => {
    if (phase.name !== 'unreachable') return;
    const timer = window.setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
    return () => window.clearTimeout(timer);
  }, [phase]);

  // A call refused (ended board, or a stale page after a restart): ask the core what is true now.
  useEffect(() => deskSession.subscribe(() => void check()), [check]);

  const start = useCallback(async (input: MethodInput<'auth.startBoard'>): Promise<CallResult<SessionGrant>> => {
    const result = await callCounter('auth.startBoard', input);
    if (result.ok && result.value.session.board) {
      deskSession.setToken(result.value.token);
      setGrant(result.value.session.board);
      setPhase({ name: 'running', grant: result.value.session.board });
    }
    return result;
  }, []);

  return { phase, grant, start, recheck: check };
}
