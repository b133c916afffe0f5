// A network thermal printer on 127.0.0.1 for tests: it captures every job's
// bytes (one connection = one job), answers the status queries a real ESC/POS
// printer answers (GS r 1, DLE EOT n), and can misbehave on demand: refuse
// connections (stopped), accept but never read, drop the connection mid-job,
// or report paper out.
import { createServer, type Server, type Socket } from 'node:net';

export type PrinterMode = 'ok' | 'paper_out' | 'never_read' | 'disconnect_mid_job';

export class LoopbackPrinter {
  /** Completed jobs' bytes, in the order their connections closed. */
  readonly jobs: Buffer[] = [];
  mode: PrinterMode = 'ok';
  /** For disconnect_mid_job: how many bytes to take before hanging up. */
  disconnectAfter = 64;
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  private waiters: { count: number; resolve: () => void }[] = [];
  port = 0;

  get uri(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** Listens (again) on the same port, so a stopped printer comes back where the settings point. */
  async start(): Promise<this> {
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    return this;
  }

  /** Closes the port: connections are refused until start() again. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves once `count` jobs have been captured in total (rejects after `timeoutMs`). */
  waitForJobs(count: number, timeoutMs = 5000): Promise<void> {
    if (this.jobs.length >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${this.jobs.length} of ${count} jobs arrived`)), timeoutMs);
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const chunks: Buffer[] = [];
    let received = 0;
    if (this.mode === 'never_read') {
      socket.pause(); // takes the connection, reads nothing: the kernel buffers fill and stay full
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {});
      return;
    }
    const mode = this.mode;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (mode === 'disconnect_mid_job' && received >= this.disconnectAfter) {
        socket.destroy();
        return;
      }
      this.answerStatus(socket, chunks);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (mode !== 'ok' || received === 0) return;
      this.jobs.push(Buffer.concat(chunks));
      for (const waiter of this.waiters.filter((w) => this.jobs.length >= w.count)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  }

  /**
   * A status query is the last thing a job sends, so it is answered when the
   * bytes so far end with one (the same bytes inside raster data are not a query).
   * GS r 1 → the paper sensor byte; DLE EOT 4 → the roll paper byte.
   */
  private answerStatus(socket: Socket, chunks: Buffer[]): void {
    const last = chunks.at(-1)!;
    const tail = last.length >= 3 ? last.subarray(last.length - 3) : Buffer.concat(chunks.slice(-3)).subarray(-3);
    const paperOut = this.mode === 'paper_out';
    if (tail.equals(Buffer.from([0x1d, 0x72, 0x01]))) socket.write(Buffer.from([paperOut ? 0x0c : 0x00]));
    else if (tail.equals(Buffer.from([0x10, 0x04, 0x04]))) socket.write(Buffer.from([paperOut ? 0x72 : 0x12]));
  }
}
