import { describe, expect, it } from 'vitest';
import { DEAD_LETTER_QUEUE, filterStats, jobsSearch } from './search.js';

const rows = [
  { queue: 'mail.send', state: 'completed', count: 9, oldestSeconds: 60 },
  { queue: 'mail.send', state: 'failed', count: 2, oldestSeconds: 30 },
  { queue: 'webhooks.deliver', state: 'failed', count: 1, oldestSeconds: 5 },
  { queue: DEAD_LETTER_QUEUE, state: 'created', count: 3, oldestSeconds: 500 },
];

describe('the jobs filters', () => {
  it('reads the URL, dropping what it does not know', () => {
    expect(jobsSearch({ q: 'mail', show: 'all' })).toEqual({ q: 'mail', show: 'all' });
    expect(jobsSearch({ q: '', show: 'everything' })).toEqual({});
  });

  it('keeps failed and dead-lettered jobs unless every state is asked for, and searches queue names', () => {
    expect(filterStats(rows, {}).map((r) => `${r.queue}/${r.state}`)).toEqual(['mail.send/failed', 'webhooks.deliver/failed', `${DEAD_LETTER_QUEUE}/created`]);
    expect(filterStats(rows, { show: 'all' })).toHaveLength(4);
    expect(filterStats(rows, { q: 'MAIL' }).map((r) => r.state)).toEqual(['failed']);
  });
});
