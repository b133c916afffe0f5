-- A patient's name in the other script (issue #5: "names in both scripts"):
-- Devanagari beside a Latin name, or Latin beside a Devanagari one, as the
-- patient or their card writes it. Optional; never transliterated by us.
-- Name search covers both: the FTS index gets a second column and is rebuilt
-- from the table (https://sqlite.org/fts5.html#the_rebuild_command).
ALTER TABLE patients ADD COLUMN name_other_script TEXT
  CHECK (name_other_script IS NULL OR length(name_other_script) BETWEEN 1 AND 100);

DROP TRIGGER patients_fts_insert;
DROP TRIGGER patients_fts_update;
DROP TRIGGER patients_fts_delete;
DROP TABLE patients_fts;

CREATE VIRTUAL TABLE patients_fts USING fts5 (
  name,
  name_other_script,
  content = 'patients',
  content_rowid = 'pk',
  tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
  prefix = '2 3 4 5 6 7 8'
);

CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
  INSERT INTO patients_fts (rowid, name, name_other_script) VALUES (new.pk, new.name, new.name_other_script);
END;
CREATE TRIGGER patients_fts_update AFTER UPDATE OF name, name_other_script ON patients BEGIN
  INSERT INTO patients_fts (patients_fts, rowid, name, name_other_script)
    VALUES ('delete', old.pk, old.name, old.name_other_script);
  INSERT INTO patients_fts (rowid, name, name_other_script) VALUES (new.pk, new.name, new.name_other_script);
END;
CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
  INSERT INTO patients_fts (patients_fts, rowid, name, name_other_script)
    VALUES ('delete', old.pk, old.name, old.name_other_script);
END;

INSERT INTO patients_fts (patients_fts) VALUES ('rebuild');
