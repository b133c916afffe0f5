// npm run audit:verify -- --data-dir DIR [--expect SEQ:HASH]
// Walks the audit log's hash chain (read-only; the counter may be running)
// and says where it breaks. --expect checks a chain head kept elsewhere (a
// backup's header: npm run restore -- --backup FILE --info; or the HIMS's
// AuditEvent checkpoint), which also catches the newest rows cut off.
// Exit code: 0 intact, 3 broken, 2 bad usage, 1 could not read.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { verifyAuditChain, type ChainHead } from './audit-chain';

const USAGE = 'usage: npm run audit:verify -- --data-dir DIR [--expect SEQ:HASH]';

export function main(argv: string[], out: (line: string) => void = console.log): number {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, expect: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values['data-dir']) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  let expect: ChainHead | undefined;
  if (values.expect) {
    const m = /^(\d+):([0-9a-f]{64})$/.exec(values.expect.trim());
    if (!m) {
      out('--expect takes SEQ:HASH, e.g. 1234:9f86d0…(64 hex digits)');
      return 2;
    }
    expect = { seq: Number(m[1]), hash: m[2]! };
  }
  const file = join(resolve(values['data-dir']), 'counter.sqlite');
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    out(`Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  try {
    const verdict = verifyAuditChain(db, expect ? { expect } : {});
    out(`${verdict.entries} audit entries; head ${verdict.head ? `#${verdict.head.seq} ${verdict.head.hash}` : '(none)'}`);
    for (const b of verdict.breaks) {
      const what =
        b.reason === 'changed'
          ? 'was changed after it was written'
          : b.reason === 'missing_before'
            ? 'follows entries that were removed'
            : 'has no chain hash';
      out(`BROKEN at #${b.seq} (${b.at}, ${b.actor}, ${b.action}): this entry ${what}`);
    }
    if (verdict.expected) {
      const { seq, matches, found } = verdict.expected;
      out(
        matches
          ? `#${seq} has the expected hash: nothing up to it was rewritten`
          : found
            ? `#${seq} does NOT have the expected hash: the log was rewritten after that head was taken`
            : `#${seq} is missing: the newest entries were cut off after that head was taken`,
      );
    }
    out(verdict.intact ? 'The audit chain is intact.' : 'The audit chain is BROKEN.');
    return verdict.intact ? 0 : 3;
  } finally {
    db.close();
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
