-- The counter's local cache and record of what it did. STRICT tables; ids made
-- on the client (UUID) are also the FHIR ids and the idempotency keys.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Per-counter sequences (UHIDs per year, and anything else that must never
-- hand out the same number twice). Bumped inside the writing transaction.
CREATE TABLE sequences (
  name       TEXT PRIMARY KEY,
  last_value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE departments (
  code       TEXT PRIMARY KEY,
  name_en    TEXT NOT NULL,
  name_hi    TEXT NOT NULL,
  room       TEXT NOT NULL,
  shortcut   TEXT UNIQUE,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE patients (
  pk                INTEGER PRIMARY KEY,          -- rowid, the FTS content key
  id                TEXT NOT NULL UNIQUE,         -- client UUID
  uhid              TEXT NOT NULL UNIQUE,         -- compact form, no hyphens
  name              TEXT NOT NULL,
  gender            TEXT NOT NULL CHECK (gender IN ('male', 'female', 'other')),
  date_of_birth     TEXT NOT NULL,
  dob_estimated     INTEGER NOT NULL CHECK (dob_estimated IN (0, 1)),
  birth_year        INTEGER GENERATED ALWAYS AS (CAST(substr(date_of_birth, 1, 4) AS INTEGER)) VIRTUAL,
  phone             TEXT,
  guardian_name     TEXT,
  guardian_relation TEXT CHECK (guardian_relation IN ('S/o', 'D/o', 'W/o', 'C/o')),
  address_line      TEXT,
  district          TEXT,
  state             TEXT,
  pincode           TEXT,
  version           INTEGER NOT NULL DEFAULT 1,
  origin_counter    TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;

CREATE INDEX patients_by_phone ON patients (phone) WHERE phone IS NOT NULL;

-- National and external identifiers (ABHA number, ABHA address; later card
-- ids and HIMS ids). One identifier belongs to one patient.
CREATE TABLE patient_identifiers (
  system     TEXT NOT NULL,
  value      TEXT NOT NULL,
  patient_pk INTEGER NOT NULL REFERENCES patients (pk) ON DELETE CASCADE,
  PRIMARY KEY (system, value)
) STRICT, WITHOUT ROWID;

CREATE INDEX patient_identifiers_by_patient ON patient_identifiers (patient_pk);

-- Name search: prefix words in any order, Latin case-folded.
-- categories adds the marks (M*): by default unicode61 splits Devanagari at
-- every vowel sign and virama, so "राम" became "र" + "म" and "कु" matched
-- "कविता". The prefix indexes (2-8 characters) keep a typed word prefix a
-- single doclist read instead of a merge of every term it starts: at 1M
-- patients that is ~0.1 ms instead of ~1-2 ms for a common surname.
CREATE VIRTUAL TABLE patients_fts USING fts5 (
  name,
  content = 'patients',
  content_rowid = 'pk',
  tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
  prefix = '2 3 4 5 6 7 8'
);

CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
  INSERT INTO patients_fts (rowid, name) VALUES (new.pk, new.name);
END;
CREATE TRIGGER patients_fts_update AFTER UPDATE OF name ON patients BEGIN
  INSERT INTO patients_fts (patients_fts, rowid, name) VALUES ('delete', old.pk, old.name);
  INSERT INTO patients_fts (rowid, name) VALUES (new.pk, new.name);
END;
CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
  INSERT INTO patients_fts (patients_fts, rowid, name) VALUES ('delete', old.pk, old.name);
END;

-- Daily token numbers per department and counter; only ever incremented, so
-- a cancelled number is never handed out again.
CREATE TABLE token_sequences (
  department_code TEXT NOT NULL,
  visit_date      TEXT NOT NULL,
  counter_letter  TEXT NOT NULL,
  last_number     INTEGER NOT NULL,
  PRIMARY KEY (department_code, visit_date, counter_letter)
) STRICT, WITHOUT ROWID;

CREATE TABLE tokens (
  pk                INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE,         -- client UUID, the visit id
  patient_pk        INTEGER NOT NULL REFERENCES patients (pk),
  department_code   TEXT NOT NULL REFERENCES departments (code),
  visit_date        TEXT NOT NULL,
  counter_letter    TEXT NOT NULL,
  number            INTEGER NOT NULL CHECK (number > 0),
  label             TEXT NOT NULL,
  priority          TEXT NOT NULL CHECK (priority IN ('none', 'senior', 'divyang', 'pregnant', 'emergency', 'staff')),
  visit_type        TEXT NOT NULL CHECK (visit_type IN ('new', 'follow_up')),
  fee_category      TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('issued', 'cancelled', 'transferred')),
  issued_at         TEXT NOT NULL,
  cancelled_at      TEXT,
  cancel_reason     TEXT,
  transferred_from_id TEXT,
  transferred_to_id TEXT,
  version           INTEGER NOT NULL DEFAULT 1,
  UNIQUE (department_code, visit_date, label)
) STRICT;

CREATE INDEX tokens_queue ON tokens (visit_date, department_code, issued_at);
CREATE INDEX tokens_by_patient ON tokens (patient_pk, visit_date);

-- What the HIMS must learn about, written in the same transaction as the change.
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY,
  entity     TEXT NOT NULL CHECK (entity IN ('patient', 'token', 'department')),
  entity_id  TEXT NOT NULL,
  operation  TEXT NOT NULL CHECK (operation IN ('create', 'update')),
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  sent_at    TEXT
) STRICT;

CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL;

-- Who registered, viewed, changed, printed or cancelled what. Append-only:
-- the triggers below refuse any UPDATE or DELETE.
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  detail    TEXT
) STRICT;

CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
