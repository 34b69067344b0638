-- How many members each tenant has, kept by the statements that add or remove members, in
-- their own transaction. The plan limit reads this one row instead of counting every member
-- under a lock on each create (O(members)); the platform's metering can read it too.
CREATE TABLE member_tallies (
  tenant_id uuid   NOT NULL PRIMARY KEY,
  members   bigint NOT NULL CHECK (members >= 0)
);
ALTER TABLE member_tallies ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_tallies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_tallies USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- The members there are (read across tenants, as the owner, for this once).
ALTER TABLE members NO FORCE ROW LEVEL SECURITY;
INSERT INTO member_tallies (tenant_id, members) SELECT tenant_id, count(*) FROM members GROUP BY tenant_id;
ALTER TABLE members FORCE ROW LEVEL SECURITY;

-- Per statement, so that an import of a thousand members moves the tally once. The row's lock,
-- held to commit, queues a tenant's concurrent creates just where the limit needs them queued.
CREATE FUNCTION members_tally_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_tallies AS t (tenant_id, members)
  SELECT tenant_id, count(*) FROM added GROUP BY tenant_id
  ON CONFLICT (tenant_id) DO UPDATE SET members = t.members + EXCLUDED.members;
  RETURN NULL;
END $$;
CREATE TRIGGER members_tally_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION members_tally_added();

CREATE FUNCTION members_tally_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE member_tallies t SET members = t.members - r.n
    FROM (SELECT tenant_id, count(*) AS n FROM removed GROUP BY tenant_id) r
   WHERE t.tenant_id = r.tenant_id;
  RETURN NULL;
END $$;
CREATE TRIGGER members_tally_delete AFTER DELETE ON members
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION members_tally_removed();
