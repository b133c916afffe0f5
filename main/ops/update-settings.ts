// The hospital's update server (migration 0110). The desktop app's updater
// (main/electron/updater.ts) reads it at start and whenever it is saved.
import type { Database } from 'better-sqlite3';
import { sql } from '../db/statements';

export function readFeedUrl(db: Database): string | null {
  return sql<[], { feed_url: string | null }>(db, 'SELECT feed_url FROM update_settings WHERE id = 1').get()?.feed_url ?? null;
}

export function writeFeedUrl(db: Database, feedUrl: string | null, at: string): void {
  sql(
    db,
    `INSERT INTO update_settings (id, feed_url, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET feed_url = excluded.feed_url, updated_at = excluded.updated_at`,
  ).run(feedUrl, at);
}
