// Debian's Chromium (never a downloaded browser: nothing but npm and Debian
// is reachable here), with the flags that keep it from phoning home, syncing
// or needing a GPU. Shared by playwright.config.ts, the fake-webcam launches
// and the on-screen bench.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
