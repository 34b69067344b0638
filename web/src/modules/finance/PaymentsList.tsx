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
import { paymentsRoute } from './routes.js';
import { PAYMENT_METHODS, type PaymentsSearch } from './search.js';
import { FilterDate, Filters, FilterSelect, MemberCombo, MemberName, methodLabel, useFormatDate } from './shared.js';

type Payment = operations['finance.payments.list']['responses'][200]['content']['application/json']['data'][number];
const column = createColumnHelper<Payment>();

export function PaymentsList() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const { locale } = useLocale();
  const date = useFormatDate();
  const search = paymentsRoute.useSearch();
  const navigate = useNavigate();
  const query = { limit: 50, q: search.q, cursor: search.cursor, method: search.method, memberId: search.memberId, receivedFrom: search.receivedFrom, receivedTo: search.receivedTo };
  const payments = useQuery({
    queryKey: ['finance', 'payments', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/payments', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const setSearch = useCallback((change: Partial<PaymentsSearch>) => void navigate({ to: '/finance/payments', search: (prev: PaymentsSearch) => ({ ...prev, cursor: undefined, ...change }), replace: true }), [navigate]);
  const onSearch = useCallback((q: string) => setSearch({ q: q || undefined }), [setSearch]);
  const money = (p: Payment, amount: number) => formatMoney({ amount, currency: p.currency }, locale);
  const columns = [
    column.accessor('receivedOn', {
      header: t('finance.receivedOn'),
      cell: (c) => (
        <Link to="/finance/payments/$paymentId" params={{ paymentId: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {date(c.getValue())}
        </Link>
      ),
    }),
    column.accessor('memberId', { header: t('finance.member'), cell: (c) => <MemberName memberId={c.getValue()} /> }),
    column.accessor('method', { header: t('finance.method'), cell: (c) => t(methodLabel(c.getValue())) }),
    column.accessor('amount', { header: t('finance.amount'), cell: (c) => money(c.row.original, c.getValue()) }),
    column.accessor('refunded', { header: t('finance.refunded'), cell: (c) => money(c.row.original, c.getValue()) }),
    column.accessor('reference', { header: t('finance.reference'), cell: (c) => c.getValue() ?? '' }),
  ];
  const next = payments.data?.nextCursor;
  const { cursor: _cursor, ...filters } = search;
  return (
    <Page title={t('finance.payments')} actions={may(me.data, 'finance', 'finance.write') ? <Link to="/finance/payments/new" className={buttonLink}>{t('finance.payments.new')}</Link> : null}>
      <Filters label={t('finance.filters')}>
        <SearchBox value={search.q ?? ''} onSearch={onSearch} />
        <FilterSelect label={t('finance.method')} value={search.method} options={PAYMENT_METHODS.map((m) => ({ id: m, label: t(methodLabel(m)) }))} onChange={(method) => setSearch({ method })} />
        <MemberCombo className="block w-64" label={t('finance.member')} value={search.memberId ?? null} onChange={(memberId) => setSearch({ memberId: memberId ?? undefined })} />
        <FilterDate label={t('finance.receivedFrom')} value={search.receivedFrom} onChange={(receivedFrom) => setSearch({ receivedFrom })} />
        <FilterDate label={t('finance.receivedTo')} value={search.receivedTo} onChange={(receivedTo) => setSearch({ receivedTo })} />
      </Filters>
      <DataTable<Payment>
        label={t('finance.payments')}
        columns={columns}
        rows={payments.data?.data ?? []}
        isLoading={payments.isLoading}
        error={payments.error instanceof ApiError ? payments.error.problem.detail : payments.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/finance/payments" search={filters}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/finance/payments" search={{ ...filters, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
