// Printers on a device file: USB printer class (/dev/usb/lp0) or a serial
// port (/dev/ttyUSB0, set up with stty). Opening and writing are raced
// against time-outs so a printer that stops taking data never stalls the
// worker; a write stuck in the kernel keeps one libuv thread until the device
// gives up, which is why the worker moves on instead of waiting for it.
import { open } from 'node:fs/promises';
import { PrintFault, type PrintTimeouts } from './print-fault';

function within<T>(work: Promise<T>, ms: number, fault: () => PrintFault, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(fault()), ms);
    const onAbort = () => reject(new PrintFault('cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(
          err instanceof PrintFault
            ? err
            : new PrintFault(
                'device_error',
                err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err),
              ),
        );
      },
    );
  });
}

export async function sendDevice(
  path: string,
  data: Buffer,
  options: { timeouts: PrintTimeouts; signal?: AbortSignal },
): Promise<void> {
  // 'a': never truncate (a plain file used as a capture in tests keeps every job); no O_CREAT surprises on /dev.
  const opening = open(path, 'a');
  const handle = await within(
    opening,
    options.timeouts.connectMs,
    () => new PrintFault('connect_timeout', path),
    options.signal,
  ).catch((err: unknown) => {
    void opening.then((h) => h.close()).catch(() => {});
    throw err;
  });
  try {
    await within(handle.write(data), options.timeouts.writeMs, () => new PrintFault('write_timeout', path), options.signal);
  } finally {
    void handle.close().catch(() => {});
  }
}
