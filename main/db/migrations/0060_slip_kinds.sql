-- Two more slip kinds for the print queue (docs/printing.md, issue #4):
-- 'notice' — the entrance kiosk's "please go to the registration counter"
-- slip — and 'card' — the patient's e-health card on the thermal slip. Their
-- data goes in `payload` (JSON): a notice has no token, and a card slip
-- names the issued card it prints. SQLite cannot change a CHECK constraint in
-- place, so the table is rebuilt (https://sqlite.org/lang_altertable.html,
-- "other kinds of table schema changes"); nothing references print_jobs.
CREATE TABLE print_jobs_new (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('slip', 'test', 'notice', 'card')),
  token_id      TEXT REFERENCES tokens (id),
  duplicate     INTEGER NOT NULL DEFAULT 0 CHECK (duplicate IN (0, 1)),
  status        TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  error_code    TEXT,
  error_message TEXT,
  retry_at      TEXT,
  printer       TEXT,
  bytes         INTEGER,
  actor         TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  sent_at       TEXT,
  payload       TEXT CHECK (payload IS NULL OR json_valid(payload))  -- notice: {reason, scannedId}; card: {cardId}
) STRICT;

INSERT INTO print_jobs_new (seq, id, kind, token_id, duplicate, status, attempts, error_code, error_message, retry_at,
                            printer, bytes, actor, created_at, updated_at, sent_at)
  SELECT seq, id, kind, token_id, duplicate, status, attempts, error_code, error_message, retry_at,
         printer, bytes, actor, created_at, updated_at, sent_at FROM print_jobs;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_new RENAME TO print_jobs;
CREATE INDEX print_jobs_pending ON print_jobs (seq) WHERE status IN ('queued', 'sending', 'failed');
CREATE INDEX print_jobs_by_token ON print_jobs (token_id);

-- The signed QR text of each card issued from now on, so the card can be
-- printed again (thermal slip) without signing a new one. Cards issued before
-- this have none: printing one of those issues a new card.
ALTER TABLE issued_cards ADD COLUMN qr TEXT;
