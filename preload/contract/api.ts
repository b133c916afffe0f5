import type { CallResult } from './errors';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/**
 * What the renderer sees as `window.counter` (Electron) or gets from the HTTP
 * client (browser shell): one generic call, never a raw IPC channel.
 */
export interface CounterApi {
  /** `session`: the window's desk-session token from auth.signIn (main/auth), if it has one. */
  call<M extends MethodName>(method: M, input: MethodInput<M>, session?: string | null): Promise<CallResult<MethodOutput<M>>>;
}
