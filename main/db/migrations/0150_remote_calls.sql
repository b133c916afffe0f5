-- "Call next" presses that another counter answered, or was asked and never
-- answered (docs/peers.md). Kept in the file, not in memory, so that after
-- this counter restarts a press sent again (same move id) still gets its
-- first answer, and a press whose owner never said whether it called its
-- patient asks that owner again instead of calling a second patient into
-- the room. Rows older than two days are pruned as new ones are written.
CREATE TABLE remote_calls (
  move_id    TEXT PRIMARY KEY,
  -- the counter asked to make the call, and the token it was asked to call
  counter_id TEXT NOT NULL,
  token_id   TEXT NOT NULL,
  -- the MoveResult as JSON once the owner answered; NULL while unsettled
  result     TEXT,
  at         TEXT NOT NULL
) STRICT;

CREATE INDEX remote_calls_by_at ON remote_calls (at);
