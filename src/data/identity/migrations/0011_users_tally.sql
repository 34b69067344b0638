-- Active users are metered (the plan's seat limit, and the platform's usage): tenant_tallies
-- keeps their count in the writes' own transactions, disabling and enabling included.
ALTER TABLE tenant_tallies NO FORCE ROW LEVEL SECURITY;
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
INSERT INTO tenant_tallies (tenant_id, meter, value) SELECT tenant_id, 'users', count(*) FROM users WHERE status = 'active' GROUP BY tenant_id
ON CONFLICT (tenant_id, meter) DO UPDATE SET value = EXCLUDED.value;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_tallies FORCE ROW LEVEL SECURITY;

CREATE TRIGGER users_tally_insert AFTER INSERT ON users
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('users', 'CASE WHEN status = ''active'' THEN 1 ELSE 0 END');
CREATE TRIGGER users_tally_update AFTER UPDATE ON users
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('users', 'CASE WHEN status = ''active'' THEN 1 ELSE 0 END');
CREATE TRIGGER users_tally_delete AFTER DELETE ON users
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('users', 'CASE WHEN status = ''active'' THEN 1 ELSE 0 END');
