-- Cards (issue #4, docs/cards.md): the keys this counter signs e-health cards
-- with, the issuers whose cards we trust, and every card issued. Private keys
-- are never in this file: they live in the shell's secret store.

-- This counter's signing keys (public half; kid = RFC 7638 JWK thumbprint).
CREATE TABLE card_issuer_keys (
  kid        TEXT PRIMARY KEY,
  public_jwk TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;

-- Other issuers' public keys (other counters, the HIMS, other hospitals).
CREATE TABLE trusted_card_issuers (
  kid        TEXT PRIMARY KEY,
  iss        TEXT NOT NULL,
  name       TEXT NOT NULL,
  public_jwk TEXT NOT NULL,
  added_at   TEXT NOT NULL
) STRICT;

CREATE INDEX trusted_card_issuers_by_iss ON trusted_card_issuers (iss);

-- Every card issued here. A reissue marks the previous card superseded, so a
-- lost card that was replaced no longer identifies anyone.
CREATE TABLE issued_cards (
  pk            INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,   -- the card id printed in the card's FHIR Patient
  patient_pk    INTEGER NOT NULL REFERENCES patients (pk),
  kid           TEXT NOT NULL,
  issuer        TEXT NOT NULL,
  issued_at     TEXT NOT NULL,
  superseded_at TEXT,
  superseded_by TEXT
) STRICT;

CREATE INDEX issued_cards_by_patient ON issued_cards (patient_pk);
-- One current card per patient.
CREATE UNIQUE INDEX issued_cards_current ON issued_cards (patient_pk) WHERE superseded_at IS NULL;
