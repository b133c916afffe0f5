// The Electron main process's start-up (main/electron/main.ts), run for real
// against a fake 'electron' module (its runtime cannot be launched here) and a
// createCore that records what it was given. What this guards: the desktop
// app's command line and counter.json reach the core, so no counter starts
// as the default letter of the default hospital.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreOptions } from '../../main/core/create-core';

const seen = vi.hoisted(() => ({
  coreOptions: [] as unknown[],
  windows: [] as { options: unknown; loaded: unknown[] }[],
  errors: [] as string[],
  exitCodes: [] as number[],
  appDir: '',
  userData: '',
}));

vi.mock('electron', () => {
  class BrowserWindow {
    loaded: unknown[] = [];
    webContents = { send: () => {} };
    constructor(readonly options: unknown) {
      seen.windows.push(this);
    }
    once() {}
    loadFile(...args: unknown[]) {
      this.loaded.push(args);
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
  }
  const app = {
    isPackaged: false,
    commandLine: { hasSwitch: () => false },
    getPath: () => seen.userData,
    getAppPath: () => seen.appDir,
    requestSingleInstanceLock: () => true,
    on: () => app,
    whenReady: () => Promise.resolve(),
    quit: () => {},
    exit: (code: number) => seen.exitCodes.push(code),
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (_title: string, message: string) => seen.errors.push(message) },
    ipcMain: { handle: () => {} },
    safeStorage: { isEncryptionAvailable: () => false },
    session: { defaultSession: { webRequest: { onHeadersReceived: () => {} }, setPermissionRequestHandler: () => {} } },
  };
});

// The updater is not started in a development build (app.isPackaged is false here).
vi.mock('electron-updater', () => ({ autoUpdater: {} }));

vi.mock('../../main/core/create-core', () => ({
  DEFAULT_IDLE_LOCK_MINUTES: 5,
  createCore: (options: unknown) => {
    seen.coreOptions.push(options);
    return { registry: { dispatch: () => {}, registered: () => [] }, events: { subscribe: () => () => {} }, close: () => {} };
  },
}));

const argvBefore = process.argv;

/** Starts main.ts as `electron . <args>` and waits for the ready handler to run. */
async function startElectron(args: string[]): Promise<void> {
  process.argv = ['/opt/electron/electron', '.', ...args];
  vi.resetModules();
  await import('../../main/electron/main');
  await new Promise((r) => setTimeout(r, 0));
}

const lastCoreOptions = () => seen.coreOptions.at(-1) as CoreOptions;

describe('Electron start-up', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hims-electron-'));
    seen.appDir = join(root, 'app');
    seen.userData = join(root, 'user-data');
    // better-sqlite3 built for Electron, where main.ts looks for it in development.
    mkdirSync(join(seen.appDir, 'node_modules/.hims-electron-native'), { recursive: true });
    writeFileSync(join(seen.appDir, 'node_modules/.hims-electron-native/better_sqlite3.node'), '');
    mkdirSync(seen.userData, { recursive: true });
    seen.coreOptions.length = 0;
    seen.windows.length = 0;
    seen.errors.length = 0;
    seen.exitCodes.length = 0;
  });
  afterEach(() => {
    process.argv = argvBefore;
    rmSync(root, { recursive: true, force: true });
  });

  it('gives the core the identity from its command line', async () => {
    await startElectron([
      '--counter-letter',
      'C',
      '--hospital-code',
      'LNH',
      '--hospital-name',
      'Lok Nayak Hospital',
      '--time-zone',
      'Asia/Kolkata',
      '--idle-lock-minutes',
      '10',
      '--disable-gpu', // a Chromium switch: not ours, not an error
    ]);
    expect(seen.errors).toEqual([]);
    const options = lastCoreOptions();
    expect(options.shell).toBe('electron');
    expect(options.dataDir).toBe(seen.userData);
    expect(options.settings).toEqual({
      counterLetter: 'C',
      hospitalCode: 'LNH',
      hospitalName: 'Lok Nayak Hospital',
      timeZone: 'Asia/Kolkata',
    });
    expect(options.idleLockMinutes).toBe(10);
  });

  it('reads counter.json beside the database, and the command line wins over it', async () => {
    const dataDir = join(root, 'counter-d');
    mkdirSync(dataDir);
    writeFileSync(
      join(dataDir, 'counter.json'),
      JSON.stringify({ hospitalName: 'Guru Teg Bahadur Hospital', hospitalCode: 'GTB', counterLetter: 'D' }),
    );
    await startElectron(['--data-dir', dataDir, '--counter-letter', 'E']);
    expect(seen.errors).toEqual([]);
    expect(lastCoreOptions().dataDir).toBe(dataDir);
    expect(lastCoreOptions().settings).toEqual({
      hospitalName: 'Guru Teg Bahadur Hospital',
      hospitalCode: 'GTB',
      counterLetter: 'E',
    });
  });

  it('opens the kiosk screen with --kiosk', async () => {
    await startElectron(['--kiosk']);
    const window = seen.windows[0]!;
    expect(window.options).toMatchObject({ kiosk: true, webPreferences: { sandbox: true, contextIsolation: true } });
    expect(window.loaded[0]).toEqual([expect.stringContaining('renderer/index.html'), { search: 'mode=kiosk' }]);
  });

  it('does not start on a counter.json it cannot use, and says why', async () => {
    writeFileSync(join(seen.userData, 'counter.json'), JSON.stringify({ counterLetter: '7' }));
    await startElectron([]);
    expect(seen.coreOptions).toEqual([]);
    expect(seen.errors).toEqual([expect.stringMatching(/counter\.json: counter letter must be one letter A-Z, not "7"/)]);
    expect(seen.exitCodes).toEqual([1]);
    expect(seen.windows).toEqual([]);
  });
});
