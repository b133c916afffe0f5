-- The persistent print queue (docs/design.md §5): one row per slip to print. A
-- token's first job is written in the same transaction as the token, so a
-- committed token always has a slip on its way; the worker prints after the
-- commit and records how it went. Jobs are never deleted: a failed job stays
-- visible and retryable.
CREATE TABLE print_jobs (
  seq           INTEGER PRIMARY KEY,              -- print order
  id            TEXT NOT NULL UNIQUE,             -- UUID, what the UI names
  kind          TEXT NOT NULL CHECK (kind IN ('slip', 'test')),
  token_id      TEXT REFERENCES tokens (id),
  duplicate     INTEGER NOT NULL DEFAULT 0 CHECK (duplicate IN (0, 1)),
  status        TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  error_code    TEXT,                             -- connection_refused, connect_timeout, write_timeout, disconnected, paper_out …
  error_message TEXT,
  retry_at      TEXT,                             -- the worker tries a failed job again from then; NULL: only by hand
  printer       TEXT,                             -- which printer took it (primary or fallback)
  bytes         INTEGER,
  actor         TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  sent_at       TEXT
) STRICT;

CREATE INDEX print_jobs_pending ON print_jobs (seq) WHERE status IN ('queued', 'sending', 'failed');
CREATE INDEX print_jobs_by_token ON print_jobs (token_id);
