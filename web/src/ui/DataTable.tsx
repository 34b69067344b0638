import { useRef, type ReactNode } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useT } from '../i18n/intl.js';

export interface Pager {
  /** A link to the first page (when not on it) and to the next one (when the API gave a cursor). */
  first: ReactNode | null;
  next: ReactNode | null;
}

/**
 * A list as the API serves it: one page of rows at a time (server-side paging by cursor, no
 * counts), drawn with TanStack Table and only the visible rows in the DOM (TanStack Virtual).
 * The page's search and cursor live in the URL; the caller turns them into the query. A column
 * sorted by its header says so with `meta: { ariaSort }`.
 */
// Each column has its own value type; TanStack Table's own examples type the list with any.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Columns<T> = ColumnDef<T, any>[];

export function DataTable<T>({ label, columns, rows, isLoading, error, pager }: { label: string; columns: Columns<T>; rows: T[]; isLoading: boolean; error: string | null; pager: Pager }) {
  const t = useT();
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns new functions each render by design
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualPagination: true, manualSorting: true, manualFiltering: true });
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 41, overscan: 12 });
  const items = virtual.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const span = columns.length;

  return (
    <div className="space-y-3">
      <div ref={scroller} tabIndex={0} role="region" aria-label={label} className="max-h-[65vh] overflow-auto rounded-lg border border-slate-200 bg-white outline-none focus-visible:ring-2 focus-visible:ring-brand">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{label}</caption>
          <thead className="sticky top-0 bg-slate-100 text-slate-700">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" aria-sort={(header.column.columnDef.meta as { ariaSort?: 'ascending' | 'descending' | 'none' } | undefined)?.ariaSort} className="px-3 py-2 font-semibold">
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {before > 0 ? <tr aria-hidden style={{ height: before }} /> : null}
            {items.map((item) => {
              const row = table.getRowModel().rows[item.index]!;
              return (
                <tr key={row.id} className="border-t border-slate-100 hover:bg-slate-50" style={{ height: item.size }}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {after > 0 ? <tr aria-hidden style={{ height: after }} /> : null}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={span} className="px-3 py-6 text-center text-slate-500">
                  {isLoading ? t('list.loading') : error ?? t('list.empty')}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <nav aria-label={t('list.pages')} className="flex gap-3 text-sm">
        {pager.first}
        {pager.next}
      </nav>
    </div>
  );
}
