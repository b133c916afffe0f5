// Prepared statements are compiled once per connection: on the counter's hot
// paths (search as you type, issue a token) parsing SQL every call would cost
// more than running it.
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

export function sql<P extends unknown[] | object = unknown[], R = unknown>(db: Database, text: string): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement as unknown as Statement<P, R>;
}
