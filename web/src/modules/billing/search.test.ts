import { describe, expect, it } from 'vitest';
import { billingSearch } from './search.js';

describe("the Billing page's address", () => {
  it('keeps a known status, a cursor, and the invoice Stripe returned from', () => {
    const id = '0190a4c2-7b1e-7c3d-9e4f-123456789abc';
    expect(billingSearch({ status: 'open', cursor: 'abc', invoice: id, paid: '1' })).toEqual({ status: 'open', cursor: 'abc', invoice: id, paid: 1 });
    expect(billingSearch({ paid: 1 })).toMatchObject({ paid: 1 });
  });

  it('drops what is not well formed', () => {
    expect(billingSearch({ status: 'overdue', invoice: '../../x', paid: 'yes', cursor: ' ' })).toEqual({ status: undefined, cursor: undefined, invoice: undefined, paid: undefined });
  });
});
