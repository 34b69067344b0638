-- The ledger's balance invariant, checked per statement instead of per row. A billing run posts
-- 500 charges (1,000 lines) in one statement; the row triggers of 0001 ran the balance query
-- three times per charge at commit (once for the entry, once per line), each a plan cached per
-- connection that had to find the entry's lines again. Now:
--
-- * Every statement that adds lines must leave each entry it touches balanced by those lines
--   alone: the lines a statement adds to an entry add up to zero per currency. Checked from the
--   statement's own rows (a transition table), so the check reads no table and has no plan to
--   go stale; it is as strong as before, since an entry is the sum of the statements that
--   added to it (lines are never changed or removed).
-- * That an entry has lines at all is checked when its transaction commits, by the deferred
--   trigger that already counts the entry's turnover (0007): an entry whose lines add no debit
--   has none, since its lines balance and none is zero. One query per entry at commit, not three.

DROP TRIGGER finance_entries_balanced ON finance_entries;
DROP TRIGGER finance_lines_balanced ON finance_lines;
DROP FUNCTION finance_check_entry_balanced();

CREATE FUNCTION finance_check_lines_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  off record;
BEGIN
  SELECT entry_id, currency, sum(amount) AS total INTO off
    FROM new_lines GROUP BY entry_id, currency HAVING sum(amount) <> 0 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % does not balance in %: off by %', off.entry_id, off.currency, off.total
      USING ERRCODE = '23514', CONSTRAINT = 'finance_entry_balanced';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER finance_lines_balanced AFTER INSERT ON finance_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION finance_check_lines_balanced();

CREATE OR REPLACE FUNCTION finance_count_turnover() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO finance_turnover AS t (tenant_id, currency, debits)
  SELECT NEW.tenant_id, l.currency, sum(l.amount)
    FROM finance_lines l
   WHERE l.tenant_id = NEW.tenant_id AND l.entry_id = NEW.id AND l.amount > 0
   GROUP BY l.currency
  ON CONFLICT (tenant_id, currency) DO UPDATE SET debits = t.debits + EXCLUDED.debits;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'journal entry % has no lines', NEW.id USING ERRCODE = '23514', CONSTRAINT = 'finance_entry_balanced';
  END IF;
  RETURN NULL;
END $$;
