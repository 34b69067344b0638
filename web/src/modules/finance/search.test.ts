import { describe, expect, it } from 'vitest';
import { addDays, chargesQuery, chargesSearch, paymentsSearch, reportSearch } from './search.js';

const id = '0198c3a1-7b2e-7c1d-8e2f-0123456789ab';

describe('the finance lists’ URL search', () => {
  it('keeps the filters the API knows and drops the rest', () => {
    expect(chargesSearch({ q: 'levy', status: 'open', kind: 'rent', memberId: id, dueFrom: '2026-01-01', dueTo: '2026-01-31' })).toEqual({ q: 'levy', status: 'open', kind: 'rent', memberId: id, dueFrom: '2026-01-01', dueTo: '2026-01-31' });
    expect(chargesSearch({ status: 'closed', kind: 'tax', memberId: 'x', dueFrom: '1 Jan', dueTo: 5 })).toEqual({});
    expect(paymentsSearch({ method: 'cash', receivedFrom: '2026-02-01', memberId: id.toUpperCase() })).toEqual({ method: 'cash', receivedFrom: '2026-02-01', memberId: id });
    expect(paymentsSearch({ method: 'gold' })).toEqual({});
    expect(reportSearch({ asOf: '2026-03-31', groupBy: 'unit', from: 'nope' })).toEqual({ asOf: '2026-03-31', groupBy: 'unit' });
  });

  it('turns the page’s inclusive due dates into the API’s exclusive bounds', () => {
    expect(chargesQuery({ dueFrom: '2026-03-01', dueTo: '2026-12-31', status: 'open' })).toEqual({ limit: 50, status: 'open', dueAfter: '2026-02-28', dueBefore: '2027-01-01' });
    expect(chargesQuery({ q: 'water' })).toEqual({ limit: 50, q: 'water' });
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
