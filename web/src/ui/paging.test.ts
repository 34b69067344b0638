import { describe, expect, it } from 'vitest';
import { listSearch } from './paging.js';

describe('listSearch', () => {
  it('keeps text, drops empty or foreign values, and bounds the search', () => {
    expect(listSearch({ q: 'ada', cursor: 'abc' })).toEqual({ q: 'ada', cursor: 'abc' });
    expect(listSearch({ q: '', cursor: ['x'] })).toEqual({ q: undefined, cursor: undefined });
    expect(listSearch({ q: 1999 })).toEqual({ q: '1999', cursor: undefined });
    expect(listSearch({ q: 'x'.repeat(300) }).q).toHaveLength(100);
  });
});
