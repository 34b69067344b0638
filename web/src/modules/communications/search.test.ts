import { describe, expect, it } from 'vitest';
import { announcementsSearch, recipientsSearch } from './search.js';

describe('the announcements pages read their URL', () => {
  it('keeps a known status and a search, drops the rest', () => {
    expect(announcementsSearch({ q: '  lift ', status: 'sent', other: 'x' })).toEqual({ q: 'lift', status: 'sent' });
    expect(announcementsSearch({ status: 'lost', q: '' })).toEqual({});
  });
  it('keeps a known channel and status of recipients', () => {
    expect(recipientsSearch({ channel: 'email', status: 'bounced', cursor: 'abc' })).toEqual({ channel: 'email', status: 'bounced', cursor: 'abc' });
    expect(recipientsSearch({ channel: 'fax', status: 'lost' })).toEqual({});
  });
});
