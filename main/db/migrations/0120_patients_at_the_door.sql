-- Every patient who walks in (issue #13): emergency and unknown patients,
-- medico-legal cases, newborns, merged duplicates, photos and ID proof.

-- Casualty takes the unknown patient brought in by the police. Added unless
-- the hospital already has a CAS department; its key E only if nobody uses E.
INSERT INTO departments (code, name_en, name_hi, room, shortcut, sort_order, updated_at)
  SELECT 'CAS', 'Casualty / Emergency', 'आपातकालीन (कैजुअल्टी)', 'Casualty',
         CASE WHEN EXISTS (SELECT 1 FROM departments WHERE shortcut = 'E') THEN NULL ELSE 'E' END,
         (SELECT coalesce(max(sort_order), 0) + 10 FROM departments), '2026-01-01T00:00:00.000Z'
  WHERE NOT EXISTS (SELECT 1 FROM departments WHERE code = 'CAS');

-- An unidentified patient keeps the temporary name they were registered
-- under (shown after they are identified) and who brought them.
ALTER TABLE patients ADD COLUMN unidentified INTEGER NOT NULL DEFAULT 0 CHECK (unidentified IN (0, 1));
ALTER TABLE patients ADD COLUMN temporary_name TEXT CHECK (temporary_name IS NULL OR length(temporary_name) <= 120);
ALTER TABLE patients ADD COLUMN brought_by TEXT CHECK (brought_by IS NULL OR length(brought_by) <= 100);

-- A newborn: time of birth (HH:MM, hospital time) and the mother's record.
ALTER TABLE patients ADD COLUMN birth_time TEXT CHECK (birth_time IS NULL OR birth_time GLOB '[0-2][0-9]:[0-5][0-9]');
ALTER TABLE patients ADD COLUMN mother_pk INTEGER REFERENCES patients (pk);

-- ID proof. An Aadhaar number is only ever stored masked (XXXX-XXXX-1234):
-- the table itself refuses anything else, whatever the code above it does.
ALTER TABLE patients ADD COLUMN id_proof_type TEXT
  CHECK (id_proof_type IS NULL OR id_proof_type IN ('aadhaar', 'voter_id', 'ration_card', 'pan', 'driving_licence', 'passport', 'other'));
ALTER TABLE patients ADD COLUMN id_proof_number TEXT
  CHECK (id_proof_number IS NULL OR (length(id_proof_number) <= 40
    AND (id_proof_type IS NOT 'aadhaar' OR id_proof_number GLOB 'XXXX-XXXX-[0-9][0-9][0-9][0-9]')));

-- A merged duplicate is never deleted: it points at the record that survived.
ALTER TABLE patients ADD COLUMN merged_into_pk INTEGER REFERENCES patients (pk);

-- What each merge moved, so a supervisor can undo exactly that.
CREATE TABLE patient_merges (
  id              INTEGER PRIMARY KEY,
  survivor_pk     INTEGER NOT NULL REFERENCES patients (pk),
  merged_pk       INTEGER NOT NULL REFERENCES patients (pk),
  merged_at       TEXT NOT NULL,
  merged_by       TEXT NOT NULL,
  moved_tokens    TEXT NOT NULL,   -- JSON array of token ids
  moved_cards     TEXT NOT NULL,   -- JSON array of card ids
  superseded_card TEXT,            -- the merged record's current card, superseded by the survivor's
  undone_at       TEXT,
  undone_by       TEXT,
  CHECK (survivor_pk <> merged_pk)
) STRICT;

CREATE UNIQUE INDEX patient_merges_open ON patient_merges (merged_pk) WHERE undone_at IS NULL;
CREATE INDEX patients_merged_into ON patients (merged_into_pk) WHERE merged_into_pk IS NOT NULL;
CREATE INDEX patients_by_mother ON patients (mother_pk) WHERE mother_pk IS NOT NULL;
-- The supervisor's duplicate list reads the newest registrations first.
CREATE INDEX patients_by_created ON patients (created_at);

-- The patient's photo (about 20 KB JPEG), taken with their consent.
CREATE TABLE patient_photos (
  patient_pk INTEGER PRIMARY KEY REFERENCES patients (pk),
  jpeg       BLOB NOT NULL CHECK (length(jpeg) BETWEEN 100 AND 65536),
  width      INTEGER NOT NULL,
  height     INTEGER NOT NULL,
  consent_by TEXT NOT NULL,   -- the clerk who recorded the patient's consent
  taken_at   TEXT NOT NULL
) STRICT;

-- Medico-legal case on a visit (the police register's columns).
ALTER TABLE tokens ADD COLUMN mlc_number TEXT CHECK (mlc_number IS NULL OR length(mlc_number) BETWEEN 1 AND 40);
ALTER TABLE tokens ADD COLUMN mlc_police_station TEXT;
ALTER TABLE tokens ADD COLUMN mlc_brought_by TEXT;
ALTER TABLE tokens ADD COLUMN mlc_at TEXT;
CREATE INDEX tokens_mlc ON tokens (visit_date) WHERE mlc_number IS NOT NULL;
