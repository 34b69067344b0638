-- The outbox no longer notifies from inside the writing transaction. A transaction with a
-- pending NOTIFY takes PostgreSQL's database-wide notification lock at commit and holds it
-- through its WAL flush, so every event-writing commit (each member created, each payment)
-- waited for every other: creates topped out near one commit per flush. The process that wrote
-- now wakes the relay after its transaction ends (src/kernel/db/router.ts onOutboxWrite): its
-- own relay at once, or, in a process that does not relay, the relaying processes by one
-- notification per tick from outside any tenant transaction. Rows written by anything else
-- (psql, a restore) are found by the relay's poll.
DROP TRIGGER outbox_written ON outbox;
DROP FUNCTION outbox_written();
