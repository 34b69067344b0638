import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { plansRoute } from './routes.js';
import type { Plan } from './PlanForm.js';

const column = createColumnHelper<Plan>();

/** The API lists every plan at once (there are few): the search filters them here, by key and name. */
export function PlansList() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const search = plansRoute.useSearch();
  const navigate = useNavigate();
  const plans = useQuery({ queryKey: ['plans'], queryFn: async () => unwrap(await api.GET('/control/v1/plans')) });
  const onSearch = useCallback((q: string) => void navigate({ to: '/plans', search: { q: q || undefined }, replace: true }), [navigate]);
  const q = (search.q ?? '').toLowerCase();
  const rows = (plans.data?.data ?? []).filter((p) => !q || p.key.toLowerCase().includes(q) || p.name.toLowerCase().includes(q));
  const columns = [
    column.accessor('name', {
      header: t('plans.name'),
      cell: (c) => (
        <Link to="/plans/$key" params={{ key: c.row.original.key }} className="text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('key', { header: t('plans.key') }),
    column.accessor('modules', { header: t('plans.modules'), cell: (c) => c.getValue().join(', ') }),
    column.accessor('price', { header: t('plans.price'), cell: (c) => t(`plans.per.${c.getValue().interval}`, { price: formatMoney({ amount: c.getValue().amountMinor, currency: c.getValue().currency }, locale) }) }),
    column.accessor('active', { header: t('plans.active'), cell: (c) => (c.getValue() ? t('plans.yes') : t('plans.no')) }),
  ];
  return (
    <Page title={t('console.nav.plans')} actions={<Link to="/plans/new" className={buttonLink}>{t('plans.new')}</Link>}>
      <SearchBox value={search.q ?? ''} onSearch={onSearch} />
      <DataTable<Plan>
        label={t('console.nav.plans')}
        columns={columns}
        rows={rows}
        isLoading={plans.isLoading}
        error={plans.error instanceof ApiError ? plans.error.problem.detail : plans.error ? t('list.failed') : null}
        pager={{ first: null, next: null }}
      />
    </Page>
  );
}
