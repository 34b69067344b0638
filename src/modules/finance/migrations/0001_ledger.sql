-- The double-entry ledger: a chart of accounts per tenant and immutable journal entries whose
-- lines balance per currency. The database itself refuses an unbalanced entry (a deferred
-- constraint trigger checks every entry at commit) and any edit of a posted one.

CREATE TABLE finance_accounts (
  tenant_id   uuid        NOT NULL,
  id          uuid        NOT NULL,
  code        text        NOT NULL CHECK (code ~ '^[0-9A-Za-z.-]{1,20}$'),
  name        text        NOT NULL,
  type        text        NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'income', 'expense')),
  -- The accounts the platform posts to itself (receivable, bank, levy income ...): one per key.
  system_key  text,
  archived_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  UNIQUE (tenant_id, system_key)
);
ALTER TABLE finance_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_accounts USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

CREATE TABLE finance_entries (
  tenant_id   uuid        NOT NULL,
  id          uuid        NOT NULL,
  entry_date  date        NOT NULL,
  description text        NOT NULL,
  -- What posted it: manual, charge, payment, allocation, refund, write_off, late_fee, reversal ...
  kind        text        NOT NULL,
  -- A correction reverses a whole entry, once.
  reverses_id uuid,
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, reverses_id) REFERENCES finance_entries (tenant_id, id),
  UNIQUE (tenant_id, reverses_id)
);
CREATE INDEX finance_entries_by_date ON finance_entries (tenant_id, entry_date, id);
ALTER TABLE finance_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_entries USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

CREATE TABLE finance_lines (
  tenant_id  uuid    NOT NULL,
  entry_id   uuid    NOT NULL,
  line_no    integer NOT NULL,
  account_id uuid    NOT NULL,
  -- Debit positive, credit negative, in minor units of `currency`.
  amount     bigint  NOT NULL CHECK (amount <> 0),
  currency   text    NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- What the line concerns, for member balances, statements and reports.
  member_id  uuid,
  unit_id    uuid,
  lease_id   uuid,
  charge_id  uuid,
  entry_date date    NOT NULL,
  PRIMARY KEY (tenant_id, entry_id, line_no),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES finance_entries (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES finance_accounts (tenant_id, id),
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id),
  FOREIGN KEY (tenant_id, lease_id) REFERENCES leases (tenant_id, id)
);
CREATE INDEX finance_lines_by_account ON finance_lines (tenant_id, account_id, entry_date, entry_id);
CREATE INDEX finance_lines_by_member ON finance_lines (tenant_id, member_id, entry_date) WHERE member_id IS NOT NULL;
CREATE INDEX finance_lines_by_charge ON finance_lines (tenant_id, charge_id) WHERE charge_id IS NOT NULL;
ALTER TABLE finance_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_lines USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- Every entry balances per currency and has lines, checked when its transaction commits (lines
-- arrive one statement after the entry).
CREATE FUNCTION finance_check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- One function for both tables: read the entry's id by name (a record has only its own fields).
  entry uuid := (to_jsonb(NEW) ->> CASE WHEN TG_TABLE_NAME = 'finance_entries' THEN 'id' ELSE 'entry_id' END)::uuid;
  off record;
BEGIN
  SELECT currency, sum(amount) AS total INTO off
    FROM finance_lines WHERE tenant_id = NEW.tenant_id AND entry_id = entry
   GROUP BY currency HAVING sum(amount) <> 0 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % does not balance in %: off by %', entry, off.currency, off.total
      USING ERRCODE = '23514', CONSTRAINT = 'finance_entry_balanced';
  END IF;
  IF TG_TABLE_NAME = 'finance_entries' AND NOT EXISTS (SELECT 1 FROM finance_lines WHERE tenant_id = NEW.tenant_id AND entry_id = entry) THEN
    RAISE EXCEPTION 'journal entry % has no lines', entry USING ERRCODE = '23514', CONSTRAINT = 'finance_entry_balanced';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER finance_entries_balanced AFTER INSERT ON finance_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION finance_check_entry_balanced();
CREATE CONSTRAINT TRIGGER finance_lines_balanced AFTER INSERT ON finance_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION finance_check_entry_balanced();

-- Posted is posted: corrections are reversing entries.
CREATE FUNCTION finance_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: post a reversing entry instead', TG_TABLE_NAME USING ERRCODE = '23514', CONSTRAINT = 'finance_immutable';
END $$;
CREATE TRIGGER finance_entries_immutable BEFORE UPDATE OR DELETE ON finance_entries FOR EACH ROW EXECUTE FUNCTION finance_immutable();
CREATE TRIGGER finance_lines_immutable BEFORE UPDATE OR DELETE ON finance_lines FOR EACH ROW EXECUTE FUNCTION finance_immutable();
