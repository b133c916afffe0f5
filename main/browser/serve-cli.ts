// npm run serve -- --port 5170 --data-dir ./data [--api-key KEY] [--counter-letter B]
// Starts the browser shell over the built renderer (npm run build).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CounterSettings } from '../config/counter-identity';
import { defaultDataDir } from '../config/data-dir';
import { createCore, DEFAULT_IDLE_LOCK_MINUTES } from '../core/create-core';
import { startBrowserShell } from './http-server';

const USAGE = `usage: npm run serve -- [--port 5170] [--data-dir DIR] [--api-key KEY] [--host 127.0.0.1]
       [--counter-letter A] [--hospital-name NAME] [--hospital-code GH] [--time-zone Asia/Kolkata]
       [--idle-lock-minutes 5]`;

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5170' },
      'data-dir': { type: 'string' },
      'api-key': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-host': { type: 'string', multiple: true },
      'renderer-dir': { type: 'string' },
      'counter-letter': { type: 'string' },
      'hospital-name': { type: 'string' },
      'hospital-code': { type: 'string' },
      'time-zone': { type: 'string' },
      'idle-lock-minutes': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, not "${values.port}"`);
  const apiKey = values['api-key'] ?? process.env.HIMS_API_KEY;
  if (apiKey !== undefined && apiKey.length < 16) throw new Error('the API key must be at least 16 characters');
  const rendererDir = resolve(values['renderer-dir'] ?? join(__dirname, '../../out/renderer'));
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error(`no built renderer in ${rendererDir}: run "npm run build" first`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const settings: CounterSettings = {
    ...(values['counter-letter'] ? { counterLetter: values['counter-letter'] } : {}),
    ...(values['hospital-name'] ? { hospitalName: values['hospital-name'] } : {}),
    ...(values['hospital-code'] ? { hospitalCode: values['hospital-code'] } : {}),
    ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
  };

  const idleLockMinutes = Number(values['idle-lock-minutes'] ?? DEFAULT_IDLE_LOCK_MINUTES);
  if (!Number.isInteger(idleLockMinutes) || idleLockMinutes < 1 || idleLockMinutes > 120) {
    throw new Error(`--idle-lock-minutes must be 1-120, not "${values['idle-lock-minutes']}"`);
  }

  // A restore staged from the Maintenance screen restarts the counter in this
  // process onto the restored database, on the same address (sign in again).
  let restart: () => void = () => {};
  const open = async () => {
    const core = createCore({
      dataDir,
      shell: 'browser',
      settings,
      sync: { autoStart: true },
      ops: { autoStart: true, onRestartRequested: () => restart() },
      idleLockMinutes,
    });
    const shell = await startBrowserShell({
      core,
      rendererDir,
      port,
      host: values.host,
      apiKey,
      extraHosts: values['allow-host'] ?? [],
    });
    return { core, shell };
  };
  let running = await open();
  console.log(`HIMS Counter (browser shell) at ${running.shell.url}  data: ${dataDir}${apiKey ? '  API key: set' : ''}`);
  restart = () => {
    void running.shell
      .close()
      .then(() => running.core.close())
      .then(open)
      .then((next) => {
        running = next;
        console.log('restarted onto the restored database');
      })
      .catch((err: unknown) => {
        console.error(`hims-counter: restart after restore failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      });
  };

  const stop = () => {
    // One last backup (when backups are on), then close.
    void running.shell.close().then(async () => {
      await running.core.closeGracefully();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`hims-counter: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
