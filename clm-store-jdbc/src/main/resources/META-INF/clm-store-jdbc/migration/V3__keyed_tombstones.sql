-- Tombstones are keyed: their fingerprint is an HMAC of the erased id under the engine's secret key.
-- scheme says how a row's fingerprint was taken: KEYED rows hold the key check value of that key
-- in the salt column (never the key); SALTED rows, written by earlier versions, hold the salt of
-- their unkeyed fingerprint there and are still honoured.
ALTER TABLE clm_tombstone ADD COLUMN scheme VARCHAR(8) DEFAULT 'SALTED' NOT NULL;
