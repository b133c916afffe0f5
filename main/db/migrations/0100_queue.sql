-- The OPD queue after the token (issue 9, docs/design.md §9, docs/decisions.md
-- "The queue"): a token's place and life in the department's queue, every
-- move it made, the rooms of each department and the department's queue rule,
-- and the hall boards a supervisor started.
--
-- `tokens.status` keeps its meaning (issued / cancelled / transferred: the
-- record) and its CHECK; where a live token is in the queue is the new
-- `queue_status`. Widening the CHECK would mean rebuilding `tokens`, which
-- print jobs point to and other migrations add columns to: two columns merge
-- safely, one rebuilt table would not. A token entered in error is closed
-- like a cancelled one (status 'cancelled') with queue_status 'entered_in_error';
-- the contract shows one status (main/tokens/token-store.ts).
ALTER TABLE tokens ADD COLUMN queue_status TEXT NOT NULL DEFAULT 'waiting'
  CHECK (queue_status IN ('waiting', 'called', 'in_consultation', 'done', 'no_show', 'skipped', 'entered_in_error'));
-- Its place in the queue: the issue time, or the time it was put back at the end.
ALTER TABLE tokens ADD COLUMN queue_at TEXT NOT NULL DEFAULT '';
-- Per-room queues: the room chosen at issue (NULL: any room of the department calls it).
ALTER TABLE tokens ADD COLUMN assigned_room TEXT;
-- The room that last called the token (and sees the patient), when and how often.
ALTER TABLE tokens ADD COLUMN call_room TEXT;
ALTER TABLE tokens ADD COLUMN called_at TEXT;
ALTER TABLE tokens ADD COLUMN first_called_at TEXT;
ALTER TABLE tokens ADD COLUMN call_count INTEGER NOT NULL DEFAULT 0 CHECK (call_count >= 0);

UPDATE tokens SET queue_at = issued_at;

-- "Call next": the live, waiting tokens of one department and day, by
-- priority class (2 emergency, 1 other priority, 0 none) and then in queue
-- order, so the head of each class is one index seek (main/queue/queue-store.ts).
CREATE INDEX tokens_waiting ON tokens (
  visit_date, department_code, (CASE priority WHEN 'emergency' THEN 2 WHEN 'none' THEN 0 ELSE 1 END),
  queue_at, issued_at, counter_letter, number, id
) WHERE status = 'issued' AND queue_status = 'waiting';
-- The patients at a room (called or in consultation).
CREATE INDEX tokens_at_room ON tokens (visit_date, department_code, call_room)
  WHERE status = 'issued' AND queue_status IN ('called', 'in_consultation');
-- The hall board: the department's calls, newest first.
CREATE INDEX tokens_called ON tokens (visit_date, department_code, called_at) WHERE called_at IS NOT NULL;

-- Every move a token made (and its cancel or transfer): who, when, from which
-- room. `id` is the caller's move id, so a retried move is answered, not
-- repeated. The HIMS gets them as Encounter.statusHistory.
CREATE TABLE token_moves (
  pk              INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  token_id        TEXT NOT NULL REFERENCES tokens (id),
  department_code TEXT NOT NULL,
  visit_date      TEXT NOT NULL,
  move            TEXT NOT NULL CHECK (move IN ('call', 'recall', 'start', 'finish', 'no_show', 'skip', 'return',
                                                'entered_in_error', 'cancel', 'transfer')),
  from_status     TEXT NOT NULL,
  to_status       TEXT NOT NULL,
  room            TEXT,
  actor           TEXT NOT NULL,
  at              TEXT NOT NULL,
  version         INTEGER NOT NULL            -- the token's version after this move
) STRICT;

CREATE INDEX token_moves_by_token ON token_moves (token_id, pk);
CREATE INDEX token_moves_by_day ON token_moves (visit_date, department_code, move);

-- The consultation rooms of a department (room screens pick one). The
-- department's own `room` stays where its slip sends the patient.
CREATE TABLE department_rooms (
  department_code TEXT NOT NULL REFERENCES departments (code),
  room            TEXT NOT NULL CHECK (length(room) BETWEEN 1 AND 24),
  sort_order      INTEGER NOT NULL,
  PRIMARY KEY (department_code, room)
) STRICT, WITHOUT ROWID;

INSERT INTO department_rooms (department_code, room, sort_order)
  SELECT code, trim(substr(trim(room), 1, 24)), 0 FROM departments WHERE length(trim(room)) > 0;

-- The queue rule (main/queue/queue-order.ts): priority patients ahead, one in
-- N, or plain arrival; one queue for the department's rooms or one each; a
-- token put back keeps its place or goes to the end.
ALTER TABLE departments ADD COLUMN queue_priority TEXT NOT NULL DEFAULT 'ahead'
  CHECK (queue_priority IN ('ahead', 'interleave', 'arrival'));
ALTER TABLE departments ADD COLUMN queue_interleave_every INTEGER NOT NULL DEFAULT 3
  CHECK (queue_interleave_every BETWEEN 2 AND 20);
ALTER TABLE departments ADD COLUMN queue_rooms TEXT NOT NULL DEFAULT 'shared' CHECK (queue_rooms IN ('shared', 'per_room'));
ALTER TABLE departments ADD COLUMN queue_return TEXT NOT NULL DEFAULT 'place' CHECK (queue_return IN ('place', 'end'));

-- Hall boards: started by a supervisor, kept across restarts of the counter
-- (a board runs for days), ended by a supervisor or when they expire. Only a
-- hash of the board's token is kept; the board may read only its departments'
-- board feed (docs/decisions.md "Accounts and sessions").
CREATE TABLE board_sessions (
  id               TEXT PRIMARY KEY,
  token_hash       TEXT NOT NULL UNIQUE,
  departments      TEXT NOT NULL CHECK (json_valid(departments) AND json_type(departments) = 'array'),
  show_first_names INTEGER NOT NULL CHECK (show_first_names IN (0, 1)),
  started_by       TEXT NOT NULL,
  started_at       TEXT NOT NULL,
  expires_at       TEXT NOT NULL,
  ended_at         TEXT,
  ended_by         TEXT
) STRICT;
