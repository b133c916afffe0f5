// A desktop room screen or hall board on another machine than its counter
// (--room/--board --counter https://HOST:5172): no core of its own, one
// window on the counter's screens server, over TLS that trusts the paired key
// alone (docs/peers.md "Room screens and boards over TLS"). The page talks to
// the counter over HTTPS like a browser (no preload bridge).
import { session, type BrowserWindow } from 'electron';
import { carriesPinnedKey } from '../screens/screen-client';
import { screenPairing } from '../screens/screen-pairing-file';
import { keepWindowsOnTheirPage, screenWindow } from './screen-window';

/** Chromium's verdicts for setCertificateVerifyProc. */
const TRUSTED = 0;
const REFUSED = -2;

export async function openThinScreen(
  mode: 'room' | 'board',
  dataDir: string,
  counter: string,
  code: string | undefined,
): Promise<BrowserWindow> {
  const pairing = await screenPairing(dataDir, counter, code);
  const origin = new URL(pairing.counterUrl);
  // The paired counter's key, at the address it was paired at; nothing else is reached from this screen.
  session.defaultSession.setCertificateVerifyProc((request, callback) =>
    callback(request.hostname === origin.hostname && carriesPinnedKey(request.certificate.data, pairing) ? TRUSTED : REFUSED),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, grant) => grant(false));
  keepWindowsOnTheirPage((url) => new URL(url).origin === origin.origin);
  const win = screenWindow(mode);
  await win.loadURL(`${origin.origin}/?mode=${mode}`);
  return win;
}
