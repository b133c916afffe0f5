-- Sync with the central HIMS (docs/design.md §6, docs/fhir-mapping.md).

-- Where the HIMS is and how to reach it. Secrets (bearer token, client
-- secret) are not here: they live in the shell's secret store (Electron:
-- safeStorage), named by secret_ref.
CREATE TABLE sync_settings (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  enabled         INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  base_url        TEXT,
  auth_kind       TEXT NOT NULL DEFAULT 'none' CHECK (auth_kind IN ('none', 'bearer', 'client_credentials')),
  token_url       TEXT,
  client_id       TEXT,
  scope           TEXT,
  ca_pem          TEXT,
  timeout_ms      INTEGER NOT NULL DEFAULT 15000 CHECK (timeout_ms BETWEEN 1000 AND 300000),
  batch_size      INTEGER NOT NULL DEFAULT 100 CHECK (batch_size BETWEEN 1 AND 500),
  updated_at      TEXT NOT NULL
) STRICT;

-- The HIMS's id and version of each record we sent or pulled; the version is
-- what an update sends as If-Match.
CREATE TABLE sync_remote (
  entity          TEXT NOT NULL CHECK (entity IN ('patient', 'token')),
  local_id        TEXT NOT NULL,
  remote_id       TEXT NOT NULL,
  version_id      TEXT,
  last_updated    TEXT,
  synced_version  INTEGER NOT NULL,     -- local version the HIMS holds
  PRIMARY KEY (entity, local_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX sync_remote_by_remote ON sync_remote (entity, remote_id);

-- Pull cursors (patients' _lastUpdated and the offset within that instant,
-- so an interrupted seeding resumes where it stopped).
CREATE TABLE sync_cursors (
  name       TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Changes the HIMS refused in a way a retry cannot fix (412, several
-- matches, the same ABHA held by another record, invalid): shown side by side
-- to a person. While open, the record's outbox rows are held, never retried
-- in a loop.
CREATE TABLE sync_review (
  id          INTEGER PRIMARY KEY,
  entity      TEXT NOT NULL CHECK (entity IN ('patient', 'token')),
  local_id    TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (reason IN ('version_conflict', 'multiple_matches', 'same_identifier', 'rejected')),
  message     TEXT NOT NULL,
  local_json  TEXT NOT NULL,
  remote_json TEXT,
  remote_id   TEXT,
  created_at  TEXT NOT NULL,
  resolved_at TEXT,
  resolution  TEXT CHECK (resolution IN ('keep_local', 'keep_remote', 'dismissed'))
) STRICT;

CREATE UNIQUE INDEX sync_review_open ON sync_review (entity, local_id) WHERE resolved_at IS NULL;

-- Last outcome of the engine, so the status survives a restart.
CREATE TABLE sync_log (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  last_success_at TEXT,
  last_error      TEXT,
  last_error_at   TEXT
) STRICT;

CREATE INDEX outbox_pending_entity ON outbox (entity, entity_id) WHERE sent_at IS NULL;
