// The one kind of window the app shows a screen in, whether it runs its own
// core (main.ts) or shows another machine's counter (thin-screen.ts):
// sandboxed, no Node, no spellcheck; the kiosk and a board full screen, a
// board allowed to speak without a click first. No window may open another,
// leave its page or attach a webview.
import { app, BrowserWindow } from 'electron';
import type { StartMode } from '../config/startup-options';

export function screenWindow(mode: StartMode, options: { preload?: string; hiddenUntilReady?: boolean } = {}): BrowserWindow {
  return new BrowserWindow({
    width: 1366,
    height: 800,
    kiosk: mode === 'kiosk' || mode === 'board',
    ...(options.hiddenUntilReady ? { show: false } : {}),
    title: 'HIMS Counter',
    backgroundColor: '#ffffff',
    webPreferences: {
      ...(options.preload ? { preload: options.preload } : {}),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      ...(mode === 'board' ? { autoplayPolicy: 'no-user-gesture-required' as const } : {}),
    },
  });
}

/** Every window the app makes stays on its page: `mayGo` says which addresses it may navigate to. */
export function keepWindowsOnTheirPage(mayGo: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!mayGo(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
