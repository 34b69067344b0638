import { describe, expect, it } from 'vitest';
import { markdownText, renderMarkdown } from './markdown.js';
import { quietFor } from './sms-delivery.js';

describe('quiet hours', () => {
  const at = (iso: string) => new Date(iso);
  it('holds a text until the end of a span that runs past midnight, in the tenant\'s zone', () => {
    const quiet = { start: '21:00', end: '08:00' };
    // 22:30 in Auckland (UTC+13 in December) is 09:30 UTC.
    expect(quietFor(at('2026-12-07T09:30:00Z'), 'Pacific/Auckland', quiet)).toBe(570);
    expect(quietFor(at('2026-12-07T18:59:00Z'), 'Pacific/Auckland', quiet)).toBe(1);
    expect(quietFor(at('2026-12-07T19:00:00Z'), 'Pacific/Auckland', quiet)).toBe(0);
    expect(quietFor(at('2026-12-07T07:59:00Z'), 'Pacific/Auckland', quiet)).toBe(0);
  });
  it('holds within a span inside one day, and never without quiet hours', () => {
    expect(quietFor(at('2026-12-07T12:00:00Z'), 'UTC', { start: '12:00', end: '13:30' })).toBe(90);
    expect(quietFor(at('2026-12-07T13:30:00Z'), 'UTC', { start: '12:00', end: '13:30' })).toBe(0);
    expect(quietFor(at('2026-12-07T03:00:00Z'), 'UTC', null)).toBe(0);
  });
});

describe('an announcement body', () => {
  it('renders Markdown without raw HTML or script links', () => {
    const html = renderMarkdown('**Water** off. <img src=x onerror=alert(1)> [click](javascript:alert(1)) [plan](https://oak.example/plan)');
    expect(html).toContain('<strong>Water</strong>');
    expect(html).not.toMatch(/<img|href="javascript/);
    expect(html).toContain('&lt;img');
    expect(html).toContain('<a href="https://oak.example/plan" rel="noopener noreferrer nofollow">plan</a>');
  });
  it('reads as plain text for SMS and the text part of e-mail', () => {
    expect(markdownText('# AGM\n\nOn the **12th** at [the hall](https://oak.example/hall).\n\n- bring ID\n- vote')).toBe('AGM\n\nOn the 12th at the hall (https://oak.example/hall).\n\n• bring ID\n• vote');
  });
});
