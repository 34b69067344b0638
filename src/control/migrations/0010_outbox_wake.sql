-- Wakes the relay when a platform event is written, as the tenants' outbox does
-- (src/data/events/migrations/0004_outbox_wake.sql): delivered on commit, once per transaction.
CREATE FUNCTION control.outbox_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('courtyard_outbox', '');
  RETURN NULL;
END $$;

CREATE TRIGGER outbox_written AFTER INSERT ON control.outbox FOR EACH STATEMENT EXECUTE FUNCTION control.outbox_written();
