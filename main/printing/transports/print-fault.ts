// Why a slip did not print, in words a clerk can act on. Every transport
// turns its failures into one of the contract's printer fault codes; the job
// keeps the code.
import type { PrinterFaultCode } from '../../../preload/contract/methods/printing-methods';

export type FaultCode = PrinterFaultCode;

const MESSAGES: Record<FaultCode, string> = {
  connection_refused: 'the printer refused the connection (off, or another port)',
  connect_timeout: 'the printer did not answer the connection (off, unplugged or wrong address)',
  write_timeout: 'the printer stopped taking data',
  status_timeout: 'the printer took the slip but did not answer the status check; it may not have printed',
  disconnected: 'the printer dropped the connection while printing',
  paper_out: 'the printer is out of paper',
  device_error: 'the printer device could not be written',
  os_queue_failed: 'the system print queue refused the slip',
  cancelled: 'printing was stopped',
};

export class PrintFault extends Error {
  constructor(
    readonly code: FaultCode,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code]);
    this.name = 'PrintFault';
  }
}

export interface PrintTimeouts {
  connectMs: number;
  writeMs: number;
  statusMs: number;
}

export const DEFAULT_TIMEOUTS: PrintTimeouts = { connectMs: 3000, writeMs: 10_000, statusMs: 3000 };
