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
  board: 'a signed-in screen',
  kiosk: 'a signed-in clerk or the kiosk',
  clerk: 'a signed-in clerk',
  supervisor: 'a supervisor',
  admin: 'an administrator',
  peer: 'a paired counter of this hospital',
};

function heldLevel(session: DeskSession): AccessLevel {
  return session.kind === 'clerk' ? session.role : session.kind;
}

/**
 * A hall board reads only the departments its supervisor chose, and names
 * only if they allowed it: the board faces the public.
 */
function boardRefusal(session: DeskSession, method: string, rawInput: unknown): CallError | null {
  if (method !== 'queue.board' || !session.board) return null;
  const input = (typeof rawInput === 'object' && rawInput !== null ? rawInput : {}) as Record<string, unknown>;
  const allowed = new Set(session.board.grant.departmentCodes);
  const asked = Array.isArray(input.departmentCodes) ? input.departmentCodes : [];
  if (!asked.every((code) => typeof code === 'string' && allowed.has(code))) {
    return { code: 'FORBIDDEN', message: 'this board shows only the departments it was started for', field: 'departmentCodes' };
  }
  if (input.names === 'first' && !session.board.grant.showFirstNames) {
    return { code: 'FORBIDDEN', message: 'this board was started without names', field: 'names' };
  }
  return null;
}

/** What only a clerk chooses: the kiosk's tokens take the defaults. */
const CLERK_CHOICES = { priority: 'none', visitType: 'new', feeCategory: 'general' } as const;

/**
 * What a kiosk's input decides: it gives one token to the patient whose card
 * it just read (with the default priority, visit type and fee), nobody else,
 * and reprints only its own tokens.
 */
function kioskRefusal(sessions: DeskSessions, session: DeskSession, method: string, rawInput: unknown): CallError | null {
  const input = (typeof rawInput === 'object' && rawInput !== null ? rawInput : {}) as Record<string, unknown>;
  if (
    method === 'tokens.issue' &&
    !(typeof input.patientId === 'string' && sessions.kioskMayIssueFor(session, input.patientId))
  ) {
    return { code: 'FORBIDDEN', message: 'the kiosk gives tokens only to the patient whose card it just read' };
  }
  if (method === 'tokens.issue') {
    if (input.mlc !== undefined)
      return { code: 'FORBIDDEN', message: 'a medico-legal case is recorded by a clerk', field: 'mlc' };
    for (const [field, value] of Object.entries(CLERK_CHOICES)) {
      if (input[field] !== undefined && input[field] !== value) {
        return { code: 'FORBIDDEN', message: `${field} is chosen by a clerk at the counter`, field };
      }
    }
  }
  if (method === 'print.reprint' && !(typeof input.tokenId === 'string' && session.kioskTokens.has(input.tokenId))) {
    return { code: 'FORBIDDEN', message: 'the kiosk reprints only the tokens it issued' };
  }
  return null;
}

/**
 * What the kiosk learns from a scan: whether the card's holder is a patient
 * here, their name and age to greet them, nothing to contact or trace them by,
 * and nothing to register with. A card from an issuer we cannot check names
 * nobody (the kiosk sends it to the counter).
 */
function kioskView(sessions: DeskSessions, session: DeskSession, resolved: ResolvedCard): ResolvedCard {
  const patient = resolved.verification.state === 'unverified' ? null : resolved.patient;
  if (patient) sessions.allowKioskPatient(session, patient.id);
  return {
    ...resolved,
    prefill: null,
    patient: patient && { ...patient, phone: null, guardianName: null, guardianRelation: null, abhaNumber: null },
  };
}

export function createAuthGate(sessions: DeskSessions): Gate {
  return {
    admit(method, rawInput, caller) {
      if (caller.kind === 'trusted') return { actor: caller.actor, session: null };
      const access = methodAccess[method];
      // A paired counter (main/peers) reaches the peer methods and nothing else.
      if (caller.kind === 'peer') {
        return access.level === 'peer'
          ? { actor: `peer:${caller.counterLetter}`, session: null }
          : { code: 'FORBIDDEN', message: `${method} is not for other counters` };
      }
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
      if (session.kind === 'board') {
        const refused = boardRefusal(session, method, rawInput);
        if (refused) return refused;
      }
      if (!access.background) sessions.touch(session);
      // The audit log tells the kiosk from its supervisor at a counter (a board's username already says board:).
      return { actor: session.kind === 'kiosk' ? `kiosk:${session.username}` : session.username, session: caller.session };
    },
    filter(method, output, ctx) {
      const session = sessions.find(ctx.session);
      if (session?.kind !== 'kiosk') return output;
      if (method === 'cards.resolve') return kioskView(sessions, session, output as ResolvedCard);
      if (method === 'tokens.issue') {
        const token = output as Token;
        session.kioskTokens.add(token.id);
        sessions.endKioskAllowance(session, token.patientId); // one token a scan
      }
      return output;
    },
  };
}
