/** What the preview needs of an open charge (a subset of the API's charge). */
export interface OpenCharge {
  id: string;
  description: string;
  dueDate: string;
  currency: string;
  status: string;
  outstanding: number;
}

export interface AllocationPreview {
  /** The charges the money settles, in the order it settles them, with how much each gets and still owes after. */
  settles: { charge: OpenCharge; amount: number; remaining: number }[];
  /** The member's credit in the currency before the payment. */
  creditBefore: number;
  /** What stays as the member's credit afterwards. */
  creditLeft: number;
}

/**
 * Which of a member's open charges a payment of `amount` will settle, mirroring the server
 * (src/modules/finance/ledger/payments.ts, `applyCredit` without named allocations): the
 * payment lands in the member's credit, then the whole credit in that currency (this payment
 * and any earlier credit) settles their open charges in that currency, oldest due date first
 * (then id), each up to what it still owes, until it runs out. What is left stays as credit.
 */
export function previewAllocation(openCharges: OpenCharge[], creditBefore: number, amount: number, currency: string): AllocationPreview {
  let credit = Math.max(0, creditBefore) + Math.max(0, amount);
  const charges = openCharges
    .filter((c) => c.currency === currency && (c.status === 'open' || c.status === 'partially_paid') && c.outstanding > 0)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const settles: AllocationPreview['settles'] = [];
  for (const charge of charges) {
    if (credit === 0) break;
    const paid = Math.min(credit, charge.outstanding);
    settles.push({ charge, amount: paid, remaining: charge.outstanding - paid });
    credit -= paid;
  }
  return { settles, creditBefore, creditLeft: credit };
}
