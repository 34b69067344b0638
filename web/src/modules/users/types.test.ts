import { describe, expect, it } from 'vitest';
import { matchesUser } from './types.js';

describe('the users list search', () => {
  it('finds a user by a part of the name or the e-mail, in any case', () => {
    const ada = { name: 'Ada Lovelace', email: 'ada@oak.test' };
    expect(matchesUser(ada, undefined)).toBe(true);
    expect(matchesUser(ada, 'LOVE')).toBe(true);
    expect(matchesUser(ada, 'oak.test ')).toBe(true);
    expect(matchesUser(ada, 'babbage')).toBe(false);
  });
});
