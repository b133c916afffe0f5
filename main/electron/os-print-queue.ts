// The OS print queue inside Electron: the slip (one image in a tiny HTML
// page) printed silently with webContents.print to the named printer, which
// reaches the Windows spooler (and CUPS on Linux) with the printer's own
// driver. Kept free of the 'electron' import (it takes a window factory) so it
// is tested with a fake; main.ts passes one that makes a hidden BrowserWindow.
import type { OsPrintQueue } from '../printing/transports/os-queue-transport';
import { PrintFault } from '../printing/transports/print-fault';

/** The part of a BrowserWindow this needs. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: {
    print(
      options: {
        silent: boolean;
        deviceName: string;
        printBackground: boolean;
        margins: { marginType: 'none' };
        pageSize: { width: number; height: number };
      },
      callback: (success: boolean, failureReason: string) => void,
    ): void;
  };
  destroy(): void;
}

/** Slips are long and narrow: the page is the paper width by 200 mm; the printer's driver cuts at the end. */
const PAGE_HEIGHT_MICRONS = 200_000;

export function electronPrintQueue(createWindow: () => PrintWindow): OsPrintQueue {
  return {
    async print(slip, timeoutMs) {
      const win = createWindow();
      let timer: NodeJS.Timeout | undefined;
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(slip.html)}`);
        await new Promise<void>((resolve, reject) => {
          timer = setTimeout(
            () => reject(new PrintFault('os_queue_failed', 'the print queue did not answer in time')),
            timeoutMs,
          );
          win.webContents.print(
            {
              silent: true,
              deviceName: slip.printer,
              printBackground: true,
              margins: { marginType: 'none' },
              pageSize: { width: slip.widthMm * 1000, height: PAGE_HEIGHT_MICRONS },
            },
            (success, reason) => (success ? resolve() : reject(new PrintFault('os_queue_failed', reason || 'refused'))),
          );
        });
      } finally {
        clearTimeout(timer);
        win.destroy();
      }
    },
  };
}
