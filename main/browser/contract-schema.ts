// GET /api: the contract as JSON Schema, so hospital IT scripts and
// integrations can see every method's input and output without reading code.
import { z } from 'zod';
import { CallError } from '../../preload/contract/errors';
import { methodNames, methods } from '../../preload/contract/methods';

export function describeContract(appVersion: string) {
  const schema = (type: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(type, { io, unrepresentable: 'any' });
  return {
    name: 'HIMS Counter API',
    version: appVersion,
    call: 'POST /api/<method> with a JSON body; answers {"ok":true,"value":…} or {"ok":false,"error":…} with a 4xx/5xx status',
    auth: 'Authorization: Bearer <api key given to the server with --api-key or HIMS_API_KEY>',
    error: schema(CallError, 'output'),
    methods: Object.fromEntries(
      methodNames.map((name) => [
        name,
        {
          summary: methods[name].summary,
          input: schema(methods[name].input, 'input'),
          output: schema(methods[name].output, 'output'),
        },
      ]),
    ),
  };
}
