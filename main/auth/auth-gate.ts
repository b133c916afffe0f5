// The registry's gate (main/core/registry.ts): every call from a counter
// window or page is checked against preload/contract/method-access.ts before
// its input is even read. Trusted callers (the API key, tests) pass.
import type { CallError } from '../../preload/contract/errors';
import { allows, methodAccess, type AccessLevel } from '../../preload/contract/method-access';
import type { ResolvedCard } from '../../preload/contract/methods/card-schemas';
import type { Token } from '../../preload/contract/records';
import type { Gate } from '../core/registry';
import type { DeskSession, DeskSessions } from './desk-sessions';

const NEEDS: Record<AccessLevel, string> = {
  open: '',
  kiosk: '',
  clerk: 'a signed-in clerk',
  supervisor: 'a supervisor',
  admin: 'an administrator',
};

function heldLevel(session: DeskSession): AccessLevel {
  return session.kind === 'kiosk' ? 'kiosk' : session.role;
}

/** The one thing a kiosk's input decides: it gives tokens to the patients its own scans found, nobody else. */
function kioskRefusal(sessions: DeskSessions, session: DeskSession, method: string, rawInput: unknown): CallError | null {
  const input = (typeof rawInput === 'object' && rawInput !== null ? rawInput : {}) as Record<string, unknown>;
  if (
    method === 'tokens.issue' &&
    !(typeof input.patientId === 'string' && sessions.kioskMayIssueFor(session, input.patientId))
  ) {
    return { code: 'FORBIDDEN', message: 'the kiosk gives tokens only to the patient whose card it just read' };
  }
  if (method === 'print.reprint' && !(typeof input.tokenId === 'string' && session.kioskTokens.has(input.tokenId))) {
    return { code: 'FORBIDDEN', message: 'the kiosk reprints only the tokens it issued' };
  }
  return null;
}

export function createAuthGate(sessions: DeskSessions): Gate {
  return {
    admit(method, rawInput, caller) {
      if (caller.kind === 'trusted') return { actor: caller.actor, session: null };
      const access = methodAccess[method];
      const session = sessions.find(caller.session);
      if (access.level === 'open') return { actor: session?.username ?? 'anonymous', session: caller.session };
      if (!session) return { code: 'UNAUTHORIZED', message: 'sign in first' };
      if (session.locked)
        return { code: 'LOCKED', message: `the counter is locked; ${session.displayName} enters the password to open it` };
      if (!allows(heldLevel(session), access.level)) {
        return { code: 'FORBIDDEN', message: `${method} needs ${NEEDS[access.level]}` };
      }
      if (session.kind === 'kiosk') {
        const refused = kioskRefusal(sessions, session, method, rawInput);
        if (refused) return refused;
      }
      if (!access.background) sessions.touch(session);
      return { actor: session.username, session: caller.session };
    },
    observe(method, output, ctx) {
      const session = sessions.find(ctx.session);
      if (session?.kind !== 'kiosk') return;
      if (method === 'cards.resolve') {
        const patient = (output as ResolvedCard).patient;
        if (patient) sessions.allowKioskPatient(session, patient.id);
      }
      if (method === 'tokens.issue') session.kioskTokens.add((output as Token).id);
    },
  };
}
