import { useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { saveFile } from '../../ui/download.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { REPORTS } from './Reports.js';
import { reportRoute } from './routes.js';
import type { ReportSearch } from './search.js';
import { useTenantToday } from '../../workspace/me.js';
import { asJson, FilterDate, Filters, FilterSelect, SimpleTable } from './shared.js';

type Answer = { data?: unknown; error?: unknown; response: Response };

/** A report's frame: its parameters (in the URL), its table, and its CSV (the API's `format=csv`). */
function ReportFrame({ title, params, csv, filename, error, loading, children }: { title: string; params: ReactNode; csv: () => Promise<Answer>; filename: string; error: unknown; loading: boolean; children: ReactNode }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  return (
    <Page title={title} actions={<Link to="/finance/reports">{t('finance.reports')}</Link>}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Filters label={t('finance.report.parameters')}>{params}</Filters>
        <Button
          variant="secondary"
          onPress={() => {
            setFailed(false);
            saveFile(csv(), filename).catch(() => setFailed(true));
          }}
        >
          {t('finance.report.csv')}
        </Button>
      </div>
      {failed ? <p role="alert" className="text-sm text-red-700">{t('finance.downloadFailed')}</p> : null}
      {error ? <p role="alert">{error instanceof ApiError ? error.problem.detail : t('list.failed')}</p> : loading ? <p>{t('list.loading')}</p> : children}
    </Page>
  );
}

export function ReportPage() {
  const { report } = reportRoute.useParams();
  const t = useT();
  if (report === 'trial-balance') return <TrialBalance />;
  if (report === 'arrears') return <Arrears />;
  if (report === 'income') return <Income />;
  if (report === 'collections') return <Collections />;
  return <Page title={t('page.notFound')}>{t('page.notFoundText')}</Page>;
}

function useReportSearch() {
  const search = reportRoute.useSearch();
  const navigate = useNavigate();
  const set = (change: Partial<ReportSearch>) => void navigate({ to: '.', search: (prev: ReportSearch) => ({ ...prev, ...change }), replace: true });
  return [search, set] as const;
}

const title = (t: ReturnType<typeof useT>, id: (typeof REPORTS)[number]['id']) => t(REPORTS.find((r) => r.id === id)!.label);
const sumCurrency = (row: { currency: string }) => row.currency;

function TrialBalance() {
  const today = useTenantToday();
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [search, set] = useReportSearch();
  const query = { asOf: search.asOf };
  const report = useQuery({ queryKey: ['finance', 'reports', 'trial-balance', query], queryFn: async () => asJson(unwrap(await api.GET('/api/v1/finance/reports/trial-balance', { params: { query } }))), placeholderData: keepPreviousData });
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, locale);
  return (
    <ReportFrame
      title={title(t, 'trial-balance')}
      params={<FilterDate label={t('finance.asOf')} value={search.asOf ?? today} onChange={(asOf) => set({ asOf })} />}
      csv={() => api.GET('/api/v1/finance/reports/trial-balance', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' })}
      filename={`trial-balance-${search.asOf ?? today}.csv`}
      error={report.error}
      loading={report.isLoading}
    >
      <SimpleTable
        label={title(t, 'trial-balance')}
        head={[t('finance.report.code'), t('finance.report.account'), t('finance.currency'), t('finance.report.debit'), t('finance.report.credit')]}
        rows={(report.data?.rows ?? []).map((r) => [r.code, r.name, r.currency, r.debit ? money(r.debit, r.currency) : '', r.credit ? money(r.credit, r.currency) : ''])}
        foot={(report.data?.totals ?? []).map((r) => [t('finance.report.total'), '', sumCurrency(r), money(r.debit, r.currency), money(r.credit, r.currency)])}
        empty={t('finance.report.empty')}
      />
    </ReportFrame>
  );
}

function Arrears() {
  const today = useTenantToday();
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [search, set] = useReportSearch();
  const query = { asOf: search.asOf, groupBy: search.groupBy };
  const report = useQuery({ queryKey: ['finance', 'reports', 'arrears', query], queryFn: async () => asJson(unwrap(await api.GET('/api/v1/finance/reports/arrears', { params: { query } }))), placeholderData: keepPreviousData });
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, locale);
  const buckets = (r: { currency: string; current: number; days1to30: number; days31to60: number; days61to90: number; over90: number; total: number }) => [r.current, r.days1to30, r.days31to60, r.days61to90, r.over90, r.total].map((v) => money(v, r.currency));
  return (
    <ReportFrame
      title={title(t, 'arrears')}
      params={
        <>
          <FilterDate label={t('finance.asOf')} value={search.asOf ?? today} onChange={(asOf) => set({ asOf })} />
          <FilterSelect
            label={t('finance.report.groupBy')}
            value={search.groupBy}
            options={[
              { id: 'member', label: t('finance.member') },
              { id: 'unit', label: t('finance.unit') },
              { id: 'property', label: t('finance.report.property') },
            ]}
            onChange={(groupBy) => set({ groupBy })}
          />
        </>
      }
      csv={() => api.GET('/api/v1/finance/reports/arrears', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' })}
      filename={`arrears-${search.asOf ?? today}.csv`}
      error={report.error}
      loading={report.isLoading}
    >
      <SimpleTable
        label={title(t, 'arrears')}
        head={[t('finance.report.name'), t('finance.currency'), t('finance.report.current'), t('finance.report.days1to30'), t('finance.report.days31to60'), t('finance.report.days61to90'), t('finance.report.over90'), t('finance.report.total')]}
        rows={(report.data?.rows ?? []).map((r) => [r.name ?? t('finance.report.none'), r.currency, ...buckets(r)])}
        foot={(report.data?.totals ?? []).map((r) => [t('finance.report.total'), r.currency, ...buckets(r)])}
        empty={t('finance.report.empty')}
      />
    </ReportFrame>
  );
}

function Income() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [search, set] = useReportSearch();
  const query = { from: search.from, to: search.to };
  const report = useQuery({ queryKey: ['finance', 'reports', 'income', query], queryFn: async () => asJson(unwrap(await api.GET('/api/v1/finance/reports/income', { params: { query } }))), placeholderData: keepPreviousData });
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, locale);
  return (
    <ReportFrame
      title={title(t, 'income')}
      params={
        <>
          <FilterDate label={t('finance.from')} value={search.from ?? report.data?.from} onChange={(from) => set({ from })} />
          <FilterDate label={t('finance.to')} value={search.to ?? report.data?.to} onChange={(to) => set({ to })} />
        </>
      }
      csv={() => api.GET('/api/v1/finance/reports/income', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' })}
      filename="income.csv"
      error={report.error}
      loading={report.isLoading}
    >
      <SimpleTable
        label={title(t, 'income')}
        head={[t('finance.report.code'), t('finance.report.account'), t('finance.currency'), t('finance.report.incomeAmount')]}
        rows={(report.data?.rows ?? []).map((r) => [r.code, r.name, r.currency, money(r.income, r.currency)])}
        foot={(report.data?.totals ?? []).map((r) => [t('finance.report.total'), '', r.currency, money(r.income, r.currency)])}
        empty={t('finance.report.empty')}
      />
    </ReportFrame>
  );
}

function Collections() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [search, set] = useReportSearch();
  const query = { from: search.from, to: search.to, asOf: search.asOf };
  const report = useQuery({ queryKey: ['finance', 'reports', 'collections', query], queryFn: async () => asJson(unwrap(await api.GET('/api/v1/finance/reports/collections', { params: { query } }))), placeholderData: keepPreviousData });
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  return (
    <ReportFrame
      title={title(t, 'collections')}
      params={
        <>
          <FilterDate label={t('finance.from')} value={search.from ?? report.data?.from} onChange={(from) => set({ from })} />
          <FilterDate label={t('finance.to')} value={search.to ?? report.data?.to} onChange={(to) => set({ to })} />
          <FilterDate label={t('finance.asOf')} value={search.asOf ?? report.data?.asOf} onChange={(asOf) => set({ asOf })} />
        </>
      }
      csv={() => api.GET('/api/v1/finance/reports/collections', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' })}
      filename="collections.csv"
      error={report.error}
      loading={report.isLoading}
    >
      <SimpleTable
        label={title(t, 'collections')}
        head={[t('finance.currency'), t('finance.report.chargeCount'), t('finance.report.charged'), t('finance.report.collected'), t('finance.writtenOff'), t('finance.report.rate')]}
        rows={(report.data?.rows ?? []).map((r) => [r.currency, String(r.charges), money(r.charged, r.currency), money(r.collected, r.currency), money(r.writtenOff, r.currency), r.rate === null ? '—' : percent.format(r.rate)])}
        empty={t('finance.report.empty')}
      />
    </ReportFrame>
  );
}
