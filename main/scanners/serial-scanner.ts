// A USB-COM (serial) barcode scanner read in the core with `serialport`
// (docs/design.md §4). Each scan ends in CR and/or LF (or, for a scanner set up
// with no suffix, a pause); each complete scan is handed to onScan. When the
// device is unplugged, or not there yet, the service keeps retrying once a
// second until it is back or the settings change.
import { SerialPort } from 'serialport';

export type SerialState = 'off' | 'connecting' | 'connected' | 'waiting_for_device';

export interface SerialScannerOptions {
  onScan(text: string): void;
  onState(state: SerialState, error: string | null): void;
  retryMs?: number;
  /** A scan with no terminator is complete after this pause. */
  idleFlushMs?: number;
  maxScanLength?: number;
}

/** The part of @serialport/bindings-cpp's Poller used here (Linux and macOS bindings; Windows has none). */
interface HangUpPoller {
  once(event: 'disconnect', listener: (err: (Error & { canceled?: boolean }) | null) => void): unknown;
}

export interface SerialScanner {
  configure(port: string | null, baudRate: number): void;
  stop(): Promise<void>;
}

export function createSerialScanner(options: SerialScannerOptions): SerialScanner {
  const retryMs = options.retryMs ?? 1000;
  const idleFlushMs = options.idleFlushMs ?? 150;
  const maxLength = options.maxScanLength ?? 8000;
  let wanted: { path: string; baudRate: number } | null = null;
  let port: SerialPort | null = null;
  let retry: NodeJS.Timeout | null = null;
  let flush: NodeJS.Timeout | null = null;
  let buffer = '';
  let generation = 0; // settings changes make old callbacks harmless

  function state(s: SerialState, error: string | null = null) {
    options.onState(s, error);
  }

  function emit() {
    if (flush) clearTimeout(flush);
    flush = null;
    const text = buffer.trim();
    buffer = '';
    if (text) options.onScan(text);
  }

  function onData(chunk: Buffer) {
    for (const ch of chunk.toString('latin1')) {
      if (ch === '\r' || ch === '\n') emit();
      else if (buffer.length < maxLength + 1) buffer += ch;
    }
    if (flush) clearTimeout(flush);
    // Over-long garbage is passed on as is: cards.resolve refuses it with a clear reason.
    if (buffer) flush = setTimeout(emit, idleFlushMs).unref();
  }

  function scheduleRetry(mine: number, error: string) {
    if (mine !== generation || !wanted) return;
    state('waiting_for_device', error);
    retry = setTimeout(() => open(mine), retryMs);
    retry.unref();
  }

  /**
   * On Linux and macOS a device that hangs up (unplugged, or its other end
   * closed) can read as end-of-file instead of an error, and serialport's
   * reader then reads again at once, forever: a core spinning on one CPU and
   * a scanner never reported gone. The binding's fd poller reports the hang-up
   * itself; closing the port there ends the reading and starts the retries.
   */
  function closeOnHangUp(p: SerialPort) {
    const poller = (p.port as { poller?: HangUpPoller } | undefined)?.poller;
    poller?.once('disconnect', (err) => {
      if (err?.canceled || !p.isOpen) return; // the port was closed on purpose
      p.close();
    });
  }

  function open(mine: number) {
    retry = null;
    if (mine !== generation || !wanted) return;
    state('connecting');
    const p = new SerialPort({ path: wanted.path, baudRate: wanted.baudRate, autoOpen: false });
    port = p;
    p.on('data', (chunk: Buffer) => mine === generation && onData(chunk));
    p.on('error', () => {}); // 'close' follows; errors are reported from there
    p.on('close', (err: Error | null) => {
      if (port === p) port = null;
      emit();
      scheduleRetry(mine, err ? `disconnected: ${err.message}` : 'disconnected');
    });
    p.open((err) => {
      if (err) {
        if (port === p) port = null;
        scheduleRetry(mine, err.message);
      } else if (mine === generation) {
        closeOnHangUp(p);
        state('connected');
      } else {
        p.close();
      }
    });
  }

  function closeCurrent(): Promise<void> {
    if (retry) clearTimeout(retry);
    retry = null;
    if (flush) clearTimeout(flush);
    flush = null;
    buffer = '';
    const p = port;
    port = null;
    if (!p || !p.isOpen) return Promise.resolve();
    return new Promise((resolve) => p.close(() => resolve()));
  }

  return {
    configure(path, baudRate) {
      generation++;
      const mine = generation;
      wanted = path ? { path, baudRate } : null;
      void closeCurrent().then(() => {
        if (mine !== generation) return;
        if (wanted) open(mine);
        else state('off');
      });
    },
    async stop() {
      generation++;
      wanted = null;
      await closeCurrent();
    },
  };
}
