// The only module that talks to the core. In Electron the preload exposes
// `window.counter`; in the browser shell the same contract is served at
// POST /api/<method>. Either way callers get a CallResult and never a throw,
// so every panel can show its own error instead of a blank screen.
//
// Every call carries this window's desk-session token (auth/desk-session.ts):
// as the X-Counter-Session header over HTTP, as the third argument in
// Electron. A LOCKED or UNAUTHORIZED answer is also reported to the store, so
// the auth gate reacts wherever the call came from.
import { deskSession, type DeskSessionStore } from '../auth/desk-session';
import type { CallError, CallResult, CounterApi, MethodInput, MethodName, MethodOutput } from '../../../preload/contract';
import { CallError as CallErrorSchema } from '../../../preload/contract/errors';

declare global {
  interface Window {
    /** Set by the Electron preload (preload/bridge.ts); absent in a browser. */
    counter?: CounterApi;
  }
}

/** Errors made here, not by the core: the core could not be reached or gave no contract answer. */
function unavailable(message: string, details?: unknown): { ok: false; error: CallError } {
  return { ok: false, error: { code: 'UNAVAILABLE', message, details } };
}

export function isNetworkFailure(error: CallError): boolean {
  return error.code === 'UNAVAILABLE';
}

export const SESSION_HEADER = 'X-Counter-Session';

/**
 * Methods whose UNAUTHORIZED means "wrong username or password", not "this
 * window's session is gone": the form that called them shows it.
 */
const CREDENTIAL_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'auth.setup',
  'auth.signIn',
  'auth.startKiosk',
  'auth.unlock',
]);

/** Passes LOCKED / UNAUTHORIZED on to whoever guards the screen. */
export function reportSessionProblem<T>(
  store: DeskSessionStore,
  method: MethodName,
  sentWith: string | null,
  result: CallResult<T>,
): CallResult<T> {
  if (result.ok || CREDENTIAL_METHODS.has(method)) return result;
  const code = result.error.code;
  if (code === 'LOCKED' || code === 'UNAUTHORIZED') store.report(code, sentWith);
  return result;
}

async function callHttp<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  token: string | null,
): Promise<CallResult<MethodOutput<M>>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { [SESSION_HEADER]: token } : {}) },
      body: JSON.stringify(input),
      // The page cookie proves the call comes from our page; the header says which clerk.
      credentials: 'same-origin',
    });
  } catch (e) {
    return unavailable(`Cannot reach the counter service: ${e instanceof Error ? e.message : String(e)}`);
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page or a cut connection: not the contract's JSON.
    return unavailable(`The counter service answered HTTP ${response.status} without a readable body`, {
      status: response.status,
    });
  }

  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'value' in body && response.ok) {
      // The core validated this value against methods[method].output before
      // sending it; checking it again here would only double the work.
      return { ok: true, value: body.value as MethodOutput<M> };
    }
    if (body.ok === false && 'error' in body) {
      const parsed = CallErrorSchema.safeParse(body.error);
      if (parsed.success) return { ok: false, error: parsed.data };
    }
  }
  return unavailable(`The counter service answered HTTP ${response.status} with an unexpected body`, { status: response.status });
}

async function callElectron<M extends MethodName>(
  api: CounterApi,
  method: M,
  input: MethodInput<M>,
  token: string | null,
): Promise<CallResult<MethodOutput<M>>> {
  try {
    return await api.call(method, input, token);
  } catch (e) {
    // ipcRenderer.invoke rejects only when the main process itself failed.
    return unavailable(`The counter core did not answer: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Calls one contract method over whichever transport this window has. */
export async function callCounter<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>> {
  const api = typeof window !== 'undefined' ? window.counter : undefined;
  const token = deskSession.token();
  const result = await (api ? callElectron(api, method, input, token) : callHttp(method, input, token));
  return reportSessionProblem(deskSession, method, token, result);
}
