import { useState, type DragEvent } from 'react';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { ChevronDown } from 'lucide-react';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { listRecords, recordKey, recordsKey } from './api.js';
import { recordName } from './format.js';
import { applicableFilters, filterParam, filtersOf, listQuery, type RecordsSearch } from './search.js';
import { operatorsOf, titleField, type ObjectDefinition, type ObjectField, type ObjectRecord } from './types.js';
import { OptionBadge } from './Value.js';

const LIMIT = 50;
/** The column of records without a value. */
const NONE = '_none';

type ColumnPage = { data: ObjectRecord[]; nextCursor: string | null };

/**
 * An object's records as a board: one column per option of a select field, and "No value".
 * Moving a card (dragged, or with its "Move to…" menu from the keyboard) changes that field:
 * the card moves at once, and goes back with the server's refusal if the change is refused.
 */
export function Board({ definition, by, search, canWrite }: { definition: ObjectDefinition; by: ObjectField; search: RecordsSearch; canWrite: boolean }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const key = definition.key;
  const title = titleField(definition.fields);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const columns = [...(by.config.options ?? []).map((o) => ({ id: o.key, label: o.label, option: o })), { id: NONE, label: t('objects.board.noValue'), option: undefined }];
  // The other filters, the search and the sort apply on the board too; the grouping field's are the columns'.
  const others = Object.fromEntries(applicableFilters(filtersOf(search), definition.fields, operatorsOf).filter((f) => f.field !== by.key).map((f) => [filterParam(f), f.value]));
  const base = listQuery({ q: search.q, sort: search.sort, ...others }, LIMIT);
  const columnQuery = (id: string) => ({ ...base, ...(id === NONE ? { [`filter[${by.key}][is_blank]`]: 'true' } : { [`filter[${by.key}]`]: id }) });
  const columnKey = (id: string) => [...recordsKey(key), 'board', by.key, id, base] as const;
  const pages = useQueries({ queries: columns.map((c) => ({ queryKey: columnKey(c.id), queryFn: () => listRecords(api, key, columnQuery(c.id)) })) });

  const move = useMutation({
    mutationFn: async ({ record, to }: { record: ObjectRecord; from: string; to: string }) =>
      unwrap(await api.PATCH('/api/v1/objects/{key}/records/{id}', { params: { path: { key, id: record.id }, header: { 'if-match': String(record.version) } }, body: { [by.key]: to === NONE ? null : to } })),
    onMutate: async ({ record, from, to }) => {
      setError(null);
      await queries.cancelQueries({ queryKey: [...recordsKey(key), 'board'] });
      const before = { from: queries.getQueryData<ColumnPage>(columnKey(from)), to: queries.getQueryData<ColumnPage>(columnKey(to)) };
      const moved = { ...record, [by.key]: to === NONE ? null : to };
      queries.setQueryData<ColumnPage>(columnKey(from), (page) => page && { ...page, data: page.data.filter((r) => r.id !== record.id) });
      queries.setQueryData<ColumnPage>(columnKey(to), (page) => page && { ...page, data: [moved, ...page.data] });
      return before;
    },
    onError: (e, { from, to }, before) => {
      if (before) {
        queries.setQueryData(columnKey(from), before.from);
        queries.setQueryData(columnKey(to), before.to);
      }
      setError(e instanceof ApiError ? e.problem.detail : t('form.networkError'));
    },
    onSuccess: (saved, { record }) => queries.setQueryData(recordKey(key, record.id), saved),
    onSettled: () => void queries.invalidateQueries({ queryKey: recordsKey(key) }),
  });
  const moveTo = (record: ObjectRecord, from: string, to: string) => {
    if (from !== to) move.mutate({ record, from, to });
  };
  const drop = (event: DragEvent, to: string) => {
    event.preventDefault();
    setDragging(null);
    const [id, from] = JSON.parse(event.dataTransfer.getData('application/json') || '[]') as [string?, string?];
    const record = pages[columns.findIndex((c) => c.id === from)]?.data?.data.find((r) => r.id === id);
    if (record && from !== undefined) moveTo(record, from, to);
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t('objects.board.by', { field: by.label })}</p>
      {error ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{t('objects.board.refused', { detail: error })}</p> : null}
      <div className="flex gap-3 overflow-x-auto pb-2">
        {columns.map((c, i) => {
          const page = pages[i]!;
          const records = page.data?.data ?? [];
          return (
            <section
              key={c.id}
              aria-label={c.label}
              onDragOver={(e) => canWrite && e.preventDefault()}
              onDrop={(e) => drop(e, c.id)}
              className={`flex w-64 shrink-0 flex-col rounded-lg border bg-slate-50 p-2 ${dragging !== null && dragging !== c.id ? 'border-dashed border-brand' : 'border-slate-200'}`}
            >
              <h2 className="flex items-center justify-between px-1 pb-2 text-sm font-semibold">
                {c.option ? <OptionBadge option={c.option} /> : c.label}
                <span className="text-xs font-normal text-slate-600">{page.data?.nextCursor ? t('objects.board.countMore', { count: records.length }) : records.length}</span>
              </h2>
              <ul className="space-y-2">
                {records.map((r) => {
                  const name = recordName(r, title);
                  return (
                    <li
                      key={r.id}
                      draggable={canWrite}
                      onDragStart={(e) => {
                        e.dataTransfer.setData('application/json', JSON.stringify([r.id, c.id]));
                        e.dataTransfer.effectAllowed = 'move';
                        setDragging(c.id);
                      }}
                      onDragEnd={() => setDragging(null)}
                      data-testid="board-card"
                      className="rounded-md border border-slate-200 bg-white p-2 text-sm shadow-sm"
                    >
                      <Link to="/objects/$objectKey/$recordId" params={{ objectKey: key, recordId: r.id }} className="block font-medium text-brand underline-offset-2 hover:underline">{name}</Link>
                      {canWrite ? (
                        <MenuTrigger>
                          <Button variant="secondary" className="mt-2 !px-2 !py-0.5 text-xs" aria-label={t('objects.board.moveNamed', { name })}>
                            {t('objects.board.move')}
                            <ChevronDown aria-hidden size={12} />
                          </Button>
                          <Popover className="rounded-md border border-slate-200 bg-white shadow-lg">
                            <Menu onAction={(to) => moveTo(r, c.id, String(to))} className="max-h-64 overflow-auto p-1 outline-none">
                              {columns.filter((x) => x.id !== c.id).map((x) => (
                                <MenuItem key={x.id} id={x.id} className="cursor-default rounded px-2 py-1 text-sm outline-none data-[focused]:bg-slate-100">{x.label}</MenuItem>
                              ))}
                            </Menu>
                          </Popover>
                        </MenuTrigger>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              {page.isLoading ? <p className="px-1 text-sm text-slate-500">{t('list.loading')}</p> : null}
              {page.error ? <p className="px-1 text-sm text-red-700">{page.error instanceof ApiError ? page.error.problem.detail : t('list.failed')}</p> : null}
            </section>
          );
        })}
      </div>
    </div>
  );
}
