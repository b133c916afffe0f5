// An unplugged serial scanner is reported gone every time. On Linux a device
// that hangs up can read as end-of-file rather than an error, and serialport's
// reader then reads again at once, forever: the core spun on a CPU and never
// said the scanner was gone (about one unplug in twenty here, with socat's pty
// standing in for the USB device). Forty unplugs in a row catch it.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSerialScanner, type SerialScanner, type SerialState } from '../../main/scanners/serial-scanner';
import { startPtyPair, type PtyPair } from '../support/pty-pair';
import { tempDir } from '../support/temp-core';

const UNPLUGS = 40;

let scanner: SerialScanner | null = null;
let pty: PtyPair | null = null;
afterEach(async () => {
  await scanner?.stop();
  await pty?.stop();
});

describe('serial scanner unplugged', () => {
  it(`is reported waiting for the device within a second, ${UNPLUGS} times in a row`, async () => {
    const dir = tempDir('hims-hangup-');
    const states: SerialState[] = [];
    const waiters = new Set<{ want: SerialState; resolve: () => void }>();
    scanner = createSerialScanner({
      onScan: () => {},
      onState: (state) => {
        states.push(state);
        for (const w of waiters) if (w.want === state) w.resolve();
      },
      retryMs: 20,
    });
    const reached = (want: SerialState, ms: number) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        waiters.add({
          want,
          resolve: () => {
            clearTimeout(timer);
            resolve(true);
          },
        });
      });

    const missed: number[] = [];
    for (let i = 0; i < UNPLUGS; i++) {
      const connected = reached('connected', 5000);
      pty = await startPtyPair(join(dir, `scanner${i}`), join(dir, `tty${i}`));
      scanner.configure(pty.hostPath, 9600);
      expect(await connected).toBe(true);
      const gone = reached('waiting_for_device', 1000);
      await pty.stop();
      pty = null;
      if (!(await gone)) missed.push(i);
      waiters.clear();
    }
    expect(missed).toEqual([]);
    expect(states.filter((s) => s === 'connected')).toHaveLength(UNPLUGS);
  });
});
