-- A record's object is not a foreign key: the key's check took a KEY SHARE lock on the
-- object's one definition row for every insert, and concurrent creates of one object turn such
-- locks into multixacts (every new locker copies the others), which made the definition row the
-- bottleneck of creating records (bench/README.md, the objects suite: 0.31x a member's create
-- with it, 0.46x without). A definition is never deleted (it is archived, its records kept),
-- and only the repository inserts records, for an object it has just read in the transaction.
ALTER TABLE object_records DROP CONSTRAINT object_records_tenant_id_object_id_fkey;
