// Whether this window's session may call a method, from the same table the
// core enforces (preload/contract/method-access.ts): a screen hides or
// explains what the core would refuse instead of letting the clerk find out.
import { allows, methodAccess } from '../../../preload/contract/method-access';
import type { MethodName } from '../../../preload/contract/methods';
import type { SessionView } from '../../../preload/contract/methods/auth-schemas';
import { useDesk } from './desk-context';

export function mayCall(session: SessionView | null, method: MethodName): boolean {
  if (!session) return false;
  return allows(session.kind === 'kiosk' ? 'kiosk' : session.role, methodAccess[method].level);
}

export function useMayCall(method: MethodName): boolean {
  return mayCall(useDesk()?.session ?? null, method);
}
