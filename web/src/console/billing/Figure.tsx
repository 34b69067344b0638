import { lazy, Suspense, type ReactNode } from 'react';

// recharts is a chunk of its own, fetched only by the pages that draw a chart, after their figures are shown.
export const MoneyBars = lazy(() => import('./Charts.js').then((m) => ({ default: m.MoneyBars })));
export const UsageBars = lazy(() => import('./Charts.js').then((m) => ({ default: m.UsageBars })));

/** A table of figures: a caption, a header row, one row per label (its first cell the row's header). */
export function FigureTable({ caption, head, rows, hidden, foot }: { caption: string; head: string[]; rows: ReactNode[][]; hidden?: boolean; foot?: ReactNode[] }) {
  return (
    <table className={hidden ? 'sr-only' : 'w-full max-w-3xl text-left text-sm'}>
      <caption className={hidden ? undefined : 'sr-only'}>{caption}</caption>
      <thead className="text-slate-600">
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={`py-1 pr-4 font-medium ${i > 0 ? 'text-right' : ''}`}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, n) => (
          <tr key={n} className="border-t border-slate-100">
            {r.map((cell, i) => (i === 0 ? <th key={i} scope="row" className="py-1 pr-4 font-normal">{cell}</th> : <td key={i} className="py-1 pr-4 text-right tabular-nums">{cell}</td>))}
          </tr>
        ))}
      </tbody>
      {foot ? (
        <tfoot>
          <tr className="border-t border-slate-300 font-semibold">
            {foot.map((cell, i) => (i === 0 ? <th key={i} scope="row" className="py-1 pr-4">{cell}</th> : <td key={i} className="py-1 pr-4 text-right tabular-nums">{cell}</td>))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** A chart drawn for the eyes only (hidden from screen readers and from the keyboard); its figures are in a table beside it. */
export function Chart({ children, height = 'h-56' }: { children: ReactNode; height?: string }) {
  return (
    <div aria-hidden="true" inert className={`${height} w-full max-w-3xl`} data-testid="chart">
      <Suspense fallback={null}>{children}</Suspense>
    </div>
  );
}
