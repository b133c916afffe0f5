-- A department's room in Devanagari beside the room as written (issue #17):
-- a Hindi screen said "कमरा Casualty". NULL: the room is a number or a name
-- that reads the same in both scripts, and is shown as written.
ALTER TABLE departments ADD COLUMN room_hi TEXT CHECK (room_hi IS NULL OR (length(room_hi) BETWEEN 1 AND 40));

-- The Casualty department that migration 0120 added, while its room is still the one it was given.
UPDATE departments SET room_hi = 'कैजुअल्टी' WHERE code = 'CAS' AND room = 'Casualty';
