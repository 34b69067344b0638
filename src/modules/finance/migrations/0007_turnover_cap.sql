-- Totals stay exact. The API answers amounts, balances and totals as JSON numbers, which are
-- exact integers only within ±(2^53 − 1). Every figure finance reports is a sum of ledger
-- lines of one tenant in one currency (a balance, a running balance, a statement, arrears,
-- income) or a sum of such sums with one sign (the trial balance's debit column is the
-- accounts with a debit balance). Entries balance, so a tenant's credits in a currency add up
-- to its debits, D; then every such sum lies within ±D. Capping D, everything ever debited
-- in a currency, at 2^53 − 1 keeps every figure exact, however the lines are grouped. An
-- account balance cap would not do: the trial balance adds up the balances of many accounts.
--
-- D grows by each entry's debits and never shrinks (corrections are new entries). It is
-- counted when the entry's transaction commits (a deferred trigger, like the balance check),
-- so the counter's row is locked only while a transaction commits, not while it runs.

CREATE TABLE finance_turnover (
  tenant_id uuid   NOT NULL,
  currency  text   NOT NULL,
  -- Everything ever debited in the currency: the sum of the positive line amounts.
  debits    bigint NOT NULL,
  PRIMARY KEY (tenant_id, currency)
);
ALTER TABLE finance_turnover ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_turnover FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON finance_turnover USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- What each tenant has posted so far (read across tenants, as the owner, for this once).
ALTER TABLE finance_lines NO FORCE ROW LEVEL SECURITY;
INSERT INTO finance_turnover (tenant_id, currency, debits)
SELECT tenant_id, currency, least(sum(amount), 9223372036854775807)::bigint
  FROM finance_lines WHERE amount > 0 GROUP BY tenant_id, currency;
ALTER TABLE finance_lines FORCE ROW LEVEL SECURITY;

-- NOT VALID: a ledger already past the cap keeps its rows, and takes no more debits in that currency.
ALTER TABLE finance_turnover ADD CONSTRAINT finance_turnover_cap CHECK (debits <= 9007199254740991) NOT VALID;

CREATE FUNCTION finance_count_turnover() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finance_turnover AS t (tenant_id, currency, debits)
  SELECT NEW.tenant_id, l.currency, sum(l.amount)
    FROM finance_lines l
   WHERE l.tenant_id = NEW.tenant_id AND l.entry_id = NEW.id AND l.amount > 0
   GROUP BY l.currency
  ON CONFLICT (tenant_id, currency) DO UPDATE SET debits = t.debits + EXCLUDED.debits;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER finance_entries_turnover AFTER INSERT ON finance_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION finance_count_turnover();

-- One amount, as the API takes it (MAX_AMOUNT in src/kernel/money.ts). Lines are not capped
-- so: an allocation's member-credit line is the sum of the charges it settles.
ALTER TABLE finance_charges ADD CONSTRAINT finance_charges_amount_cap CHECK (amount <= 10000000000000) NOT VALID;
ALTER TABLE finance_payments ADD CONSTRAINT finance_payments_amount_cap CHECK (amount <= 10000000000000) NOT VALID;
