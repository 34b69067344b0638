import { describe, expect, it } from 'vitest';
import { underTitle } from './rendered.js';

describe('underTitle', () => {
  it('moves headings two levels down, at most to h6, and leaves the rest', () => {
    expect(underTitle('<h1>A</h1><p>x</p><h2 id="b">B</h2><h5>C</h5><hr>')).toBe('<h3>A</h3><p>x</p><h4 id="b">B</h4><h6>C</h6><hr>');
  });
});
