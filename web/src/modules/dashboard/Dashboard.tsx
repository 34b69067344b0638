import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT, type MessageId } from '../../i18n/intl.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { monthlySeries } from './collections.js';

// recharts is a chunk of its own, fetched by this page only and after its figures are shown.
const OccupancyChart = lazy(() => import('./Charts.js').then((m) => ({ default: m.OccupancyChart })));
const ArrearsChart = lazy(() => import('./Charts.js').then((m) => ({ default: m.ArrearsChart })));
const CollectionsChart = lazy(() => import('./Charts.js').then((m) => ({ default: m.CollectionsChart })));

/** A report answers JSON or CSV; the dashboard asks for JSON. */
function json<T>(report: T | string): T {
  if (typeof report === 'string') throw new Error('expected JSON');
  return report;
}
const BUCKETS = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;

function Card({ id, title, children, wide }: { id: string; title: string; children: ReactNode; wide?: boolean }) {
  return (
    <section aria-labelledby={id} className={`space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm ${wide ? 'lg:col-span-2' : ''}`} data-testid={`card-${id}`}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A chart is drawn for the eyes; beside it, the same figures as a table for screen readers. */
function Figure({ chart, caption, head, rows }: { chart: ReactNode; caption: string; head: string[]; rows: string[][] }) {
  const t = useT();
  return (
    <>
      <div aria-hidden="true" inert className="h-56 w-full" data-testid="chart">
        <Suspense fallback={null}>{chart}</Suspense>
      </div>
      <table className="sr-only">
        <caption>{`${caption} — ${t('dashboard.chartData')}`}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r[0]}>
              {r.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Failed() {
  const t = useT();
  return <p className="text-sm text-red-700">{t('dashboard.failed')}</p>;
}

function MembersCard() {
  const t = useT();
  const api = useApi();
  const count = useQuery({ queryKey: ['dashboard', 'members-count'], queryFn: async () => unwrap(await api.GET('/api/v1/members/count')) });
  return (
    <Card id="dashboard-members" title={t('dashboard.members')}>
      {count.error ? <Failed /> : null}
      {count.data ? (
        <p className="text-3xl font-semibold tabular-nums">
          <Link to="/members" className="text-brand underline-offset-2 hover:underline">
            {t('dashboard.membersCount', { count: count.data.count })}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}

function OccupancyCard() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const vacancy = useQuery({ queryKey: ['dashboard', 'vacancy'], queryFn: async () => json(unwrap(await api.GET('/api/v1/reports/vacancy'))) });
  const totals = vacancy.data?.totals;
  const parts = totals
    ? ([
        ['dashboard.occupied', totals.occupied, '#1f5f8b'],
        ['dashboard.ownerOccupied', totals.ownerOccupied, '#5b8fb9'],
        ['dashboard.vacant', totals.vacant, '#d97706'],
        ['dashboard.unavailable', totals.unavailable, '#94a3b8'],
      ] as const)
    : [];
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <Card id="dashboard-occupancy" title={t('dashboard.occupancy')}>
      {vacancy.error ? <Failed /> : null}
      {totals && totals.units === 0 ? <p className="text-slate-600">{t('dashboard.noUnits')}</p> : null}
      {totals && totals.units > 0 ? (
        <>
          <p className="text-slate-700">{t('dashboard.occupancySummary', { ...totals })}</p>
          {totals.vacancyRate !== null ? <p className="text-sm text-slate-600">{t('dashboard.vacancyRate', { rate: percent.format(totals.vacancyRate) })}</p> : null}
          <Figure
            caption={t('dashboard.occupancy')}
            chart={<OccupancyChart data={parts.map(([label, value, color]) => ({ name: t(label), value, color }))} />}
            head={[t('dashboard.status'), t('dashboard.units')]}
            rows={parts.map(([label, value]) => [t(label), String(value)])}
          />
        </>
      ) : null}
    </Card>
  );
}

function LeasesCard() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const leases = useQuery({
    queryKey: ['dashboard', 'leases-ending'],
    queryFn: async () => unwrap(await api.GET('/api/v1/leases', { params: { query: { limit: 10, expiringWithinDays: 60 } } })),
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const rows = [...(leases.data?.data ?? [])].sort((a, b) => (a.endDate ?? '').localeCompare(b.endDate ?? ''));
  return (
    <Card id="dashboard-leases" title={t('dashboard.leasesEnding')}>
      {leases.error ? <Failed /> : null}
      {leases.data && rows.length === 0 ? <p className="text-slate-600">{t('dashboard.noLeasesEnding')}</p> : null}
      {rows.length > 0 ? (
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-1 font-medium">{t('dashboard.endDate')}</th>
              <th scope="col" className="py-1 font-medium">{t('dashboard.rent')}</th>
              <th scope="col" className="py-1 font-medium">{t('dashboard.leaseStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => (
              <tr key={l.id} className="border-t border-slate-100">
                <td className="py-1">{l.endDate ? date.format(new Date(`${l.endDate}T00:00:00Z`)) : ''}</td>
                <td className="py-1 tabular-nums">{formatMoney(l.rent, locale)}</td>
                <td className="py-1">{t(`dashboard.leaseStatus.${l.status}` as MessageId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {leases.data?.nextCursor ? (
        <Link to="/leases" className="text-sm text-brand underline-offset-2 hover:underline">
          {t('dashboard.moreLeases')}
        </Link>
      ) : null}
    </Card>
  );
}

function ArrearsCard() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const arrears = useQuery({ queryKey: ['dashboard', 'arrears'], queryFn: async () => json(unwrap(await api.GET('/api/v1/finance/reports/arrears'))) });
  const totals = arrears.data?.totals ?? [];
  const first = totals[0];
  return (
    <Card id="dashboard-arrears" title={t('dashboard.arrears')}>
      {arrears.error ? <Failed /> : null}
      {arrears.data && !totals.some((x) => x.total !== 0) ? <p className="text-slate-600">{t('dashboard.noArrears')}</p> : null}
      {first && totals.some((x) => x.total !== 0) ? (
        <>
          <p className="text-slate-700">{totals.map((x) => `${t('dashboard.total')}: ${formatMoney({ amount: x.total, currency: x.currency }, locale)}`).join(' · ')}</p>
          <Figure
            caption={t('dashboard.arrears')}
            chart={<ArrearsChart currency={first.currency} locale={locale} data={BUCKETS.map((b) => ({ name: t(`dashboard.${b}`), amount: first[b] }))} />}
            head={[t('dashboard.bucket'), ...totals.map((x) => `${t('dashboard.amount')} (${x.currency})`)]}
            rows={BUCKETS.map((b) => [t(`dashboard.${b}`), ...totals.map((x) => formatMoney({ amount: x[b], currency: x.currency }, locale))])}
          />
        </>
      ) : null}
    </Card>
  );
}

function CollectionsCard() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  // The report's default span: the twelve months up to this one, every month present.
  const report = useQuery({ queryKey: ['dashboard', 'collections-monthly'], queryFn: async () => json(unwrap(await api.GET('/api/v1/finance/reports/collections/monthly'))) });
  const label = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const { currency, months } = monthlySeries(report.data?.rows ?? []);
  const data = months.map((m) => ({ month: label.format(new Date(`${m.month}-01T00:00:00Z`)), charged: m.billed, collected: m.collected }));
  return (
    <Card id="dashboard-collections" title={t('dashboard.collections')} wide>
      {report.error ? <Failed /> : null}
      {report.data && !currency ? <p className="text-slate-600">{t('dashboard.noCollections')}</p> : null}
      {currency ? (
        <Figure
          caption={`${t('dashboard.collections')} (${currency})`}
          chart={<CollectionsChart currency={currency} locale={locale} data={data} labels={{ charged: t('dashboard.charged'), collected: t('dashboard.collected') }} />}
          head={[t('dashboard.month'), t('dashboard.charged'), t('dashboard.collected')]}
          rows={data.map((d) => [d.month, formatMoney({ amount: d.charged, currency }, locale), formatMoney({ amount: d.collected, currency }, locale)])}
        />
      ) : null}
    </Card>
  );
}

/**
 * The workspace's home: a card per figure, each shown only to a user who may read its module
 * (members, occupancy, leases ending soon, arrears by age, collections over a year).
 */
export function Dashboard() {
  const t = useT();
  const me = useMe();
  const can = (module: string, permission: string) => may(me.data, module, permission);
  const cards = [
    can('members', 'members.read') ? <MembersCard key="members" /> : null,
    can('properties', 'properties.read') ? <OccupancyCard key="occupancy" /> : null,
    can('leases', 'leases.read') ? <LeasesCard key="leases" /> : null,
    can('finance', 'finance.read') ? <ArrearsCard key="arrears" /> : null,
    can('finance', 'finance.read') ? <CollectionsCard key="collections" /> : null,
  ].filter(Boolean);
  return (
    <Page title={t('workspace.home', { name: me.data?.branding.displayName ?? me.data?.tenant.name ?? '' })}>
      {cards.length === 0 ? <p className="text-slate-600">{t('workspace.homeText')}</p> : <div className="grid gap-6 lg:grid-cols-2">{cards}</div>}
    </Page>
  );
}

