import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/catalogue.js';
import { previewAllocation, type OpenCharge } from './allocation.js';
import { AllocationPreview } from './AllocationPreview.js';

const charge = (id: string, description: string, dueDate: string, outstanding: number): OpenCharge => ({ id, description, dueDate, currency: 'EUR', status: 'open', outstanding });
const open = [charge('b', 'Levy February', '2026-02-01', 5000), charge('a', 'Levy January', '2026-01-01', 3000)];

/** The component as the page renders it, read as text (cells separated by " | "). */
function render(preview: ReturnType<typeof previewAllocation> | null): { html: string; text: string } {
  const html = renderToStaticMarkup(createElement(IntlProvider, { locale: 'en', messages: en }, createElement(AllocationPreview, { preview, currency: 'EUR' })));
  const text = html
    .replace(/<\/t[dh]>/g, ' | ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { html, text };
}

describe('the allocation preview component', () => {
  it('asks for a member and an amount until both are known', () => {
    expect(render(null).text).toContain(en['finance.preview.empty']);
  });

  it('lists the charges a payment settles, oldest due first, and the credit left', () => {
    const { html, text } = render(previewAllocation(open, 0, 10000, 'EUR'));
    expect(html).toContain('aria-live="polite"');
    expect(text.indexOf('Levy January')).toBeLessThan(text.indexOf('Levy February'));
    expect(text).toContain('Levy January | Jan 1, 2026 | €30.00 | Paid in full |');
    expect(text).toContain('Levy February | Feb 1, 2026 | €50.00 | Paid in full |');
    expect(text).toContain('Credit left: €20.00');
  });

  it('shows a part payment and what the charge still owes', () => {
    const { text } = render(previewAllocation(open, 0, 4000, 'EUR'));
    expect(text).toContain('Levy February | Feb 1, 2026 | €10.00 | €40.00 |');
    expect(text).toContain('Credit left: €0.00');
  });

  it('counts the member’s earlier credit, and says when nothing is open', () => {
    expect(render(previewAllocation(open, 1500, 2000, 'EUR')).text).toContain('Credit before this payment: €15.00');
    const none = render(previewAllocation([], 0, 2500, 'EUR')).text;
    expect(none).toContain(en['finance.preview.nothingOpen']);
    expect(none).toContain('Credit left: €25.00');
  });
});
