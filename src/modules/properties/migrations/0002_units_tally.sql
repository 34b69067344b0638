-- Units are metered (the plan's unit limit, and the platform's usage): tenant_tallies keeps
-- their count in the writes' own transactions.
ALTER TABLE tenant_tallies NO FORCE ROW LEVEL SECURITY;
ALTER TABLE units NO FORCE ROW LEVEL SECURITY;
INSERT INTO tenant_tallies (tenant_id, meter, value) SELECT tenant_id, 'units', count(*) FROM units GROUP BY tenant_id
ON CONFLICT (tenant_id, meter) DO UPDATE SET value = EXCLUDED.value;
ALTER TABLE units FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_tallies FORCE ROW LEVEL SECURITY;

CREATE TRIGGER units_tally_insert AFTER INSERT ON units
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('units', '1');
CREATE TRIGGER units_tally_delete AFTER DELETE ON units
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('units', '1');
