// The support bundle an administrator hands to hospital IT or to us: the
// logs, versions, settings without secrets, database statistics and the
// statuses of sync, backups, the clock and the disk, as one .tar.gz. No
// patient rows: only counts, sizes and the (already scrubbed) logs.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { create as createTar } from 'tar';
import type { Database } from 'better-sqlite3';
import { verifyAuditChainAsync } from '../audit/audit-chain';
import { checkDatabaseFile } from '../backup/db-check';
import { LOG_DIR } from '../log/logger';
import { databaseStats } from './db-stats';

export interface SupportBundleInput {
  db: Database;
  databaseFile: string;
  dataDir: string;
  /** Where the .tar.gz goes (the backup folder, to carry away on its USB stick, or <dataDir>/support). */
  outDir: string;
  name: string;
  versions: Record<string, string | number | null>;
  /** Statuses already shaped by their services (sync, backups, clock, disk). */
  statuses: Record<string, unknown>;
  nativeBinding?: string;
}

/** Keys of the settings table that could ever hold a secret are left out, whatever their value. */
const SECRET_KEY = /secret|password|token|private|key/i;

function settingsWithoutSecrets(db: Database): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of db.prepare('SELECT key, value FROM settings ORDER BY key').all() as {
    key: string;
    value: string;
  }[]) {
    if (SECRET_KEY.test(key)) continue;
    try {
      out[key] = JSON.parse(value) as unknown;
    } catch {
      out[key] = value;
    }
  }
  const sync = db.prepare('SELECT * FROM sync_settings WHERE id = 1').get() as Record<string, unknown> | undefined;
  if (sync) out['sync'] = { ...sync, ca_pem: sync.ca_pem ? '(a CA certificate is set)' : null };
  const backup = db.prepare('SELECT * FROM backup_settings WHERE id = 1').get() as Record<string, unknown> | undefined;
  if (backup) out['backup'] = { ...backup, recovery_json: backup.recovery_json ? '(set)' : null };
  const updates = db.prepare('SELECT * FROM update_settings WHERE id = 1').get();
  if (updates) out['updates'] = updates;
  return out;
}

export async function writeSupportBundle(input: SupportBundleInput): Promise<{ file: string; bytes: number }> {
  const work = join(input.dataDir, 'support-work', input.name);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'logs'), { recursive: true });
  try {
    const check = await checkDatabaseFile(input.databaseFile, input.nativeBinding, false).catch((err: unknown) => ({
      error: err instanceof Error ? err.message : String(err),
    }));
    const chain = await verifyAuditChainAsync(input.db, { maxBreaks: 20 });
    const json = (name: string, value: unknown) => writeFileSync(join(work, name), `${JSON.stringify(value, null, 2)}\n`);
    json('versions.json', {
      ...input.versions,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      os: `${platform()} ${release()} ${arch()}`,
    });
    json('settings.json', settingsWithoutSecrets(input.db));
    json('database.json', {
      ...databaseStats(input.db, input.databaseFile),
      integrity: 'error' in check ? { error: check.error } : { ok: check.ok, problems: check.problems },
      auditChain: {
        intact: chain.intact,
        entries: chain.entries,
        head: chain.head,
        breaks: chain.breaks.map((b) => ({ seq: b.seq, at: b.at, reason: b.reason })),
      },
    });
    json('status.json', input.statuses);
    const logDir = join(input.dataDir, LOG_DIR);
    if (existsSync(logDir))
      for (const f of readdirSync(logDir).filter((n) => n.endsWith('.log'))) copyFileSync(join(logDir, f), join(work, 'logs', f));
    mkdirSync(input.outDir, { recursive: true });
    const file = join(input.outDir, `${input.name}.tar.gz`);
    await createTar({ gzip: true, file, cwd: join(input.dataDir, 'support-work'), portable: true }, [input.name]);
    return { file, bytes: statSync(file).size };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
