-- The member tally moves to the metering's tenant_tallies (meter 'members'), where the plan
-- limit and the platform's usage report read it with the other meters.
ALTER TABLE tenant_tallies NO FORCE ROW LEVEL SECURITY;
ALTER TABLE member_tallies NO FORCE ROW LEVEL SECURITY;
INSERT INTO tenant_tallies (tenant_id, meter, value) SELECT tenant_id, 'members', members FROM member_tallies
ON CONFLICT (tenant_id, meter) DO UPDATE SET value = EXCLUDED.value;
ALTER TABLE tenant_tallies FORCE ROW LEVEL SECURITY;

DROP TRIGGER members_tally_insert ON members;
DROP TRIGGER members_tally_delete ON members;
DROP FUNCTION members_tally_added();
DROP FUNCTION members_tally_removed();
DROP TABLE member_tallies;

CREATE TRIGGER members_tally_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('members', '1');
CREATE TRIGGER members_tally_delete AFTER DELETE ON members
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('members', '1');
