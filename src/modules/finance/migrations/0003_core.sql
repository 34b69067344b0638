-- A charge settled in whole or part by a write-off is `written_off`, not `paid`: a debt given
-- up is not a debt paid (the member's statement and the portal say which).
ALTER TABLE finance_charges DROP CONSTRAINT finance_charges_status_check;
ALTER TABLE finance_charges ADD CONSTRAINT finance_charges_status_check
  CHECK (status IN ('open', 'partially_paid', 'paid', 'written_off', 'void'));
UPDATE finance_charges SET status = 'written_off' WHERE status = 'paid' AND written_off > 0;

-- The lists the API serves across members: charges by due date, payments by the day received,
-- and a payment's allocations.
CREATE INDEX finance_charges_by_due ON finance_charges (tenant_id, due_date, id);
CREATE INDEX finance_payments_by_received ON finance_payments (tenant_id, received_on, id);
CREATE INDEX finance_allocations_by_payment ON finance_allocations (tenant_id, payment_id) WHERE payment_id IS NOT NULL;
