-- The hospital's other counters (docs/peers.md): each paired once with the
-- hospital network key, its TLS public key pinned. Nothing of theirs is copied
-- here; this is only who they are and how to reach them.
CREATE TABLE peers (
  counter_id     TEXT PRIMARY KEY,
  counter_letter TEXT NOT NULL,
  hospital_code  TEXT NOT NULL,
  hospital_name  TEXT NOT NULL,
  -- host:port of its peer server
  address        TEXT NOT NULL,
  -- SHA-256 of its certificate's SubjectPublicKeyInfo, base64: what is trusted
  spki_pin       TEXT NOT NULL,
  cert_pem       TEXT NOT NULL,
  paired_at      TEXT NOT NULL,
  last_seen_at   TEXT,
  last_error     TEXT,
  last_error_at  TEXT
) STRICT;

CREATE UNIQUE INDEX peers_by_letter ON peers (counter_letter);
