import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../ui/money.js';

/**
 * The console's billing charts (recharts, SVG drawn by React: no style element, so the pages'
 * strict CSP holds). A chunk of its own, loaded by the pages that draw them. Each chart is
 * hidden from screen readers; its figures are in a table beside it (Figure.tsx).
 */
const BRAND = '#1f5f8b';
const SECOND = '#d97706';

function moneyTick(currency: string, locale: string) {
  return (value: number) => formatMoney({ amount: Math.round(value), currency }, locale).replace(/[.,]00$/, '');
}

/** Money per label (MRR per plan, invoiced per month), in one currency. */
export function MoneyBars({ data, currency, locale, layout = 'horizontal' }: { data: { name: string; amount: number }[]; currency: string; locale: string; layout?: 'horizontal' | 'vertical' }) {
  const tick = moneyTick(currency, locale);
  const vertical = layout === 'vertical';
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout={vertical ? 'vertical' : 'horizontal'} margin={{ left: 16, right: 16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={vertical} horizontal={!vertical} />
        {vertical ? <XAxis type="number" tickFormatter={tick} /> : <XAxis dataKey="name" />}
        {vertical ? <YAxis type="category" dataKey="name" width={110} /> : <YAxis tickFormatter={tick} width={80} />}
        <Tooltip isAnimationActive={false} formatter={(v) => tick(Number(v))} />
        <Bar dataKey="amount" fill={vertical ? BRAND : SECOND} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A meter's usage per bucket (a day), as numbers in its unit. */
export function UsageBars({ data, locale }: { data: { name: string; value: number }[]; locale: string }) {
  const number = new Intl.NumberFormat(locale, { notation: 'compact' });
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ left: 8, right: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval="preserveStartEnd" minTickGap={16} />
        <YAxis tickFormatter={(v: number) => number.format(v)} width={48} allowDecimals={false} />
        <Tooltip isAnimationActive={false} formatter={(v) => number.format(Number(v))} />
        <Bar dataKey="value" fill={BRAND} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
