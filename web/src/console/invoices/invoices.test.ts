import { describe, expect, it } from 'vitest';
import { invoiceActions, invoicesQuery, invoicesSearch } from './search.js';

describe('the invoices filters', () => {
  it('reads the URL, dropping what the API does not know', () => {
    expect(invoicesSearch({ tenant: ' chestnut ', status: 'open', kind: 'invoice', cursor: 'abc', other: 'x' })).toEqual({ tenant: 'chestnut', status: 'open', kind: 'invoice', cursor: 'abc' });
    expect(invoicesSearch({ tenant: '', status: 'late', kind: 'receipt', cursor: 3 })).toEqual({});
  });

  it('asks the API for a page with the filters', () => {
    expect(invoicesQuery({ status: 'paid' })).toEqual({ limit: 50, status: 'paid' });
    expect(invoicesQuery({ tenant: 'oak', cursor: 'c' }, 10)).toEqual({ limit: 10, tenant: 'oak', cursor: 'c' });
  });
});

describe("an invoice's actions", () => {
  it('records a transfer on an open invoice and credits any invoice not void', () => {
    expect(invoiceActions({ kind: 'invoice', status: 'open', amountDueMinor: 100 })).toEqual({ markPaid: true, credit: true });
    expect(invoiceActions({ kind: 'invoice', status: 'open', amountDueMinor: 0 })).toEqual({ markPaid: false, credit: true });
    expect(invoiceActions({ kind: 'invoice', status: 'paid', amountDueMinor: 0 })).toEqual({ markPaid: false, credit: true });
    expect(invoiceActions({ kind: 'invoice', status: 'void', amountDueMinor: 0 })).toEqual({ markPaid: false, credit: false });
    expect(invoiceActions({ kind: 'credit_note', status: 'issued', amountDueMinor: 0 })).toEqual({ markPaid: false, credit: false });
  });
});
