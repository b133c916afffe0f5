-- Which copy of the departments (names, rooms, shortcut keys, queue rules)
-- this counter holds (docs/peers.md "Departments and rules"). A supervisor's
-- change at any counter makes a newer copy: one more than the newest this
-- counter knew, tied by the id of the counter that made it, so every counter
-- orders copies alike and takes the newest from a paired counter. Revision 0
-- is the copy a counter starts with (the seeded departments).
CREATE TABLE departments_copy (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  revision   INTEGER NOT NULL CHECK (revision >= 0),
  counter_id TEXT NOT NULL,     -- the counter that made this copy ('' for the seeded one)
  changed_by TEXT NOT NULL,     -- its letter, for the screens
  changed_at TEXT NOT NULL
) STRICT;

INSERT INTO departments_copy (id, revision, counter_id, changed_by, changed_at)
  VALUES (1, 0, '', '', '2026-01-01T00:00:00.000Z');
