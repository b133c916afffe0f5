-- Clerk accounts (docs/design.md §7, docs/decisions.md "Accounts and sessions").
-- Passwords are argon2id hashes in PHC string form, never the password. An
-- account is deactivated, never deleted: the audit log names it for years.
CREATE TABLE clerks (
  pk            INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  username      TEXT NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 3 AND 32),
  display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
  role          TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
  password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
