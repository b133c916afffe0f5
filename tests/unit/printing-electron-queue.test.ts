// The Electron OS-queue printer with a fake window (Electron cannot run here):
// the slip page is loaded, printed silently to the named printer at the paper
// width, and the window is always destroyed; a refusal or a silent spooler
// becomes a clear os_queue_failed.
import { describe, expect, it } from 'vitest';
import { electronPrintQueue, type PrintWindow } from '../../main/electron/os-print-queue';
import type { OsSlip } from '../../main/printing/transports/os-queue-transport';

function fakeWindow(answer: 'ok' | 'refuse' | 'never') {
  const seen = { url: '', options: null as unknown, destroyed: false };
  const win: PrintWindow = {
    loadURL: (url) => {
      seen.url = url;
      return Promise.resolve();
    },
    webContents: {
      print: (options, callback) => {
        seen.options = options;
        if (answer === 'ok') callback(true, '');
        else if (answer === 'refuse') callback(false, 'Invalid deviceName provided');
      },
    },
    destroy: () => void (seen.destroyed = true),
  };
  return { win, seen };
}

const slip: OsSlip = {
  printer: 'TVS RP3160 Gold',
  png: Buffer.alloc(0),
  html: '<img src="data:image/png;base64,AA==">',
  widthMm: 80,
};

describe('Electron OS print queue', () => {
  it('prints the slip page silently to the named printer at the paper width', async () => {
    const { win, seen } = fakeWindow('ok');
    await electronPrintQueue(() => win).print(slip, 1000);
    expect(decodeURIComponent(seen.url)).toBe(`data:text/html;charset=utf-8,${slip.html}`);
    expect(seen.options).toMatchObject({ silent: true, deviceName: 'TVS RP3160 Gold', pageSize: { width: 80_000 } });
    expect(seen.destroyed).toBe(true);
  });

  it('turns a refusal or a spooler that never answers into os_queue_failed', async () => {
    const refused = fakeWindow('refuse');
    await expect(electronPrintQueue(() => refused.win).print(slip, 1000)).rejects.toMatchObject({
      code: 'os_queue_failed',
      message: expect.stringContaining('Invalid deviceName'),
    });
    expect(refused.seen.destroyed).toBe(true);
    const silent = fakeWindow('never');
    await expect(electronPrintQueue(() => silent.win).print(slip, 50)).rejects.toMatchObject({ code: 'os_queue_failed' });
    expect(silent.seen.destroyed).toBe(true);
  });
});
