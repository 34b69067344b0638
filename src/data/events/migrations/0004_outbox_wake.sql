-- Wakes the relay: once per statement that writes to the outbox, a notification on
-- courtyard_outbox, which PostgreSQL delivers when (and only if) the transaction commits, once
-- per transaction however many statements raised it. Every process that relays listens to the
-- main database; a dedicated database's notifications reach no listener, so there the process
-- that wrote tells the main database after commit (src/kernel/db/router.ts).
CREATE FUNCTION outbox_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('courtyard_outbox', '');
  RETURN NULL;
END $$;

CREATE TRIGGER outbox_written AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_written();
