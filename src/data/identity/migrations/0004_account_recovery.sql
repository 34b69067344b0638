-- The language a user chose for the pages and their e-mail (a BCP 47 tag); null follows the
-- browser. Password-reset tokens live in user_tokens (purpose 'password_reset') already.
ALTER TABLE users ADD COLUMN locale text CHECK (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');
