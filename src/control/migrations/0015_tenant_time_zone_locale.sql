-- A tenant's time zone (an IANA name: "today", due dates, late-fee days, lease endings and
-- monthly jobs follow it) and its default locale (the language of users who chose none).
-- Existing tenants keep what they had: UTC dates, English.
ALTER TABLE control.tenants
  ADD COLUMN time_zone      text NOT NULL DEFAULT 'UTC',
  ADD COLUMN default_locale text NOT NULL DEFAULT 'en';
