// npm run hims:dev [-- --port 8103 --token SECRET --client-id ID --client-secret S]
// A development FHIR R4 server on 127.0.0.1, data in memory (gone on exit).
import { parseArgs } from 'node:util';
import { startHimsServer } from './hims-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8103' },
    token: { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
  },
});
const client =
  values['client-id'] && values['client-secret'] ? { id: values['client-id'], secret: values['client-secret'] } : undefined;
const auth = values.token || client ? { bearerToken: values.token, client } : undefined;
startHimsServer({ port: Number(values.port), auth })
  .then((server) => {
    console.log(`development HIMS (FHIR R4, in memory) at ${server.baseUrl}${auth ? ' (auth required)' : ''}`);
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
