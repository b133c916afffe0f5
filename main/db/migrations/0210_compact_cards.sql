-- The compact signed QR on the front of each card issued from now on
-- (docs/cards.md "Compact card"), kept like the SMART Health Card's text so
-- the card prints again unchanged. The compact card carries no card id (every
-- byte is a scanned key), so a scan finds its card, and whether a newer card
-- replaced it, by this text.
ALTER TABLE issued_cards ADD COLUMN compact_qr TEXT;
CREATE INDEX issued_cards_by_compact_qr ON issued_cards (compact_qr) WHERE compact_qr IS NOT NULL;
