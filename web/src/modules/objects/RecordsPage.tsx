import { useCallback, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown, Columns3, Download, Table2, Upload } from 'lucide-react';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button, buttonLink } from '../../ui/Button.js';
import { saveFile } from '../../ui/download.js';
import { DataTable } from '../../ui/DataTable.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { useMe } from '../../workspace/me.js';
import { mayObject } from './access.js';
import { listRecords, recordsKey, useDefinition } from './api.js';
import { Board } from './Board.js';
import { FilterBar } from './FilterBar.js';
import { recordName } from './format.js';
import { recordsRoute } from './routes.js';
import { applicableFilters, boardBy, filtersOf, firstPage, listQuery, nextSort, previousCursor, rememberNext, sortDirection, withFilter, withoutFilter, type Filter, type RecordsSearch } from './search.js';
import { boardFields, isIndexed, operatorsOf, titleField, type ObjectDefinition, type ObjectField, type ObjectRecord } from './types.js';
import { FieldValue } from './Value.js';

const LIMIT = 50;
const column = createColumnHelper<ObjectRecord>();

/** A column header that sorts: a button saying what a press does; the header cell carries aria-sort. */
function SortHeader({ field, sort, onSort }: { field: ObjectField; sort: string | undefined; onSort: (sort: string | undefined) => void }) {
  const t = useT();
  const direction = sortDirection(sort, field.key);
  const Icon = direction === 'ascending' ? ArrowUp : direction === 'descending' ? ArrowDown : ArrowUpDown;
  return (
    <button type="button" onClick={() => onSort(nextSort(sort, field.key))} className="inline-flex items-center gap-1 rounded font-semibold outline-none hover:underline focus-visible:ring-2 focus-visible:ring-brand" title={t(direction === 'ascending' ? 'objects.sort.desc' : direction === 'descending' ? 'objects.sort.none' : 'objects.sort.asc', { field: field.label })}>
      {field.label}
      <Icon aria-hidden size={14} className={direction === 'none' ? 'text-slate-400' : ''} />
    </button>
  );
}

function RecordsTable({ definition, search, scope }: { definition: ObjectDefinition; search: RecordsSearch; scope: string }) {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const key = definition.key;
  const fields = definition.fields;
  const title = titleField(fields);
  const filters = applicableFilters(filtersOf(search), fields, operatorsOf);
  const query = listQuery(search, LIMIT);
  const records = useQuery({ queryKey: [...recordsKey(key), 'list', query], queryFn: () => listRecords(api, key, query), placeholderData: keepPreviousData });
  const go = (next: RecordsSearch) => void navigate({ to: '/objects/$objectKey', params: { objectKey: key }, search: next, replace: true });
  const onSearch = useCallback((q: string) => void navigate({ to: '/objects/$objectKey', params: { objectKey: key }, search: (prev: RecordsSearch) => ({ ...firstPage(prev), q: q || undefined }), replace: true }), [navigate, key]);
  const link = (r: ObjectRecord, text: string) => (
    <Link to="/objects/$objectKey/$recordId" params={{ objectKey: key, recordId: r.id }} className="font-medium text-brand underline-offset-2 hover:underline">{text}</Link>
  );
  const columns = [
    ...(title ? [] : [column.display({ id: '_record', header: t('objects.record'), cell: (c) => link(c.row.original, recordName(c.row.original, undefined)) })]),
    ...fields.map((f) =>
      column.display({
        id: f.key,
        header: () => (isIndexed(f) ? <SortHeader field={f} sort={search.sort} onSort={(sort) => go({ ...firstPage(search), sort })} /> : f.label),
        meta: isIndexed(f) ? { ariaSort: sortDirection(search.sort, f.key) } : undefined,
        cell: (c) => (f === title ? link(c.row.original, recordName(c.row.original, title)) : <FieldValue field={f} value={c.row.original[f.key]} />),
      }),
    ),
  ];
  const next = records.data?.nextCursor;
  const before = previousCursor(scope, search.cursor);
  const pageLink = 'text-brand underline-offset-2 hover:underline';
  return (
    <>
      <div className="space-y-3">
        <SearchBox value={search.q ?? ''} onSearch={onSearch} />
        <FilterBar key={key} fields={fields} filters={filters} onAdd={(f: Filter) => go(withFilter(search, f))} onRemove={(f) => go(withoutFilter(search, f))} />
      </div>
      <DataTable<ObjectRecord>
        label={definition.plural}
        columns={columns}
        rows={records.data?.data ?? []}
        isLoading={records.isLoading}
        error={records.error instanceof ApiError ? records.error.problem.detail : records.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? (
            <>
              <Link to="/objects/$objectKey" params={{ objectKey: key }} search={firstPage(search)} className={pageLink}>{t('list.first')}</Link>
              {before ? <Link to="/objects/$objectKey" params={{ objectKey: key }} search={{ ...search, cursor: before }} className={pageLink}>{t('objects.previous')}</Link> : null}
            </>
          ) : null,
          next: next ? (
            <Link to="/objects/$objectKey" params={{ objectKey: key }} search={{ ...search, cursor: next }} onClick={() => rememberNext(scope, search.cursor, next)} className={pageLink}>{t('list.next')}</Link>
          ) : null,
        }}
      />
    </>
  );
}

/** Table | Board, as links (each view has its own address); the router marks the one this address is with aria-current. */
function ViewSwitch({ definition, search }: { definition: ObjectDefinition; search: RecordsSearch }) {
  const t = useT();
  const selects = boardFields(definition.fields);
  const by = boardBy(search, selects);
  const style = 'inline-flex items-center gap-1.5 px-3 py-1.5 text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand data-[shown=true]:bg-slate-900 data-[shown=true]:text-white';
  const { view: _view, by: _by, cursor: _cursor, ...rest } = search;
  return (
    <nav aria-label={t('objects.view')} className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white">
      <Link to="/objects/$objectKey" params={{ objectKey: definition.key }} search={{ ...rest, view: undefined, by: undefined }} className={style} data-shown={search.view !== 'board'} activeOptions={{ includeSearch: true, explicitUndefined: true }}>
        <Table2 aria-hidden size={14} />{t('objects.view.table')}
      </Link>
      {by ? (
        <Link to="/objects/$objectKey" params={{ objectKey: definition.key }} search={{ ...rest, view: 'board', by: by.key }} className={`${style} border-l border-slate-300`} data-shown={search.view === 'board'} activeOptions={{ includeSearch: true }}>
          <Columns3 aria-hidden size={14} />{t('objects.view.board')}
        </Link>
      ) : null}
    </nav>
  );
}

const secondaryLink = 'inline-flex items-center gap-1.5 rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-900 ring-1 ring-slate-300 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand';

/** Downloads the records the page's filters, sort and search select, as CSV (with a BOM, so that Excel reads accents right). */
function ExportButton({ objectKey, search }: { objectKey: string; search: RecordsSearch }) {
  const t = useT();
  const api = useApi();
  const [failed, setFailed] = useState(false);
  const { limit: _limit, cursor: _cursor, ...query } = listQuery(search, LIMIT);
  return (
    <>
      <Button
        variant="secondary"
        onPress={() => {
          setFailed(false);
          saveFile(api.GET('/api/v1/objects/{key}/records/export', { params: { path: { key: objectKey }, query: { ...query, bom: true } as { bom: boolean } }, parseAs: 'blob' }), `${objectKey}.csv`).catch(() => setFailed(true));
        }}
      >
        <Download aria-hidden size={14} />
        {t('objects.export')}
      </Button>
      {failed ? <span role="alert" className="text-sm text-red-700">{t('objects.exportFailed')}</span> : null}
    </>
  );
}

/** An object's records: the table generated from its definition, or its board by a select field. */
export function RecordsPage() {
  const t = useT();
  const me = useMe();
  const { objectKey } = recordsRoute.useParams();
  const search = recordsRoute.useSearch();
  const definition = useDefinition(objectKey);
  if (definition.error) return <Page title={t('page.notFound')}>{definition.error instanceof ApiError ? definition.error.problem.detail : t('list.failed')}</Page>;
  if (!definition.data) return <Page title={t('list.loading')}>{null}</Page>;
  const d = definition.data;
  const by = search.view === 'board' ? boardBy(search, boardFields(d.fields)) : undefined;
  const { cursor: _cursor, ...withoutCursor } = search;
  const scope = JSON.stringify([objectKey, withoutCursor]);
  const canWrite = mayObject(me.data, objectKey, 'write');
  return (
    <Page
      title={d.plural}
      actions={
        <>
          <ViewSwitch definition={d} search={search} />
          <ExportButton objectKey={objectKey} search={search} />
          {canWrite ? <Link to="/objects/$objectKey/import" params={{ objectKey }} className={secondaryLink}><Upload aria-hidden size={14} />{t('objects.import')}</Link> : null}
          {canWrite ? <Link to="/objects/$objectKey/new" params={{ objectKey }} className={buttonLink}>{t('objects.newRecord', { name: d.singular })}</Link> : null}
        </>
      }
    >
      {d.description ? <p className="max-w-prose text-sm text-slate-600">{d.description}</p> : null}
      {by ? <Board definition={d} by={by} search={search} canWrite={canWrite} /> : <RecordsTable definition={d} search={search} scope={scope} />}
    </Page>
  );
}
