// Checks a copy of the database in a worker thread: PRAGMA integrity_check
// reads every page, seconds on a large file, and the counter's event loop
// must keep serving clerks meanwhile. The copy is also switched out of WAL
// mode so it is one self-contained file.
import { Worker } from 'node:worker_threads';
import type { ChainHead } from '../audit/audit-chain';

export interface DbCheck {
  ok: boolean;
  /** integrity_check's own lines when not ok (page numbers, index names: no row content). */
  problems: string[];
  schemaVersion: number;
  auditHead: ChainHead | null;
  patients: number;
  tokens: number;
}

// Plain CommonJS: runs as a worker's eval script in Node and in Electron's main process alike.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  if (workerData.selfContained) db.pragma('journal_mode = DELETE');
  const lines = db.pragma('integrity_check(20)').map((r) => String(Object.values(r)[0]));
  const ok = lines.length === 1 && lines[0] === 'ok';
  const has = (t) => db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?").get(t).n > 0;
  const count = (t) => (has(t) ? db.prepare('SELECT count(*) AS n FROM ' + t).get().n : 0);
  let head = null;
  if (has('audit_log') && db.prepare("SELECT count(*) AS n FROM pragma_table_info('audit_log') WHERE name = 'hash'").get().n > 0) {
    const row = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    head = row && row.hash ? { seq: row.seq, hash: row.hash } : null;
  }
  parentPort.postMessage({ ok, problems: ok ? [] : lines, schemaVersion: db.pragma('user_version', { simple: true }), auditHead: head,
    patients: count('patients'), tokens: count('tokens') });
} catch (err) {
  parentPort.postMessage({ error: err && err.message ? err.message : String(err) });
} finally {
  if (db) db.close();
}
`;

/**
 * `selfContained` (a backup's copy): also leave WAL mode, so the file needs
 * no -wal beside it. Never for the live database, which stays in WAL.
 */
export function checkDatabaseFile(file: string, nativeBinding?: string, selfContained = true): Promise<DbCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { file, selfContained, module: require.resolve('better-sqlite3'), ...(nativeBinding ? { nativeBinding } : {}) },
    });
    let settled = false;
    worker.once('message', (answer: DbCheck | { error: string }) => {
      settled = true;
      if ('error' in answer) reject(new Error(`the copy could not be checked: ${answer.error}`));
      else resolve(answer);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the check stopped (exit ${code})`));
    });
  });
}
