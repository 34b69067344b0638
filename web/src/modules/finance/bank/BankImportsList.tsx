import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { operations } from '@courtyard/sdk';
import { ApiError, unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';
import { useLocale, useT } from '../../../i18n/intl.js';
import { buttonLink } from '../../../ui/Button.js';
import { DataTable } from '../../../ui/DataTable.js';
import { formatMoney } from '../../../ui/money.js';
import { Page } from '../../../ui/Page.js';
import { may, useMe } from '../../../workspace/me.js';
import { BillingLinks } from '../billing/BillingLinks.js';
import { formatMoment } from '../billing/logic.js';
import { bankImportsRoute } from '../billing/routes.js';

type BankImport = operations['finance.bankImports.list']['responses'][200]['content']['application/json']['data'][number];
const column = createColumnHelper<BankImport>();

/** Past bank statement imports, newest first, with what is left to confirm. */
export function BankImportsList() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const search = bankImportsRoute.useSearch();
  const imports = useQuery({
    queryKey: ['finance', 'bank-imports', search],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/bank-imports', { params: { query: { limit: 50, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const columns = [
    column.accessor('createdAt', {
      header: t('finance.bank.importedAt'),
      cell: (c) => (
        <Link to="/finance/bank-imports/$importId" params={{ importId: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {formatMoment(c.getValue(), locale)}
        </Link>
      ),
    }),
    column.accessor('filename', { header: t('finance.bank.filename'), cell: (c) => c.getValue() ?? '—' }),
    column.accessor((i) => i.summary.lines, { id: 'lines', header: t('finance.bank.lines') }),
    column.accessor((i) => i.summary.credits, { id: 'credits', header: t('finance.bank.credits') }),
    column.accessor((i) => i.summary.creditTotal, { id: 'creditTotal', header: t('finance.bank.creditTotal'), cell: (c) => formatMoney({ amount: c.getValue(), currency: c.row.original.currency }, locale) }),
    column.accessor((i) => i.summary.matched, { id: 'matched', header: t('finance.bank.matched') }),
    column.accessor((i) => i.summary.proposed, { id: 'proposed', header: t('finance.bank.proposed') }),
    column.accessor((i) => i.summary.duplicates, { id: 'duplicates', header: t('finance.bank.duplicates') }),
  ];
  const next = imports.data?.nextCursor;
  return (
    <Page title={t('finance.bank.imports')} actions={may(me.data, 'finance', 'finance.write') ? <Link to="/finance/bank-imports/new" className={buttonLink}>{t('finance.bank.newImport')}</Link> : null}>
      <BillingLinks />
      <DataTable<BankImport>
        label={t('finance.bank.imports')}
        columns={columns}
        rows={imports.data?.data ?? []}
        isLoading={imports.isLoading}
        error={imports.error instanceof ApiError ? imports.error.problem.detail : imports.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/finance/bank-imports" search={{}}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/finance/bank-imports" search={{ cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
