import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { Section } from '../../ui/DetailList.js';
import { saveFile } from '../../ui/download.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { formatDay } from '../properties/format.js';
import { PlainDateField } from '../properties/PlainDateField.js';
import { simpleTable, td, textLink, th } from '../properties/styles.js';
import { rentRollRoute } from './routes.js';
import { frequencyLabel, type RentRoll } from './types.js';
import { useTenantToday } from '../../workspace/me.js';

/** Every unit let on a day (the date in the URL, default today), with totals per currency; the same as CSV. */
export function RentRoll() {
  const today = useTenantToday();
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const navigate = useNavigate();
  const search = rentRollRoute.useSearch();
  const date = search.date ?? today;
  const [typed, setTyped] = useState(date);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const roll = useQuery({
    queryKey: ['reports', 'rent-roll', date],
    queryFn: async () => unwrap(await api.GET('/api/v1/reports/rent-roll', { params: { query: { date } } })) as RentRoll,
    placeholderData: keepPreviousData,
  });
  const download = () => {
    setDownloadError(null);
    saveFile(api.GET('/api/v1/reports/rent-roll', { params: { query: { date, format: 'csv' } }, parseAs: 'blob' }), `rent-roll-${date}.csv`).catch(() => setDownloadError(t('leases.downloadFailed')));
  };
  const rows = roll.data?.rows ?? [];
  const num = new Intl.NumberFormat(locale);
  return (
    <Page title={t('leases.rentRoll.title')} actions={<Button variant="secondary" onPress={download}>{t('leases.downloadCsv')}</Button>}>
      <PlainDateField
        label={t('leases.rentRoll.asOf')}
        value={typed}
        onChange={(day) => {
          setTyped(day);
          if (day) void navigate({ to: '/leases/rent-roll', search: { date: day }, replace: true });
        }}
      />
      {downloadError ? <p role="alert" className="text-sm text-red-700">{downloadError}</p> : null}
      {roll.error ? <p role="alert" className="text-sm text-red-700">{roll.error instanceof ApiError ? roll.error.problem.detail : t('list.failed')}</p> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className={simpleTable}>
          <caption className="sr-only">{t('leases.rentRoll.caption', { date: formatDay(date, locale) })}</caption>
          <thead>
            <tr>
              <th scope="col" className={th}>{t('leases.rentRoll.property')}</th>
              <th scope="col" className={th}>{t('leases.unit')}</th>
              <th scope="col" className={th}>{t('leases.renters')}</th>
              <th scope="col" className={th}>{t('leases.rent')}</th>
              <th scope="col" className={th}>{t('leases.rentRoll.monthly')}</th>
              <th scope="col" className={th}>{t('leases.deposit')}</th>
              <th scope="col" className={th}>{t('leases.startDate')}</th>
              <th scope="col" className={th}>{t('leases.endDate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8} className={`${td} text-center text-slate-500`}>{roll.isLoading ? t('list.loading') : t('leases.rentRoll.none')}</td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.leaseId}>
                <td className={td}><Link to="/properties/$propertyId" params={{ propertyId: r.propertyId }} search={{}} className={textLink}>{r.propertyName}</Link></td>
                <td className={td}><Link to="/leases/$leaseId" params={{ leaseId: r.leaseId }} className={textLink}>{r.unitLabel}</Link></td>
                <td className={td}>{r.renters.map((m) => m.name).join(', ')}</td>
                <td className={td}>{`${formatMoney(r.rent, locale)} ${t(frequencyLabel(r.frequency))}`}</td>
                <td className={td}>{formatMoney({ amount: r.monthlyRent, currency: r.rent.currency }, locale)}</td>
                <td className={td}>{formatMoney({ amount: r.deposit, currency: r.rent.currency }, locale)}</td>
                <td className={td}>{formatDay(r.startDate, locale)}</td>
                <td className={td}>{r.endDate ? formatDay(r.endDate, locale) : t('leases.periodicShort')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Section title={t('leases.rentRoll.totals')}>
        <div className="max-w-xl overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className={simpleTable}>
            <caption className="sr-only">{t('leases.rentRoll.totals')}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>{t('leases.currency')}</th>
                <th scope="col" className={th}>{t('leases.rentRoll.units')}</th>
                <th scope="col" className={th}>{t('leases.rentRoll.monthly')}</th>
                <th scope="col" className={th}>{t('leases.rentRoll.deposits')}</th>
              </tr>
            </thead>
            <tbody>
              {(roll.data?.totals ?? []).length === 0 ? (
                <tr>
                  <td colSpan={4} className={`${td} text-center text-slate-500`}>{roll.isLoading ? t('list.loading') : t('leases.rentRoll.none')}</td>
                </tr>
              ) : null}
              {(roll.data?.totals ?? []).map((total) => (
                <tr key={total.currency}>
                  <th scope="row" className={`${td} text-left`}>{total.currency}</th>
                  <td className={td}>{num.format(total.units)}</td>
                  <td className={td}>{formatMoney({ amount: total.monthlyRent, currency: total.currency }, locale)}</td>
                  <td className={td}>{formatMoney({ amount: total.deposit, currency: total.currency }, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </Page>
  );
}
