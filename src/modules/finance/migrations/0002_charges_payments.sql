-- Charges (what a member owes), payments (what they paid) and allocations (which payment
-- money settles which charge). Money lands in the member's credit when paid; an allocation
-- moves it from credit to the charge. Every change here posts its journal entry in the same
-- transaction; the tables keep the state the ledger implies, for fast reads.

CREATE TABLE finance_charges (
  tenant_id     uuid        NOT NULL,
  id            uuid        NOT NULL,
  member_id     uuid        NOT NULL,
  unit_id       uuid,
  lease_id      uuid,
  kind          text        NOT NULL CHECK (kind IN ('levy', 'rent', 'service', 'utility', 'fee', 'deposit', 'other')),
  description   text        NOT NULL,
  amount        bigint      NOT NULL CHECK (amount > 0),
  currency      text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  period_start  date,
  period_end    date,
  due_date      date        NOT NULL,
  allocated     bigint      NOT NULL DEFAULT 0,
  written_off   bigint      NOT NULL DEFAULT 0,
  status        text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'partially_paid', 'paid', 'void')),
  entry_id      uuid        NOT NULL,
  void_entry_id uuid,
  -- What created it: a schedule's period or a late fee's charge and period; each exactly once.
  natural_key   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, natural_key),
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id),
  FOREIGN KEY (tenant_id, lease_id) REFERENCES leases (tenant_id, id),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES finance_entries (tenant_id, id),
  FOREIGN KEY (tenant_id, void_entry_id) REFERENCES finance_entries (tenant_id, id),
  CHECK (allocated >= 0 AND written_off >= 0 AND allocated + written_off <= amount),
  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
CREATE INDEX finance_charges_by_member ON finance_charges (tenant_id, member_id, due_date, id);
CREATE INDEX finance_charges_open ON finance_charges (tenant_id, due_date) WHERE status IN ('open', 'partially_paid');
ALTER TABLE finance_charges ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_charges FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_charges USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

ALTER TABLE finance_lines
  ADD CONSTRAINT finance_lines_charge_fkey FOREIGN KEY (tenant_id, charge_id) REFERENCES finance_charges (tenant_id, id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE finance_payments (
  tenant_id         uuid        NOT NULL,
  id                uuid        NOT NULL,
  member_id         uuid        NOT NULL,
  method            text        NOT NULL CHECK (method IN ('bank_transfer', 'cash', 'cheque', 'card', 'other')),
  amount            bigint      NOT NULL CHECK (amount > 0),
  currency          text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  received_on       date        NOT NULL,
  reference         text,
  payer             text,
  refunded          bigint      NOT NULL DEFAULT 0 CHECK (refunded >= 0),
  entry_id          uuid        NOT NULL,
  -- A card payment's provider event: recorded once, however often the provider delivers it.
  provider          text,
  provider_event_id text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, provider, provider_event_id),
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES finance_entries (tenant_id, id),
  CHECK (refunded <= amount)
);
CREATE INDEX finance_payments_by_member ON finance_payments (tenant_id, member_id, received_on, id);
ALTER TABLE finance_payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_payments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_payments USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

CREATE TABLE finance_allocations (
  tenant_id  uuid        NOT NULL,
  id         uuid        NOT NULL,
  member_id  uuid        NOT NULL,
  charge_id  uuid        NOT NULL,
  -- The payment whose money it was, when known (credit from several payments may be pooled).
  payment_id uuid,
  amount     bigint      NOT NULL CHECK (amount > 0),
  currency   text        NOT NULL,
  entry_id   uuid        NOT NULL,
  -- Set when the allocation is released back to credit (its charge voided).
  reversed_entry_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
  FOREIGN KEY (tenant_id, charge_id) REFERENCES finance_charges (tenant_id, id),
  FOREIGN KEY (tenant_id, payment_id) REFERENCES finance_payments (tenant_id, id),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES finance_entries (tenant_id, id),
  FOREIGN KEY (tenant_id, reversed_entry_id) REFERENCES finance_entries (tenant_id, id)
);
CREATE INDEX finance_allocations_by_charge ON finance_allocations (tenant_id, charge_id);
ALTER TABLE finance_allocations ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_allocations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_allocations USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
