-- Billing: recurring schedules (levies split over a property's units by participation share,
-- rent from leases), the runs that turn one month of them into charges, and the tenant's
-- late-fee rule. Charges themselves are finance_charges: a run's natural keys make each one
-- exactly once, however often a run is retried or repeated.

CREATE TABLE finance_schedules (
  tenant_id              uuid        NOT NULL,
  id                     uuid        NOT NULL,
  kind                   text        NOT NULL CHECK (kind IN ('levy', 'rent')),
  name                   text        NOT NULL,
  -- Levy: the property whose units share the budget. Rent: the leases of this property's units
  -- only (null: every lease of the tenant).
  property_id            uuid,
  include_sub_properties boolean     NOT NULL,
  -- Levy only: the budget of one period, split over the units; rent comes from each lease.
  amount                 bigint      CHECK (amount > 0),
  currency               text        CHECK (currency ~ '^[A-Z]{3}$'),
  frequency              text        CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
  due_day                integer     CHECK (due_day BETWEEN 1 AND 31),
  -- Rent only: the lead renter pays, or the renters in equal parts.
  renter_split           text        CHECK (renter_split IN ('lead', 'equal')),
  description            text        NOT NULL,
  -- The first and last months billed (inclusive; last null: open-ended). Nothing earlier is
  -- billed, so that adopting a schedule never charges history.
  start_period           text        NOT NULL CHECK (start_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  end_period             text        CHECK (end_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  -- A paused schedule is left out of runs that do not name it.
  active                 boolean     NOT NULL DEFAULT true,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  -- A property is deleted only when it was a mistake (it holds no units): so are its schedules.
  CONSTRAINT finance_schedules_property_fkey FOREIGN KEY (tenant_id, property_id) REFERENCES properties (tenant_id, id) ON DELETE CASCADE,
  CHECK (kind <> 'levy' OR (property_id IS NOT NULL AND amount IS NOT NULL AND currency IS NOT NULL AND frequency IS NOT NULL AND due_day IS NOT NULL AND renter_split IS NULL)),
  CHECK (kind <> 'rent' OR (amount IS NULL AND currency IS NULL AND frequency IS NULL AND due_day IS NULL AND renter_split IS NOT NULL)),
  CHECK (end_period IS NULL OR end_period >= start_period)
);
CREATE INDEX finance_schedules_by_name ON finance_schedules (tenant_id, name, id);
CREATE INDEX finance_schedules_by_property ON finance_schedules (tenant_id, property_id);
ALTER TABLE finance_schedules ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_schedules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_schedules USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

CREATE TABLE finance_billing_runs (
  tenant_id    uuid        NOT NULL,
  id           uuid        NOT NULL,
  period       text        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  -- The schedules asked for; null: every active schedule.
  schedule_ids uuid[],
  status       text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  -- Charges planned (to create, or found already created), created by this run, found
  -- already created, refused by the database; and planned lines skipped (with a reason).
  planned      integer     NOT NULL DEFAULT 0,
  created      integer     NOT NULL DEFAULT 0,
  existing     integer     NOT NULL DEFAULT 0,
  failed       integer     NOT NULL DEFAULT 0,
  skipped      integer     NOT NULL DEFAULT 0,
  errors       jsonb       NOT NULL DEFAULT '[]',
  requested_by uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
-- One run of a month at a time per tenant, however requests race: the second is refused.
CREATE UNIQUE INDEX finance_billing_runs_one_active ON finance_billing_runs (tenant_id, period) WHERE status IN ('queued', 'running');
CREATE INDEX finance_billing_runs_by_period ON finance_billing_runs (tenant_id, period, id);
ALTER TABLE finance_billing_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_billing_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_billing_runs USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- A run's plan, fixed when the run starts: every charge it makes (pending until posted, in
-- the same transaction as its charge) and every line it skips. A run that dies resumes at its
-- first pending line; what people and shares looked like when it started still decides.
CREATE TABLE finance_billing_run_items (
  tenant_id    uuid    NOT NULL,
  run_id       uuid    NOT NULL,
  seq          integer NOT NULL,
  schedule_id  uuid    NOT NULL,
  kind         text    NOT NULL CHECK (kind IN ('levy', 'rent')),
  status       text    NOT NULL CHECK (status IN ('pending', 'created', 'existing', 'skipped', 'failed')),
  -- What one unit's levy or one lease period's rent is billed as: its charges' natural keys are
  -- this and a member. Once billed, a target is never billed to other members.
  target       text    NOT NULL,
  natural_key  text,
  -- A plan is a record of what was decided, not a live link: no foreign keys to people, units or
  -- charges (a charge's id is written in the transaction that posts it, and charges are never
  -- deleted; checking 50,000 of them again per run bought nothing but time).
  member_id    uuid,
  unit_id      uuid,
  lease_id     uuid,
  amount       bigint,
  currency     text,
  description  text,
  period_start date,
  period_end   date,
  due_date     date,
  -- Why it was skipped or failed.
  reason       text,
  detail       text,
  charge_id    uuid,
  PRIMARY KEY (tenant_id, run_id, seq),
  FOREIGN KEY (tenant_id, run_id) REFERENCES finance_billing_runs (tenant_id, id) ON DELETE CASCADE,
  CHECK (status = 'skipped' OR natural_key IS NOT NULL),
  CHECK (status NOT IN ('created', 'existing') OR charge_id IS NOT NULL)
);
CREATE INDEX finance_billing_run_items_pending ON finance_billing_run_items (tenant_id, run_id, seq) WHERE status = 'pending';
CREATE INDEX finance_billing_run_items_billed ON finance_billing_run_items (tenant_id, target) WHERE status IN ('created', 'existing');
ALTER TABLE finance_billing_run_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_billing_run_items FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_billing_run_items USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- The tenant's late-fee rule: one per tenant.
CREATE TABLE finance_late_fee_rules (
  tenant_id  uuid        NOT NULL,
  enabled    boolean     NOT NULL,
  grace_days integer     NOT NULL CHECK (grace_days BETWEEN 0 AND 365),
  kind       text        NOT NULL CHECK (kind IN ('flat', 'percent')),
  -- Flat: minor units of the overdue charge's currency. Percent: basis points of what is outstanding.
  amount     bigint      CHECK (amount > 0),
  percent_bp integer     CHECK (percent_bp BETWEEN 1 AND 10000),
  cap        bigint      CHECK (cap > 0),
  repeat     text        NOT NULL CHECK (repeat IN ('once', 'monthly')),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id),
  CHECK ((kind = 'flat' AND amount IS NOT NULL AND percent_bp IS NULL) OR (kind = 'percent' AND percent_bp IS NOT NULL AND amount IS NULL))
);
ALTER TABLE finance_late_fee_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_late_fee_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_late_fee_rules USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
