-- The relay reads every tenant's outbox: it runs as its own role, which a policy of its own
-- lets through. It may take and delete outbox rows and nothing else; the application role
-- still sees only its tenant's.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'courtyard_relay') THEN
    BEGIN
      CREATE ROLE courtyard_relay NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT courtyard_relay TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO courtyard_relay;
-- FOR UPDATE (taking rows so that relays in several workers share them) needs UPDATE.
GRANT SELECT, UPDATE, DELETE ON outbox TO courtyard_relay;
CREATE POLICY relay ON outbox TO courtyard_relay USING (true);
