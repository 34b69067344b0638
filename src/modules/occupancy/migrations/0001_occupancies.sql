-- Who is attached to a unit, in which role, from when until when. Rows are history: a move-out
-- sets end_date, a new role or a new stay is a new row.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE occupancies (
  tenant_id       uuid          NOT NULL,
  id              uuid          NOT NULL,
  unit_id         uuid          NOT NULL,
  member_id       uuid          NOT NULL,
  role            text          NOT NULL CHECK (role IN ('owner', 'resident', 'renter', 'household')),
  start_date      date          NOT NULL,
  -- Inclusive; null while open-ended.
  end_date        date,
  -- An owner's share of the unit (owners' shares sum to 1); only owners have one.
  ownership_share numeric(12, 9) CHECK (ownership_share > 0 AND ownership_share <= 1),
  -- Set when a lease made this occupancy (its renters); the lease then manages it.
  lease_id        uuid,
  notes           text          NOT NULL DEFAULT '',
  created_at      timestamptz   NOT NULL DEFAULT now(),
  updated_at      timestamptz   NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id),
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK (ownership_share IS NULL OR role = 'owner'),
  -- One member cannot hold the same role in the same unit twice at once, however requests race.
  CONSTRAINT occupancies_no_overlap EXCLUDE USING gist (
    tenant_id WITH =, unit_id WITH =, member_id WITH =, role WITH =,
    daterange(start_date, end_date, '[]') WITH &&
  )
);
CREATE INDEX occupancies_by_unit ON occupancies (tenant_id, unit_id, start_date);
CREATE INDEX occupancies_by_member ON occupancies (tenant_id, member_id, start_date);
CREATE INDEX occupancies_by_lease ON occupancies (tenant_id, lease_id) WHERE lease_id IS NOT NULL;

ALTER TABLE occupancies ENABLE ROW LEVEL SECURITY;
ALTER TABLE occupancies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON occupancies USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
