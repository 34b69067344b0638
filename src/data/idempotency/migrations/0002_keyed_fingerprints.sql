-- Fingerprints were plain sha256 of the request and responses were kept whole: a password or
-- a provider key in a request body could be tested offline against its fingerprint, and the
-- response that showed a webhook signing secret once kept it. Fingerprints are now HMACs with
-- a key derived from a server secret (which SQL does not have), and such responses keep only
-- their status and the resource's id (docs/idempotency.md).
--
-- The rows already here cannot be converted, so they lose fingerprint and body and keep the
-- rest until they expire (24 hours at most). A retry with one of their keys matches no
-- request and answers 422 idempotency_key_reused: it neither replays (it cannot tell that it
-- is the same request) nor runs again (the first attempt may have done the work).
--
-- Row-level security is forced on the table, for its owner too: lifted for this statement
-- alone, inside the migration's transaction, so that it reaches every tenant's rows.
ALTER TABLE idempotency_keys NO FORCE ROW LEVEL SECURITY;
UPDATE idempotency_keys SET fingerprint = 'cleared', response_type = NULL, response_body = NULL;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
