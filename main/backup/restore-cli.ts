// npm run restore -- --backup FILE --data-dir DIR [--recovery-code CODE] [--replace]
// npm run restore -- --backup FILE --info
// Restores a backup on a counter that is not running (a new machine, a new
// disk): with this data folder's own key, or the administrator's printed
// recovery code (also read from HIMS_RECOVERY_CODE, or asked for on the
// terminal, so it need not sit in the shell's history).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { plainFileSecretStore } from '../config/secret-store';
import { APP_VERSION } from '../core/app-version';
import { latestVersion, loadMigrations } from '../db/migrate';
import { migrationsDir } from '../db/open-database';
import { readBackupHeader } from './backup-file';
import { DATABASE_FILE, restoreBackup, RestoreError } from './backup-restore';

const USAGE = `usage: npm run restore -- --backup FILE --data-dir DIR [--recovery-code CODE] [--replace]
       npm run restore -- --backup FILE --info
Stop the counter first. The database already in DIR (with --replace) is moved into DIR/replaced-<time>/, never deleted.`;

async function askCode(): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question('Recovery code (as printed; Enter to try this folder’s own key): ')).trim() || undefined;
  } finally {
    rl.close();
  }
}

export async function main(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      backup: { type: 'string' },
      'data-dir': { type: 'string' },
      'recovery-code': { type: 'string' },
      replace: { type: 'boolean' },
      info: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.backup) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  const file = resolve(values.backup);
  if (values.info) {
    const { header } = readBackupHeader(file);
    out(
      JSON.stringify(
        {
          createdAt: header.createdAt,
          counter: `${header.hospitalCode} ${header.counterLetter} (${header.counterId})`,
          appVersion: header.appVersion,
          schemaVersion: header.schemaVersion,
          auditHead: header.auditHead,
          databaseBytes: header.databaseBytes,
          recoveryCode: header.recovery ? 'opens it' : 'not usable (no wrapped key)',
        },
        null,
        2,
      ),
    );
    return 0;
  }
  if (!values['data-dir']) {
    out(USAGE);
    return 2;
  }
  const dataDir = resolve(values['data-dir']);
  if (existsSync(join(dataDir, DATABASE_FILE)) && !values.replace) {
    out(
      `${dataDir} already holds a counter database. Add --replace to put the backup in its place (the current one is kept aside).`,
    );
    return 2;
  }
  const secrets = plainFileSecretStore(join(dataDir, 'secrets'));
  let code = values['recovery-code'] ?? process.env.HIMS_RECOVERY_CODE;
  for (let attempt = 0; ; attempt++) {
    try {
      const outcome = await restoreBackup({
        file,
        dataDir,
        supportedSchema: latestVersion(loadMigrations(migrationsDir())),
        appVersion: APP_VERSION,
        secrets,
        ...(code ? { recoveryCode: code } : {}),
        mode: 'place',
      });
      out(
        `Restored the backup of ${outcome.header.hospitalCode} counter ${outcome.header.counterLetter} made ${outcome.header.createdAt}: ` +
          `${outcome.check.patients} patients, ${outcome.check.tokens} tokens, audit head ${outcome.check.auditHead ? `#${outcome.check.auditHead.seq} ${outcome.check.auditHead.hash}` : 'none'}.`,
      );
      if (outcome.keptAside) out(`The database it replaced is in ${outcome.keptAside}.`);
      out('Start the counter on this data folder; this machine is now that counter (same letter: switch the old one off).');
      return 0;
    } catch (err) {
      if (err instanceof RestoreError && err.reason === 'wrong_key' && !code && attempt === 0) {
        code = await askCode();
        if (code) continue;
      }
      out(`Not restored: ${err instanceof Error ? err.message : String(err)}`);
      return err instanceof RestoreError ? 2 : 1;
    }
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`hims-counter restore: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
