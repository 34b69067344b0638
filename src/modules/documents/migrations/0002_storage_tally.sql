-- Stored bytes are metered (the plan's storage limit, and the platform's usage): tenant_tallies
-- keeps the sum of the versions' sizes in the writes' own transactions.
ALTER TABLE tenant_tallies NO FORCE ROW LEVEL SECURITY;
ALTER TABLE document_versions NO FORCE ROW LEVEL SECURITY;
INSERT INTO tenant_tallies (tenant_id, meter, value) SELECT tenant_id, 'storageBytes', sum(size) FROM document_versions GROUP BY tenant_id
ON CONFLICT (tenant_id, meter) DO UPDATE SET value = EXCLUDED.value;
ALTER TABLE document_versions FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_tallies FORCE ROW LEVEL SECURITY;

CREATE TRIGGER document_versions_tally_insert AFTER INSERT ON document_versions
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('storageBytes', 'size');
CREATE TRIGGER document_versions_tally_delete AFTER DELETE ON document_versions
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tally_rows('storageBytes', 'size');
