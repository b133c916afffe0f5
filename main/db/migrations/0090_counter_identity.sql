-- Counter identity is now chosen at first run (docs/decisions.md "Identity
-- and numbering"); before, a counter started without --counter-letter used
-- A / GH / "Government Hospital" without storing them. A counter that issued
-- anything that way keeps that identity: its UHIDs and token labels carry it.
-- A counter that issued nothing is asked at its next start, like a new one.
INSERT INTO settings (key, value)
SELECT defaults.key, defaults.value
FROM (SELECT 'counterLetter' AS key, 'A' AS value
      UNION ALL SELECT 'hospitalCode', 'GH'
      UNION ALL SELECT 'hospitalName', 'Government Hospital') AS defaults
WHERE NOT EXISTS (SELECT 1 FROM settings WHERE settings.key = defaults.key)
  AND (EXISTS (SELECT 1 FROM sequences WHERE name LIKE 'uhid:%' AND last_value > 0)
       OR EXISTS (SELECT 1 FROM token_sequences));
