import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { operations } from '@courtyard/sdk';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { may, useMe } from '../../workspace/me.js';
import { chargesRoute } from './routes.js';
import { CHARGE_KINDS, CHARGE_STATUSES, chargesQuery, type ChargesSearch } from './search.js';
import { FilterDate, Filters, FilterSelect, kindLabel, MemberCombo, MemberName, statusLabel, useFormatDate } from './shared.js';

export type Charge = operations['finance.charges.list']['responses'][200]['content']['application/json']['data'][number];
const column = createColumnHelper<Charge>();

export function ChargesList() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const { locale } = useLocale();
  const date = useFormatDate();
  const search = chargesRoute.useSearch();
  const navigate = useNavigate();
  const charges = useQuery({
    queryKey: ['finance', 'charges', chargesQuery(search)],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/charges', { params: { query: chargesQuery(search) } })),
    placeholderData: keepPreviousData,
  });
  // A filter changed: back to the first page, the other filters kept.
  const setSearch = useCallback((change: Partial<ChargesSearch>) => void navigate({ to: '/finance/charges', search: (prev: ChargesSearch) => ({ ...prev, cursor: undefined, ...change }), replace: true }), [navigate]);
  const onSearch = useCallback((q: string) => setSearch({ q: q || undefined }), [setSearch]);
  const columns = [
    column.accessor('description', {
      header: t('finance.description'),
      cell: (c) => (
        <Link to="/finance/charges/$chargeId" params={{ chargeId: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {c.getValue() || t('finance.charge')}
        </Link>
      ),
    }),
    column.accessor('memberId', { header: t('finance.member'), cell: (c) => <MemberName memberId={c.getValue()} /> }),
    column.accessor('kind', { header: t('finance.kind'), cell: (c) => t(kindLabel(c.getValue())) }),
    column.accessor('dueDate', { header: t('finance.dueDate'), cell: (c) => date(c.getValue()) }),
    column.accessor('amount', { header: t('finance.amount'), cell: (c) => formatMoney({ amount: c.getValue(), currency: c.row.original.currency }, locale) }),
    column.accessor('outstanding', { header: t('finance.outstanding'), cell: (c) => formatMoney({ amount: c.getValue(), currency: c.row.original.currency }, locale) }),
    column.accessor('status', { header: t('finance.status'), cell: (c) => t(statusLabel(c.getValue())) }),
  ];
  const next = charges.data?.nextCursor;
  const { cursor: _cursor, ...filters } = search;
  return (
    <Page title={t('finance.charges')} actions={may(me.data, 'finance', 'finance.write') ? <Link to="/finance/charges/new" className={buttonLink}>{t('finance.charges.new')}</Link> : null}>
      <Filters label={t('finance.filters')}>
        <SearchBox value={search.q ?? ''} onSearch={onSearch} />
        <FilterSelect label={t('finance.status')} value={search.status} options={CHARGE_STATUSES.map((s) => ({ id: s, label: t(statusLabel(s)) }))} onChange={(status) => setSearch({ status })} />
        <FilterSelect label={t('finance.kind')} value={search.kind} options={CHARGE_KINDS.map((k) => ({ id: k, label: t(kindLabel(k)) }))} onChange={(kind) => setSearch({ kind })} />
        <MemberCombo className="block w-64" label={t('finance.member')} value={search.memberId ?? null} onChange={(memberId) => setSearch({ memberId: memberId ?? undefined })} />
        <FilterDate label={t('finance.dueFrom')} value={search.dueFrom} onChange={(dueFrom) => setSearch({ dueFrom })} />
        <FilterDate label={t('finance.dueTo')} value={search.dueTo} onChange={(dueTo) => setSearch({ dueTo })} />
      </Filters>
      <DataTable<Charge>
        label={t('finance.charges')}
        columns={columns}
        rows={charges.data?.data ?? []}
        isLoading={charges.isLoading}
        error={charges.error instanceof ApiError ? charges.error.problem.detail : charges.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/finance/charges" search={filters}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/finance/charges" search={{ ...filters, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
