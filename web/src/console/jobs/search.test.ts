import { describe, expect, it } from 'vitest';
import { DEAD_LETTER_QUEUE, filterStats, jobActions, jobsSearch } from './search.js';

const rows = [
  { queue: 'mail.send', state: 'completed', count: 9, oldestSeconds: 60 },
  { queue: 'mail.send', state: 'failed', count: 2, oldestSeconds: 30 },
  { queue: 'webhooks.deliver', state: 'failed', count: 1, oldestSeconds: 5 },
  { queue: DEAD_LETTER_QUEUE, state: 'created', count: 3, oldestSeconds: 500 },
];

describe('the jobs filters', () => {
  it('reads the URL, dropping what it does not know', () => {
    expect(jobsSearch({ queue: 'mail.send', state: 'failed', cursor: 'abc' })).toEqual({ queue: 'mail.send', state: 'failed', cursor: 'abc' });
    expect(jobsSearch({ queue: '', state: 'stuck', show: 'all' })).toEqual({});
  });

  it('keeps the counts of the chosen queue and state', () => {
    expect(filterStats(rows, {})).toHaveLength(4);
    expect(filterStats(rows, { queue: 'mail.send' }).map((r) => r.state)).toEqual(['completed', 'failed']);
    expect(filterStats(rows, { state: 'failed' }).map((r) => r.queue)).toEqual(['mail.send', 'webhooks.deliver']);
  });

  it('offers retry for failed jobs and discard for failed jobs and dead letters', () => {
    expect(jobActions({ queue: 'mail.send', state: 'failed' })).toEqual({ retry: true, discard: true });
    expect(jobActions({ queue: DEAD_LETTER_QUEUE, state: 'created' })).toEqual({ retry: false, discard: true });
    expect(jobActions({ queue: 'mail.send', state: 'completed' })).toEqual({ retry: false, discard: false });
  });
});
