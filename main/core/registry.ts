// The one place handlers are registered. Every call is validated against the
// contract on the way in and on the way out, and a name can be taken once.
import { z } from 'zod';
import type { CallError, CallResult } from '../../preload/contract/errors';
import {
  isMethodName,
  methods,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
} from '../../preload/contract/methods';
import { AppError } from './app-error';
import { reasonOf, withReasons } from '../../preload/contract/reasons';

/**
 * Who is calling, as the transport knows it: a trusted caller (a script with
 * the API key, the core's own tests and benches), a counter window or page,
 * with the desk-session token it sent, if any (main/auth), or a paired counter.
 */
export type Caller =
  | { kind: 'trusted'; actor: string }
  | { kind: 'desk'; session: string | null }
  /** Another counter of the hospital, authenticated by main/peers/peer-server.ts. */
  | { kind: 'peer'; counterId: string; counterLetter: string };

/** What a handler learns about the caller once admitted. */
export interface CallContext {
  /** Recorded in the audit log: the clerk's username, or the trusted caller's name. */
  actor: string;
  /** The desk-session token the call came with (auth.* handlers end, lock or unlock it). */
  session: string | null;
}

/** Decides who may call what (main/auth/auth-gate.ts); without one, only trusted callers get in. */
export interface Gate {
  admit(method: MethodName, rawInput: unknown, caller: Caller): CallContext | CallError;
  /**
   * Sees every successful answer before the caller does, and may narrow it
   * (the kiosk remembers whom its scans found, and gets less of each record).
   */
  filter?(method: MethodName, output: unknown, ctx: CallContext): unknown;
}

const trustedOnly: Gate = {
  admit: (_method, _input, caller) =>
    caller.kind === 'trusted' ? { actor: caller.actor, session: null } : { code: 'UNAUTHORIZED', message: 'sign in first' },
};

export interface RegistryOptions {
  gate?: Gate;
  log?: (msg: string) => void;
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerMap = { [M in MethodName]?: Handler<M> };

export interface Registry {
  dispatch(method: string, rawInput: unknown, caller: Caller): Promise<CallResult<unknown>>;
  registered(): MethodName[];
}

export function createRegistry(handlerMaps: HandlerMap[], options: RegistryOptions = {}): Registry {
  const log = options.log ?? console.error;
  const gate = options.gate ?? trustedOnly;
  const handlers = new Map<MethodName, Handler<MethodName>>();
  for (const map of handlerMaps) {
    for (const [name, handler] of Object.entries(map)) {
      if (!isMethodName(name)) throw new Error(`handler for "${name}", which is not in the contract`);
      if (handlers.has(name)) throw new Error(`two handlers for "${name}"`);
      handlers.set(name, handler);
    }
  }
  const missing = (Object.keys(methods) as MethodName[]).filter((m) => !handlers.has(m));
  if (missing.length > 0) throw new Error(`no handler for ${missing.join(', ')}`);

  return {
    registered: () => [...handlers.keys()],
    async dispatch(method, rawInput, caller) {
      if (!isMethodName(method)) {
        return failure({ code: 'UNKNOWN_METHOD', message: `no method "${method}"` });
      }
      // Who first: a caller who may not call this learns nothing about its input rules.
      const ctx = gate.admit(method, rawInput, caller);
      if ('code' in ctx) return failure(ctx);
      const spec = methods[method];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) return failure(validationError(parsed.error));
      try {
        const handler = handlers.get(method)!;
        const value = await handler(parsed.data, ctx);
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          log(`output of ${method} broke the contract: ${z.prettifyError(checked.error)}`);
          return failure({ code: 'INTERNAL', message: 'the core produced an invalid answer' });
        }
        return { ok: true, value: gate.filter ? gate.filter(method, checked.data, ctx) : checked.data };
      } catch (err) {
        if (err instanceof AppError) return failure(err.toCallError());
        // Message only: stack traces and SQL can carry patient data.
        log(`${method} failed: ${err instanceof Error ? err.message : String(err)}`);
        return failure({ code: 'INTERNAL', message: 'something went wrong in the counter; nothing was saved' });
      }
    },
  };
}

function failure(error: CallError): CallResult<never> {
  return { ok: false, error: withReasons(error) };
}

export function validationError(error: z.ZodError): CallError {
  const issues = error.issues.map((issue) => {
    // An unknown key is reported on the object holding it; name the key itself.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const facts = { message: issue.message, code: issue.code, ...('origin' in issue ? { origin: String(issue.origin) } : {}) };
    const bounds = {
      ...('maximum' in issue ? { maximum: Number(issue.maximum) } : {}),
      ...('minimum' in issue ? { minimum: Number(issue.minimum) } : {}),
    };
    return {
      field: path.map(String).join('.') || '(input)',
      message: issue.message,
      code: issue.code,
      ...reasonOf({ ...facts, ...bounds }),
    };
  });
  const first = issues[0] ?? { field: '(input)', message: 'invalid input', code: 'custom' };
  return {
    code: 'VALIDATION_FAILED',
    message: `${first.field}: ${first.message}`,
    field: first.field,
    issues,
  };
}
