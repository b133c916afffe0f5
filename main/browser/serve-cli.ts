// npm run serve -- --port 5170 --data-dir ./data [--api-key KEY] [--counter-letter B]
// Starts the browser shell over the built renderer (npm run build). The
// options are the desktop app's too (main/config/startup-options.ts).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../config/data-dir';
import { counterSettings, parseStartupArgs, USAGE } from '../config/startup-options';
import { createCore, DEFAULT_IDLE_LOCK_MINUTES } from '../core/create-core';
import { startScreensServer } from '../screens/screens-server';
import { startBrowserShell } from './http-server';

/** The counter's own machine only: screens elsewhere cannot reach it, so no TLS server is needed. */
function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

export async function main(argv: string[]): Promise<void> {
  const options = parseStartupArgs(argv, { strict: true });
  if (options.help) {
    console.log(`usage: npm run serve -- [options]\n${USAGE}`);
    return;
  }
  const apiKey = options.apiKey ?? process.env.HIMS_API_KEY;
  if (apiKey !== undefined && apiKey.length < 16) throw new Error('the API key must be at least 16 characters');
  const rendererDir = resolve(options.rendererDir ?? join(__dirname, '../../out/renderer'));
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error(`no built renderer in ${rendererDir}: run "npm run build" first`);
  const dataDir = resolve(options.dataDir ?? defaultDataDir());

  // A restore staged from the Maintenance screen restarts the counter in this
  // process onto the restored database, on the same address (sign in again).
  let restart: () => void = () => {};
  const open = async () => {
    const core = createCore({
      dataDir,
      shell: 'browser',
      settings: counterSettings(dataDir, options),
      sync: { autoStart: true },
      ops: { autoStart: true, onRestartRequested: () => restart() },
      idleLockMinutes: options.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
      peers: { host: options.peerHost, port: options.peerPort, announce: true },
    });
    // On the hospital network, room screens and boards get the counter over TLS only (docs/peers.md).
    const screens = isLoopbackHost(options.host)
      ? null
      : await startScreensServer({
          core,
          rendererDir,
          host: options.host,
          port: options.screensPort,
          extraHosts: options.allowHosts,
          apiKey,
        });
    const shell = await startBrowserShell({
      core,
      rendererDir,
      port: options.port,
      host: options.host,
      apiKey,
      extraHosts: options.allowHosts,
      screens: () => screens?.info ?? null,
    });
    return {
      core,
      shell: {
        ...shell,
        close: async () => {
          await screens?.close();
          await shell.close();
        },
      },
      screens,
    };
  };
  let running = await open();
  const page = options.mode === 'counter' ? running.shell.url : `${running.shell.url}?mode=${options.mode}`;
  console.log(`HIMS Counter (browser shell) at ${page}  data: ${dataDir}${apiKey ? '  API key: set' : ''}`);
  if (running.screens) {
    const { port, pairingCode } = running.screens.info;
    console.log(`room screens and boards over TLS on port ${port}; pairing code ${pairingCode}`);
  }
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
