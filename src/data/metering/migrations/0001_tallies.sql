-- What each tenant has, per meter (members, units, active users, stored bytes), kept by the
-- statements that change it, in their own transaction. Plan limits read and lock one row here
-- instead of counting rows, and the daily usage snapshot reports these values to the platform.
CREATE TABLE tenant_tallies (
  tenant_id uuid   NOT NULL,
  meter     text   NOT NULL,
  value     bigint NOT NULL CHECK (value >= 0),
  PRIMARY KEY (tenant_id, meter)
);
ALTER TABLE tenant_tallies ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_tallies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_tallies USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- A statement-level trigger function a module attaches to its table, once per operation (a
-- trigger with transition tables takes one event):
--   tally_rows('<meter>', '<expression over a row>')
-- The expression is what one row adds to the meter: '1' counts rows, 'size' sums a column,
-- 'CASE WHEN status = ''active'' THEN 1 ELSE 0 END' counts some. Inserts add the new rows',
-- deletes take away the old rows', updates move the difference. Per statement, so an import
-- of a thousand rows moves the tally once; the row's lock, held to commit, queues a tenant's
-- concurrent writes just where a plan limit needs them queued.
CREATE FUNCTION tally_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  meter text := TG_ARGV[0];
  delta text;
BEGIN
  delta := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT tenant_id, (%s) AS n FROM added', TG_ARGV[1])
    WHEN 'DELETE' THEN format('SELECT tenant_id, -(%s) AS n FROM removed', TG_ARGV[1])
    ELSE format('SELECT tenant_id, (%1$s) AS n FROM added UNION ALL SELECT tenant_id, -(%1$s) FROM removed', TG_ARGV[1])
  END;
  -- The row first (a CHECK judges an upsert's proposed row, so a negative delta cannot be one),
  -- then the change: one UPDATE per tenant the statement touched.
  EXECUTE format('INSERT INTO tenant_tallies (tenant_id, meter, value)
                  SELECT DISTINCT tenant_id, $1, 0 FROM (%s) d
                  ON CONFLICT (tenant_id, meter) DO NOTHING', delta) USING meter;
  EXECUTE format('UPDATE tenant_tallies t SET value = t.value + d.n
                    FROM (SELECT tenant_id, sum(n) AS n FROM (%s) c GROUP BY tenant_id) d
                   WHERE t.tenant_id = d.tenant_id AND t.meter = $1 AND d.n <> 0', delta) USING meter;
  RETURN NULL;
END $$;
