-- The supervisor's list of likely duplicates reads pairs kept here, found
-- once when a patient is written, instead of comparing the latest 2,000
-- registrations against the whole cache each time it opens (0.5-1.1 s at
-- 200,000 patients). main/patients/duplicate-summary.ts keeps it.
CREATE TABLE duplicate_candidates (
  -- The older record first (the one more often kept).
  a_pk      INTEGER NOT NULL REFERENCES patients (pk) ON DELETE CASCADE,
  b_pk      INTEGER NOT NULL REFERENCES patients (pk) ON DELETE CASCADE,
  -- A JSON array of the reasons (same_abha, same_phone_similar_name, same_name_same_birth_year).
  reasons   TEXT NOT NULL,
  -- When the newer of the two was registered: the list shows pairs with one registered in its last days.
  newest_at TEXT NOT NULL,
  PRIMARY KEY (a_pk, b_pk),
  CHECK (a_pk < b_pk)
) STRICT, WITHOUT ROWID;

CREATE INDEX duplicate_candidates_by_newest ON duplicate_candidates (newest_at, b_pk);
CREATE INDEX duplicate_candidates_by_b ON duplicate_candidates (b_pk);

-- Patients whose pairs must be found again: written by triggers, so every
-- path that adds or changes a patient (registration, edit, newborn, a copy
-- from a peer, a pull from the HIMS) is covered without remembering to.
CREATE TABLE duplicate_pending (
  pk INTEGER PRIMARY KEY REFERENCES patients (pk) ON DELETE CASCADE
) STRICT;

CREATE TRIGGER duplicate_pending_on_insert AFTER INSERT ON patients BEGIN
  INSERT OR IGNORE INTO duplicate_pending (pk) VALUES (new.pk);
END;

CREATE TRIGGER duplicate_pending_on_update
AFTER UPDATE OF name, date_of_birth, dob_estimated, phone, unidentified, mother_pk ON patients BEGIN
  INSERT OR IGNORE INTO duplicate_pending (pk) VALUES (new.pk);
END;

CREATE TRIGGER duplicate_pending_on_identifier AFTER INSERT ON patient_identifiers BEGIN
  INSERT OR IGNORE INTO duplicate_pending (pk) VALUES (new.patient_pk);
END;

CREATE TRIGGER duplicate_pending_on_identifier_gone AFTER DELETE ON patient_identifiers BEGIN
  INSERT OR IGNORE INTO duplicate_pending (pk) SELECT old.patient_pk WHERE EXISTS (SELECT 1 FROM patients WHERE pk = old.patient_pk);
END;

-- Patients from before: the list only ever compared the latest 2,000, so
-- those are found on its first use.
INSERT INTO duplicate_pending (pk)
  SELECT pk FROM patients WHERE merged_into_pk IS NULL AND unidentified = 0 ORDER BY created_at DESC, pk DESC LIMIT 2000;
