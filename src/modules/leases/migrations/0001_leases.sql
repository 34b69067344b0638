-- Leases: who rents which unit, for how much, from when until when.
CREATE TABLE leases (
  tenant_id          uuid        NOT NULL,
  id                 uuid        NOT NULL,
  unit_id            uuid        NOT NULL,
  status             text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'ending', 'ended', 'terminated')),
  start_date         date        NOT NULL,
  -- Inclusive; null for a periodic (rolling) lease until notice is given.
  end_date           date,
  rent_amount        bigint      NOT NULL CHECK (rent_amount >= 0),
  currency           text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  frequency          text        NOT NULL CHECK (frequency IN ('weekly', 'monthly', 'quarterly', 'yearly')),
  -- Day of the week (1 = Monday) for weekly rent, day of the month otherwise (past month end: last day).
  due_day            integer     NOT NULL CHECK (due_day BETWEEN 1 AND 31),
  deposit_amount     bigint      NOT NULL DEFAULT 0 CHECK (deposit_amount >= 0),
  previous_lease_id  uuid,
  notes              text        NOT NULL DEFAULT '',
  activated_at       timestamptz,
  terminated_at      timestamptz,
  termination_reason text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  -- Named: the service turns a missing unit into a 404 that says so.
  CONSTRAINT leases_unit_fkey FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id),
  FOREIGN KEY (tenant_id, previous_lease_id) REFERENCES leases (tenant_id, id),
  -- An end the day before the start: terminated before it took effect (it never held the unit).
  CHECK (end_date IS NULL OR end_date >= start_date - 1),
  CHECK (frequency <> 'weekly' OR due_day <= 7),
  -- A unit is let to one lease at a time, however activations race. Drafts and leases
  -- cancelled before they took effect hold no dates.
  CONSTRAINT leases_no_overlap EXCLUDE USING gist (
    tenant_id WITH =, unit_id WITH =, daterange(start_date, end_date, '[]') WITH &&
  ) WHERE (activated_at IS NOT NULL AND (end_date IS NULL OR end_date >= start_date))
);
-- A lease is renewed once: one successor per lease.
CREATE UNIQUE INDEX leases_one_successor ON leases (tenant_id, previous_lease_id) WHERE previous_lease_id IS NOT NULL;
CREATE INDEX leases_by_unit ON leases (tenant_id, unit_id, start_date);
CREATE INDEX leases_by_status ON leases (tenant_id, status, end_date);
-- The default list order (newest start first) and its keyset.
CREATE INDEX leases_by_start ON leases (tenant_id, start_date, id);

ALTER TABLE leases ENABLE ROW LEVEL SECURITY;
ALTER TABLE leases FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON leases USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

CREATE TABLE lease_renters (
  tenant_id uuid NOT NULL,
  lease_id  uuid NOT NULL,
  member_id uuid NOT NULL,
  -- The order the renters were given in (the first is the lead renter); rows written without
  -- it (imports, seeds) fall back to member id order.
  position  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, lease_id, member_id),
  FOREIGN KEY (tenant_id, lease_id) REFERENCES leases (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT lease_renters_member_fkey FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id)
);
CREATE INDEX lease_renters_by_member ON lease_renters (tenant_id, member_id, lease_id);

ALTER TABLE lease_renters ENABLE ROW LEVEL SECURITY;
ALTER TABLE lease_renters FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON lease_renters USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- The lease.expiring notices sent (60 and 30 days before the end): each once. The row is the
-- once: the daily job inserts it and emits only when the insert went in.
CREATE TABLE lease_notices (
  tenant_id   uuid        NOT NULL,
  lease_id    uuid        NOT NULL,
  days_before integer     NOT NULL CHECK (days_before IN (30, 60)),
  -- Passed over, never sent: the lease was first seen already inside the next notice's window.
  skipped     boolean     NOT NULL DEFAULT false,
  sent_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, lease_id, days_before),
  FOREIGN KEY (tenant_id, lease_id) REFERENCES leases (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE lease_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE lease_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON lease_notices USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- The occupancies a lease made are its own.
ALTER TABLE occupancies
  ADD CONSTRAINT occupancies_lease_fkey FOREIGN KEY (tenant_id, lease_id) REFERENCES leases (tenant_id, id);
