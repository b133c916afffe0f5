// The Electron shell: one locked-down window over the same core the browser
// shell uses. The only folder that imports 'electron' (with preload/bridge.ts).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { createCore, type Core } from '../core/create-core';
import { CONTENT_SECURITY_POLICY } from '../browser/static-files';
import { registerContractIpc } from './contract-ipc';
import { electronNativeBinding } from './native-binding';
import { safeStorageSecretStore } from './safe-storage-secrets';
import { EVENT_CHANNEL } from '../../preload/event-channel';
import { electronPrintQueue } from './os-print-queue';

const rendererIndex = join(__dirname, '../renderer/index.html');
const appPageUrl = pathToFileURL(rendererIndex).href;
let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

// `--kiosk` turns this machine into the entrance kiosk: full screen, no way
// out to the desktop, the kiosk screen instead of the counter screen.
// `--room` opens a doctor's room screen, `--board` a hall board (full screen,
// and allowed to speak without a click first): renderer/src/screen-mode.ts.
const screenMode = (['kiosk', 'room', 'board'] as const).find((m) => app.commandLine.hasSwitch(m));
const kioskMode = screenMode === 'kiosk' || screenMode === 'board';

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 800,
    kiosk: kioskMode,
    show: false,
    title: 'HIMS Counter',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      ...(screenMode === 'board' ? { autoplayPolicy: 'no-user-gesture-required' as const } : {}),
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex, screenMode ? { search: `mode=${screenMode}` } : {});
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
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (url !== appPageUrl) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
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
      try {
        core = createCore({
          dataDir: app.getPath('userData'),
          shell: 'electron',
          nativeBinding: electronNativeBinding(app),
          // Printers without ESC/POS: the slip goes through the OS spooler with webContents.print.
          printing: { osQueue: electronPrintQueue(printWindow) },
          // The card issuer's private key: the OS keystore (docs/cards.md).
          secrets: safeStorageSecretStore(join(app.getPath('userData'), 'secrets')),
          // HIMS sync runs in the background once enabled in its settings (its credentials: the same keystore).
          sync: { autoStart: true },
        });
      } catch (err) {
        dialog.showErrorBox('HIMS Counter cannot start', err instanceof Error ? err.message : String(err));
        app.exit(1);
        return;
      }
      registerContractIpc(ipcMain, core.registry, appPageUrl);
      lockDown();
      mainWindow = createWindow();
      // Push events (serial scans, statuses) to the window through the preload bridge.
      core.events.subscribe((event) => mainWindow?.webContents.send(EVENT_CHANNEL, event));
    },
    (err: unknown) => {
      console.error(err);
      app.exit(1);
    },
  );
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
}
