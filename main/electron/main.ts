// The Electron shell: one locked-down window over the same core the browser
// shell uses. The only folder that imports 'electron' (with preload/bridge.ts).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { counterSettings, parseStartupArgs, type StartMode, type StartupOptions } from '../config/startup-options';
import { createCore, DEFAULT_IDLE_LOCK_MINUTES, type Core } from '../core/create-core';
import { CONTENT_SECURITY_POLICY } from '../browser/static-files';
import { registerContractIpc } from './contract-ipc';
import { electronNativeBinding } from './native-binding';
import { safeStorageSecretStore } from './safe-storage-secrets';
import { EVENT_CHANNEL } from '../../preload/event-channel';
import { electronPrintQueue } from './os-print-queue';
import { createUpdatePolicy, type UpdatePolicy } from './updater';
import { readFeedUrl } from '../ops/update-settings';
import { openThinScreen } from './thin-screen';
import { keepWindowsOnTheirPage, screenWindow } from './screen-window';

const rendererIndex = join(__dirname, '../renderer/index.html');
const appPageUrl = pathToFileURL(rendererIndex).href;
let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
let updates: UpdatePolicy | undefined;
/** Set once the last backup has run (or is not wanted): the next quit goes through. */
let readyToQuit = false;

/**
 * The app's own arguments: after the executable, and after the app's folder
 * when started as `electron .`. Chromium's switches may be among them; the
 * parser ignores what it does not know.
 */
function startupOptions(): StartupOptions {
  return parseStartupArgs(process.argv.slice(app.isPackaged ? 1 : 2), { strict: false });
}

// `--kiosk` turns this machine into the entrance kiosk: full screen, no way
// out to the desktop. `--room` opens a doctor's room screen, `--board` a hall
// board (full screen, and allowed to speak without a click first):
// renderer/src/screen-mode.ts.
function createWindow(mode: StartMode): BrowserWindow {
  const win = screenWindow(mode, { preload: join(__dirname, '../preload/index.cjs'), hiddenUntilReady: true });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex, mode === 'counter' ? {} : { search: `mode=${mode}` });
  return win;
}

/** A hidden, script-less window that holds one slip page while it is printed (os: printers). */
function printWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
}

function lockDown(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // The webcam (card scanning) is the only permission the counter needs.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, grant) => grant(permission === 'media'));
  keepWindowsOnTheirPage((url) => url === appPageUrl);
}

if (!app.requestSingleInstanceLock()) {
  // A second launch focuses the counter that is already open.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(
    () => {
      let startup: StartupOptions;
      try {
        startup = startupOptions();
        if (startup.counter) {
          // A room screen or board on another machine: the counter's page over pinned TLS, no core here.
          if (startup.mode !== 'room' && startup.mode !== 'board') throw new Error('--counter goes with --room or --board');
          const dataDir = startup.dataDir ? resolve(startup.dataDir) : app.getPath('userData');
          openThinScreen(startup.mode, dataDir, startup.counter, startup.pairingCode).then(
            (win) => (mainWindow = win),
            (err: unknown) => {
              dialog.showErrorBox('HIMS Counter cannot reach its counter', err instanceof Error ? err.message : String(err));
              app.exit(1);
            },
          );
          readyToQuit = true;
          return;
        }
        // The same folder as the browser shell's default; --data-dir for a second counter on one machine.
        const dataDir = startup.dataDir ? resolve(startup.dataDir) : app.getPath('userData');
        core = createCore({
          dataDir,
          shell: 'electron',
          // Who this counter is: its counter.json (laid down by the installer or IT) and the command line.
          settings: counterSettings(dataDir, startup),
          idleLockMinutes: startup.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
          // The hospital's other counters reach this one here, once a network key is set (docs/peers.md).
          peers: { host: startup.peerHost, port: startup.peerPort, announce: true },
          nativeBinding: electronNativeBinding(app),
          // Printers without ESC/POS: the slip goes through the OS spooler with webContents.print.
          printing: { osQueue: electronPrintQueue(printWindow) },
          // The card issuer's private key: the OS keystore (docs/cards.md).
          secrets: safeStorageSecretStore(join(dataDir, 'secrets')),
          // HIMS sync runs in the background once enabled in its settings (its credentials: the same keystore).
          sync: { autoStart: true },
          // Backups on their schedule, the clock watch; a staged restore restarts the app onto it.
          ops: {
            autoStart: true,
            selfUpdating: true,
            onRestartRequested: () => {
              readyToQuit = true;
              core?.close();
              app.relaunch();
              app.exit(0);
            },
          },
        });
      } catch (err) {
        dialog.showErrorBox('HIMS Counter cannot start', err instanceof Error ? err.message : String(err));
        app.exit(1);
        return;
      }
      registerContractIpc(ipcMain, core.registry, appPageUrl);
      lockDown();
      mainWindow = createWindow(startup.mode);
      // Push events (serial scans, statuses) to the window through the preload bridge.
      core.events.subscribe((event) => mainWindow?.webContents.send(EVENT_CHANNEL, event));
      startUpdates(core);
    },
    (err: unknown) => {
      console.error(err);
      app.exit(1);
    },
  );
  app.on('window-all-closed', () => app.quit());
  // One last backup before the app goes (docs/decisions.md "Backups"), then quit for real.
  app.on('before-quit', (event) => {
    if (readyToQuit || !core) return;
    event.preventDefault();
    readyToQuit = true;
    updates?.stop();
    void core.closeGracefully().finally(() => app.quit());
  });
  app.on('will-quit', () => core?.close());
}

/** electron-updater against the hospital's server from Maintenance (main/electron/updater.ts). */
function startUpdates(running: Core): void {
  if (!app.isPackaged) return; // a development build has no installer to update
  updates = createUpdatePolicy({
    updater: autoUpdater,
    feedUrl: () => readFeedUrl(running.db),
    anyoneSignedIn: () => running.desk.liveCount() > 0,
    report: (words) => running.ops.setUpdaterStatus(words),
    log: (message) => running.logger.child('updates').info(message),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  });
  running.ops.onFeedChange((url) => updates?.feedChanged(url));
  updates.start();
}
