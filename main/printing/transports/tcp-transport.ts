// Network ESC/POS printers (tcp://host:9100, "raw"/JetDirect). Every step has
// its own time-out, and a resolved write only means the bytes left this
// machine: when the settings ask for it, the printer's answer to a status
// query sent after the slip is what says it printed (GS r 1 is answered in
// order, after the slip; DLE EOT 4 in real time).
// https://reference.epson-biz.com/modules/ref_escpos/index.php?content_id=124 (GS r)
// https://reference.epson-biz.com/modules/ref_escpos/index.php?content_id=118 (DLE EOT)
import { connect, type Socket } from 'node:net';
import { PrintFault, type PrintTimeouts } from './print-fault';

export type StatusQuery = 'gs_r' | 'dle_eot' | 'none';

export const STATUS_QUERY_BYTES: Record<Exclude<StatusQuery, 'none'>, Buffer> = {
  gs_r: Buffer.from([0x1d, 0x72, 0x01]), // GS r 1: paper sensor status
  dle_eot: Buffer.from([0x10, 0x04, 0x04]), // DLE EOT 4: roll paper sensor status
};

/** Reads the paper state from the status byte. GS r 1: bits 2-3 paper end; DLE EOT 4: bits 5-6. */
export function paperOut(query: Exclude<StatusQuery, 'none'>, reply: number): boolean {
  return query === 'gs_r' ? (reply & 0x0c) !== 0 : (reply & 0x60) !== 0;
}

export function parseTcpTarget(uri: string): { host: string; port: number } {
  const match = /^tcp:\/\/([^:/]+)(?::(\d+))?$/.exec(uri);
  if (!match) throw new Error(`not a tcp:// printer address: ${uri}`);
  return { host: match[1]!, port: match[2] ? Number(match[2]) : 9100 };
}

export function sendTcp(
  uri: string,
  data: Buffer,
  options: { timeouts: PrintTimeouts; statusQuery: StatusQuery; signal?: AbortSignal },
): Promise<void> {
  const { host, port } = parseTcpTarget(uri);
  const { timeouts, statusQuery, signal } = options;
  return new Promise<void>((resolve, reject) => {
    let phase: 'connect' | 'write' | 'status' | 'done' = 'connect';
    let timer: NodeJS.Timeout | undefined;
    const socket: Socket = connect({ host, port });

    const finish = (fault?: PrintFault) => {
      if (phase === 'done') return;
      phase = 'done';
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (fault) reject(fault);
      else resolve();
    };
    const arm = (ms: number, fault: () => PrintFault) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(fault()), ms);
    };
    const onAbort = () => finish(new PrintFault('cancelled'));
    if (signal?.aborted) return finish(new PrintFault('cancelled'));
    signal?.addEventListener('abort', onAbort);

    arm(timeouts.connectMs, () => new PrintFault('connect_timeout', `${host}:${port}`));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (phase === 'connect')
        finish(new PrintFault(err.code === 'ECONNREFUSED' ? 'connection_refused' : 'connect_timeout', err.code));
      else finish(new PrintFault('disconnected', err.code));
    });
    socket.on('close', () => finish(new PrintFault('disconnected')));
    socket.on('connect', () => {
      phase = 'write';
      socket.setNoDelay(true);
      arm(timeouts.writeMs, () => new PrintFault('write_timeout'));
      socket.write(data, (err) => {
        if (err || phase !== 'write') return; // 'error' reports it
        if (statusQuery === 'none') {
          socket.end(() => finish());
          return;
        }
        phase = 'status';
        arm(timeouts.statusMs, () => new PrintFault('status_timeout'));
        socket.once('data', (reply: Buffer) => {
          if (paperOut(statusQuery, reply[0] ?? 0)) finish(new PrintFault('paper_out'));
          else finish();
        });
        socket.write(STATUS_QUERY_BYTES[statusQuery]);
      });
    });
  });
}
