import { describe, expect, it } from 'vitest';
import { eventOptions, secretOf } from './types.js';

describe('the webhooks pages', () => {
  it('offers the patterns and keeps an endpoint\'s own events as options', () => {
    const ids = eventOptions(['member.*', 'lease.activated'], (id) => id).map((o) => o.id);
    expect(ids[0]).toBe('*');
    expect(ids).toContain('member.*');
    expect(ids.filter((i) => i === 'member.*')).toHaveLength(1);
    expect(ids.at(-1)).toBe('lease.activated');
  });

  it('reads the secret of a creation, and none of a replay', () => {
    expect(secretOf({ id: 'x', secret: 'whsec_abc' })).toBe('whsec_abc');
    expect(secretOf({ id: 'x', replayed: true, detail: 'd' })).toBeNull();
    expect(secretOf(undefined)).toBeNull();
  });
});
