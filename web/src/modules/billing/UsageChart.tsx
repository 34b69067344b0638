import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * One meter's use over the period (recharts: SVG drawn by React, no style element, so the
 * pages' strict CSP holds): bars for what is counted per day, a line for a level. A chunk of its
 * own, loaded by the Billing page only; hidden from screen readers, its figures are in a table
 * beside it (UsageSection.tsx).
 */
const BRAND = '#1f5f8b';

export function UsageChart({ kind, data, format }: { kind: 'gauge' | 'counter'; data: { label: string; value: number }[]; format: (value: number) => string }) {
  const axis = { tickFormatter: format, width: 72, allowDecimals: false };
  return (
    <ResponsiveContainer width="100%" height="100%">
      {kind === 'counter' ? (
        <BarChart data={data} margin={{ left: 8, right: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" minTickGap={16} />
          <YAxis {...axis} />
          <Tooltip isAnimationActive={false} formatter={(v) => format(Number(v))} />
          <Bar dataKey="value" fill={BRAND} isAnimationActive={false} />
        </BarChart>
      ) : (
        <LineChart data={data} margin={{ left: 8, right: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" minTickGap={16} />
          <YAxis {...axis} />
          <Tooltip isAnimationActive={false} formatter={(v) => format(Number(v))} />
          <Line dataKey="value" stroke={BRAND} strokeWidth={2} dot={data.length < 2} isAnimationActive={false} />
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}
