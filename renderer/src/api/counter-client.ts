// The only module that talks to the core. In Electron the preload exposes
// `window.counter`; in the browser shell the same contract is served at
// POST /api/<method>. Either way callers get a CallResult and never a throw,
// so every panel can show its own error instead of a blank screen.
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

async function callHttp<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
      // The server's HttpOnly session cookie is the only credential.
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
): Promise<CallResult<MethodOutput<M>>> {
  try {
    return await api.call(method, input);
  } catch (e) {
    // ipcRenderer.invoke rejects only when the main process itself failed.
    return unavailable(`The counter core did not answer: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Calls one contract method over whichever transport this window has. */
export function callCounter<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>> {
  const api = typeof window !== 'undefined' ? window.counter : undefined;
  return api ? callElectron(api, method, input) : callHttp(method, input);
}
