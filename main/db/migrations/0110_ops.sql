-- Nothing lost, ever (issue 11): a tamper-evident audit, the clock's
-- high-water mark, backups and the update feed. docs/decisions.md "Operations".

-- Each audit row carries the SHA-256 of the previous row's hash and its own
-- content (main/audit/audit-chain.ts), so a row edited or removed in the file
-- breaks the chain where it happened. Rows already written are chained here,
-- in order, with the same function the app uses (openDatabase registers
-- hims_audit_hash on every connection before migrating).
ALTER TABLE audit_log ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);

CREATE TEMP TABLE audit_chain_order (n INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
INSERT INTO audit_chain_order (n, seq) SELECT row_number() OVER (ORDER BY seq), seq FROM audit_log;

CREATE TEMP TABLE audit_chain_hash (seq INTEGER PRIMARY KEY, hash TEXT NOT NULL);
WITH RECURSIVE chain (n, seq, hash) AS (
  SELECT o.n, a.seq,
         hims_audit_hash('0000000000000000000000000000000000000000000000000000000000000000',
                         a.seq, a.at, a.actor, a.action, a.entity, a.entity_id, a.detail)
    FROM audit_chain_order o JOIN audit_log a ON a.seq = o.seq WHERE o.n = 1
  UNION ALL
  SELECT o.n, a.seq, hims_audit_hash(chain.hash, a.seq, a.at, a.actor, a.action, a.entity, a.entity_id, a.detail)
    FROM chain JOIN audit_chain_order o ON o.n = chain.n + 1 JOIN audit_log a ON a.seq = o.seq
)
INSERT INTO audit_chain_hash (seq, hash) SELECT seq, hash FROM chain;

DROP TRIGGER audit_log_no_update;
UPDATE audit_log SET hash = c.hash FROM audit_chain_hash c WHERE c.seq = audit_log.seq;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
DROP TABLE audit_chain_order;
DROP TABLE audit_chain_hash;

-- A row without its link would be a hole nobody could see.
CREATE TRIGGER audit_log_hash_required BEFORE INSERT ON audit_log WHEN new.hash IS NULL BEGIN
  SELECT RAISE(ABORT, 'audit_log rows must carry their chain hash');
END;

-- The supervisor's audit screen browses by date and by clerk.
CREATE INDEX audit_log_by_at ON audit_log (at);
CREATE INDEX audit_log_by_actor ON audit_log (actor, at);

-- The latest instant and day this counter has dated a token or a
-- registration with (main/clock/clock-watermark.ts): a clock set back below
-- it cannot issue, so token days and UHID years never go backwards.
CREATE TABLE clock_watermark (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  latest_at  TEXT NOT NULL,   -- ISO instant (toISOString)
  latest_day TEXT NOT NULL    -- YYYY-MM-DD in the hospital's time zone
) STRICT;

-- Where and how often the counter backs itself up (main/backup). The data key
-- itself is in the secret store; recovery_json is that key wrapped under the
-- administrator's recovery code (scrypt + AES-256-GCM), useless without it,
-- and copied into every backup so a new machine needs only the code.
CREATE TABLE backup_settings (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  folder              TEXT,
  every_minutes       INTEGER NOT NULL DEFAULT 30 CHECK (every_minutes BETWEEN 5 AND 1440),
  keep_recent         INTEGER NOT NULL DEFAULT 48 CHECK (keep_recent BETWEEN 1 AND 1000),
  keep_daily_days     INTEGER NOT NULL DEFAULT 30 CHECK (keep_daily_days BETWEEN 0 AND 3650),
  key_id              TEXT,
  recovery_json       TEXT,
  recovery_created_at TEXT,
  updated_at          TEXT NOT NULL
) STRICT;

-- Every backup attempt and how it ended, so a failed or overdue backup is
-- shown after a restart too.
CREATE TABLE backup_runs (
  id          INTEGER PRIMARY KEY,
  reason      TEXT NOT NULL CHECK (reason IN ('schedule', 'manual', 'close')),
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
  file        TEXT,
  bytes       INTEGER,
  message     TEXT
) STRICT;

-- The hospital's update server (main/electron/updater.ts reads it).
CREATE TABLE update_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  feed_url   TEXT,
  updated_at TEXT NOT NULL
) STRICT;
