import { describe, expect, it } from 'vitest';
import { auditQuery, auditSearch } from './search.js';

describe('the audit filters', () => {
  it('reads the URL, dropping what is not well formed', () => {
    expect(auditSearch({ q: ' plan ', action: 'plan.created', tenant: 'oak', from: '2025-02-01', to: '2025-02-30', actor: '', cursor: 'abc', other: 'x' })).toEqual({ q: 'plan', action: 'plan.created', tenant: 'oak', from: '2025-02-01', cursor: 'abc' });
    expect(auditSearch({ from: 20250201, to: 'yesterday' })).toEqual({});
  });

  it('asks the API for whole days, the last one included', () => {
    const query = auditQuery({ action: 'plan.created', from: '2025-02-01', to: '2025-02-03' });
    expect(query).toEqual({ limit: 50, action: 'plan.created', from: new Date(2025, 1, 1).toISOString(), to: new Date(2025, 1, 4).toISOString() });
    expect(auditQuery({})).toEqual({ limit: 50 });
  });
});
