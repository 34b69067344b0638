-- A member's credit, read when a payment arrives and whenever charges are posted (credit pays
-- new charges at once): the member-credit lines of one member in one currency. Those lines
-- name no charge, and every line of a posted charge names one, so a billing batch's lines
-- (all charge lines) add nothing to this index, and the index holds payments, refunds,
-- allocations' credit side and manual lines about a member. Its key equals every column the
-- credit query compares, so the planner takes it with statistics or without them.
CREATE INDEX finance_lines_member_credit ON finance_lines (tenant_id, member_id, currency, account_id) INCLUDE (amount, entry_date)
  WHERE member_id IS NOT NULL AND charge_id IS NULL;
