import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../ui/money.js';

/**
 * The dashboard's charts (recharts, SVG drawn by React: no style element, so the pages' strict
 * CSP holds). A chunk of its own, loaded by the dashboard only. Each chart is hidden from
 * screen readers; its figures are in a table beside it (Dashboard.tsx).
 */
const BRAND = '#1f5f8b';
const SECOND = '#d97706';

function moneyTick(currency: string, locale: string) {
  return (value: number) => formatMoney({ amount: Math.round(value), currency }, locale).replace(/[.,]00$/, '');
}

export function OccupancyChart({ data }: { data: { name: string; value: number; color: string }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={110} />
        <Tooltip isAnimationActive={false} />
        <Bar dataKey="value" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.name} fill={d.color} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ArrearsChart({ data, currency, locale }: { data: { name: string; amount: number }[]; currency: string; locale: string }) {
  const tick = moneyTick(currency, locale);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ left: 16, right: 16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" />
        <YAxis tickFormatter={tick} width={80} />
        <Tooltip isAnimationActive={false} formatter={(v) => tick(Number(v))} />
        <Bar dataKey="amount" fill={SECOND} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function CollectionsChart({ data, currency, locale, labels }: { data: { month: string; charged: number; collected: number }[]; currency: string; locale: string; labels: { charged: string; collected: string } }) {
  const tick = moneyTick(currency, locale);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ left: 16, right: 16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" />
        <YAxis tickFormatter={tick} width={80} />
        <Tooltip isAnimationActive={false} formatter={(v) => tick(Number(v))} />
        <Legend />
        <Bar dataKey="charged" name={labels.charged} fill="#94a3b8" isAnimationActive={false} />
        <Bar dataKey="collected" name={labels.collected} fill={BRAND} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
