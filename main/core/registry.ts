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

/** Who is calling: recorded in the audit log. */
export interface CallContext {
  actor: string;
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerMap = { [M in MethodName]?: Handler<M> };

export interface Registry {
  dispatch(method: string, rawInput: unknown, ctx: CallContext): Promise<CallResult<unknown>>;
  registered(): MethodName[];
}

export function createRegistry(handlerMaps: HandlerMap[], log: (msg: string) => void = console.error): Registry {
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
    async dispatch(method, rawInput, ctx) {
      if (!isMethodName(method)) {
        return failure({ code: 'UNKNOWN_METHOD', message: `no method "${method}"` });
      }
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
        return { ok: true, value: checked.data };
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
  return { ok: false, error };
}

export function validationError(error: z.ZodError): CallError {
  const issues = error.issues.map((issue) => {
    // An unknown key is reported on the object holding it; name the key itself.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return { field: path.map(String).join('.') || '(input)', message: issue.message, code: issue.code };
  });
  const first = issues[0] ?? { field: '(input)', message: 'invalid input', code: 'custom' };
  return {
    code: 'VALIDATION_FAILED',
    message: `${first.field}: ${first.message}`,
    field: first.field,
    issues,
  };
}
