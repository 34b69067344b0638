-- A session (a refresh-token family) ends a fixed time after sign-in, however often it is
-- refreshed: every token of a family carries the family's end. Sessions that began before
-- this column existed end 30 days after their token was issued, the default lifetime.
ALTER TABLE refresh_tokens ADD COLUMN session_expires_at timestamptz;
UPDATE refresh_tokens SET session_expires_at = created_at + interval '30 days';
ALTER TABLE refresh_tokens ALTER COLUMN session_expires_at SET NOT NULL;
