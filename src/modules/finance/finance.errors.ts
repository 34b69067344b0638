import { defineErrors } from '../../kernel/errors.js';

/** The finance module's refusals a client acts on, shared by its rooms. */
export const financeErrors = defineErrors('finance', {
  charge_already_void: { status: 409, title: 'The charge is void' },
  charge_written_off: { status: 409, title: 'Part of the charge is written off, so it cannot be voided' },
  charge_owes_nothing: { status: 409, title: 'The charge owes nothing' },
  nothing_owed: { status: 409, title: 'The member owes nothing' },
  refund_exceeds_credit: { status: 409, title: 'The refund is more than the member’s credit' },
  system_account: { status: 409, title: 'A system account cannot be archived' },
  entry_not_manual: { status: 409, title: 'Only a manual journal entry is reversed directly' },
  entry_already_reversed: { status: 409, title: 'The journal entry is already reversed' },
  schedule_overlap: { status: 409, title: 'Another rent schedule already covers some of these leases' },
  billing_run_in_progress: { status: 409, title: 'A billing run of the period is already in progress' },
  bank_line_not_credit: { status: 409, title: 'The bank statement line is money out, not a payment' },
  bank_line_duplicate: { status: 409, title: 'The bank statement line was imported before', description: 'The bank statement line was imported before: confirm the earlier one (`duplicateOf`)' },
  bank_line_other_member: { status: 409, title: 'The bank statement line was recorded for another member' },
  card_payments_disabled: { status: 409, title: 'Card payments are not enabled for this tenant' },
  entry_unbalanced: { status: 422, title: 'The journal entry does not balance', description: 'The journal entry does not balance: debits and credits differ in some currency' },
  provider_refused: { status: 422, title: 'The payment provider refused the checkout', description: 'The payment provider refused the checkout (its keys, or the request)' },
  stripe_keys_unreadable: { status: 409, title: 'The stored Stripe keys cannot be opened', description: 'The stored Stripe keys cannot be opened (the platform secret changed): a manager enters them again' },
});
