// No-shows and waiting times for the census come from the queue's recorded
// moves (issue 9). Until this counter records queue moves there is nothing
// to count, and the census says so (null) rather than show zeros.
import type { Database } from 'better-sqlite3';
import type { CensusReport } from '../../preload/contract/methods/report-schemas';

export function queueFigures(db: Database, _from: string, _to: string): CensusReport['queue'] {
  const hasMoves = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'token_moves'").get();
  if (!hasMoves) return null;
  return null;
}
