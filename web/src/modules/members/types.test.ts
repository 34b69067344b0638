import { describe, expect, it } from 'vitest';
import { membersSearch } from './types.js';

describe('the members list search in the URL', () => {
  it('keeps the API values of type, status and sort and drops the rest', () => {
    expect(membersSearch({ q: 'ada', type: 'owner', status: 'active', sort: '-name' })).toEqual({ q: 'ada', cursor: undefined, type: 'owner', status: 'active', sort: '-name' });
    expect(membersSearch({ type: 'landlord', status: 1, sort: 'email' })).toEqual({ q: undefined, cursor: undefined, type: undefined, status: undefined, sort: undefined });
  });
});
