// scanners.* — settings and status; the serial scanner's reads go out as the
// `scanner.scan` push event, and the UI resolves them like any other scan.
import type { ScannerStatus } from '../../preload/contract/methods/card-schemas';
import type { CoreContext } from '../core/core-context';
import type { CoreEvents } from '../core/core-events';
import type { HandlerMap } from '../core/registry';
import { readScannerSettings, writeScannerSettings } from './scanner-settings';
import { createSerialScanner, type SerialScanner, type SerialState } from './serial-scanner';

export interface ScannerService {
  handlers: HandlerMap;
  start(): void;
  stop(): Promise<void>;
}

export function createScannerService(ctx: CoreContext, events: CoreEvents, options: { retryMs?: number } = {}): ScannerService {
  const { db } = ctx;
  let serialState: SerialState = 'off';
  let lastError: string | null = null;
  let scans = 0;
  const status = (): ScannerStatus => ({ settings: readScannerSettings(db), serialState, lastError, scans });

  const serial: SerialScanner = createSerialScanner({
    ...(options.retryMs ? { retryMs: options.retryMs } : {}),
    onScan(text) {
      scans++;
      events.emit('scanner.scan', { text: text.slice(0, 8000), source: 'serial' });
    },
    onState(state, error) {
      serialState = state;
      if (error !== null || state === 'connected') lastError = error;
      events.emit('scanner.status', status());
    },
  });

  function apply() {
    const settings = readScannerSettings(db);
    serial.configure(settings.serialPort, settings.serialBaudRate);
  }

  return {
    start: apply,
    stop: () => serial.stop(),
    handlers: {
      'scanners.status': () => status(),
      'scanners.configure': (changes) => {
        const next = { ...readScannerSettings(db), ...changes };
        writeScannerSettings(db, next);
        if (changes.serialPort !== undefined || changes.serialBaudRate !== undefined) apply();
        return status();
      },
    },
  };
}
