-- Platform sessions end a fixed time after sign-in, like tenant sessions (see the identity
-- module's 0003): every token of a family carries the family's end.
ALTER TABLE control.refresh_tokens ADD COLUMN session_expires_at timestamptz;
UPDATE control.refresh_tokens SET session_expires_at = created_at + interval '30 days';
ALTER TABLE control.refresh_tokens ALTER COLUMN session_expires_at SET NOT NULL;
