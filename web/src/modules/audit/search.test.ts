import { describe, expect, it } from 'vitest';
import { auditQuery, auditSearch } from './search.js';

describe("the workspace audit log's filters", () => {
  it('reads the URL, dropping what is not well formed', () => {
    expect(auditSearch({ action: 'auth.*', actor: ' 0193 ', targetType: 'charge', from: '2026-02-01', to: '2026-02-30', cursor: 'abc', other: 'x' })).toEqual({ action: 'auth.*', actor: '0193', targetType: 'charge', from: '2026-02-01', cursor: 'abc' });
    expect(auditSearch({ action: 'AUTH%', from: 20260201 })).toEqual({});
  });

  it('asks the API for whole days, the last one included', () => {
    expect(auditQuery({ action: 'export.*', from: '2026-02-01', to: '2026-02-03' })).toEqual({ limit: 50, action: 'export.*', from: new Date(2026, 1, 1).toISOString(), to: new Date(2026, 1, 4).toISOString() });
    expect(auditQuery({})).toEqual({ limit: 50 });
  });
});
