import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { formatTimestamp } from '../../ui/dates.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { InvoiceFilters } from './InvoiceFilters.js';
import { invoicesRoute } from './routes.js';
import { invoicesQuery } from './search.js';
import type { Invoice } from './types.js';

const column = createColumnHelper<Invoice>();

/** Every invoice and credit note of the platform, newest first: the filters and the page's cursor in the URL. */
export function InvoicesList() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const search = invoicesRoute.useSearch();
  const navigate = useNavigate();
  const invoices = useQuery({
    queryKey: ['invoices', search],
    queryFn: async () => unwrap(await api.GET('/control/v1/invoices', { params: { query: invoicesQuery(search) } })),
    placeholderData: keepPreviousData,
  });
  const { cursor: _cursor, ...kept } = search;
  const columns = [
    column.accessor('number', {
      header: t('invoices.number'),
      cell: (c) => (
        <Link to="/invoices/$id" params={{ id: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('billTo', { header: t('invoices.tenant'), cell: (c) => c.getValue().name }),
    column.accessor('kind', { header: t('invoices.kind'), cell: (c) => t(`invoices.kind.${c.getValue()}`) }),
    column.accessor('status', { header: t('invoices.status'), cell: (c) => t(`invoices.status.${c.getValue()}`) }),
    column.accessor('issuedAt', { header: t('invoices.issued'), cell: (c) => formatTimestamp(c.getValue(), locale) }),
    column.accessor('totalMinor', { header: t('invoices.total'), cell: (c) => formatMoney({ amount: c.getValue(), currency: c.row.original.currency }, locale) }),
    column.accessor('amountDueMinor', { header: t('invoices.due'), cell: (c) => formatMoney({ amount: c.getValue(), currency: c.row.original.currency }, locale) }),
  ];
  const next = invoices.data?.nextCursor;
  return (
    <Page title={t('console.nav.invoices')} actions={<Link to="/billing" className="text-sm text-brand underline-offset-2 hover:underline">{t('console.nav.billing')}</Link>}>
      <InvoiceFilters search={search} onApply={(filters) => void navigate({ to: '/invoices', search: filters })} />
      <DataTable<Invoice>
        label={t('console.nav.invoices')}
        columns={columns}
        rows={invoices.data?.data ?? []}
        isLoading={invoices.isLoading}
        error={invoices.error instanceof ApiError ? invoices.error.problem.detail : invoices.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/invoices" search={kept}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/invoices" search={{ ...kept, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
