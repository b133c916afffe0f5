// A backup's copy made with VACUUM INTO on a connection of its own, in a
// worker thread: one read transaction, so the copy is a consistent snapshot
// of the last commit and nothing the counter does meanwhile can start it over.
// SQLite's online backup API (db.backup) starts again from the first page
// whenever the source connection rolls a transaction back, and a counter rolls
// back every refused write (a second token in a department, a stale version):
// on a large file, with refusals every few seconds, the backup never ended.
// In WAL mode the reader does not block the clerk's writes, and the event
// loop keeps serving while the worker copies.
import { Worker } from 'node:worker_threads';

// Plain CommonJS: runs as a worker's eval script in Node and in Electron's main process alike.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.source, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  db.prepare('VACUUM INTO ?').run(workerData.copy);
  parentPort.postMessage({ done: true });
} catch (err) {
  parentPort.postMessage({ error: err && err.message ? err.message : String(err) });
} finally {
  if (db) db.close();
}
`;

/** Writes a consistent copy of the database file `source` to `copy` (which must not exist). */
export function snapshotDatabase(source: string, copy: string, nativeBinding?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { source, copy, module: require.resolve('better-sqlite3'), ...(nativeBinding ? { nativeBinding } : {}) },
    });
    let settled = false;
    worker.once('message', (answer: { done: true } | { error: string }) => {
      settled = true;
      if ('error' in answer) reject(new Error(`the database could not be copied: ${answer.error}`));
      else resolve();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the copy stopped (exit ${code})`));
    });
  });
}
