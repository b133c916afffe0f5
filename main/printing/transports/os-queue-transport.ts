// The OS printer queue, for printers without ESC/POS (or driven only by their
// driver): the slip goes as one image. The core defines the interface; the
// Electron shell injects one that prints through webContents.print (the
// Windows spooler), and everywhere else CUPS' `lp -d PRINTER` is used.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrintFault } from './print-fault';

export interface OsSlip {
  /** The queue's name as the OS knows it (the part after "os:"). */
  printer: string;
  /** The whole slip as one PNG, `widthDots` across (203 dpi: 384 = 48 mm, 576 = 72 mm printable). */
  png: Buffer;
  /** The same slip as a small HTML page (the image, sized in mm), for webContents.print. */
  html: string;
  widthMm: number;
}

export interface OsPrintQueue {
  print(slip: OsSlip, timeoutMs: number): Promise<void>;
}

/** CUPS: `lp -d NAME -o fit-to-page slip.png`, bounded by a time-out. */
export function cupsPrintQueue(lpCommand = 'lp'): OsPrintQueue {
  return {
    async print(slip, timeoutMs) {
      const dir = await mkdtemp(join(tmpdir(), 'hims-slip-'));
      const file = join(dir, 'slip.png');
      try {
        await writeFile(file, slip.png);
        await new Promise<void>((resolve, reject) => {
          execFile(
            lpCommand,
            ['-d', slip.printer, '-o', 'fit-to-page', '-o', `media=Custom.${slip.widthMm}x200mm`, file],
            { timeout: timeoutMs },
            (err, _stdout, stderr) => {
              if (err) reject(new PrintFault('os_queue_failed', (stderr || err.message).trim().slice(0, 200)));
              else resolve();
            },
          );
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
