import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { saveFile } from '../../ui/download.js';
import { Page } from '../../ui/Page.js';
import { formatRate } from './format.js';
import { simpleTable, td, textLink, th } from './styles.js';
import type { Vacancy } from './types.js';
import { useTenantToday } from '../../workspace/me.js';

/** Units by status for each property that has units, and in all; the same as CSV. */
export function VacancyReport() {
  const today = useTenantToday();
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const report = useQuery({ queryKey: ['reports', 'vacancy'], queryFn: async () => unwrap(await api.GET('/api/v1/reports/vacancy')) as Vacancy });
  const download = () => {
    setDownloadError(null);
    saveFile(api.GET('/api/v1/reports/vacancy', { params: { query: { format: 'csv' } }, parseAs: 'blob' }), `vacancy-${today}.csv`).catch(() => setDownloadError(t('properties.downloadFailed')));
  };
  const num = new Intl.NumberFormat(locale);
  const rows = report.data?.properties ?? [];
  const totals = report.data?.totals;
  return (
    <Page title={t('properties.vacancy.title')} actions={<Button variant="secondary" onPress={download}>{t('properties.downloadCsv')}</Button>}>
      {downloadError ? <p role="alert" className="text-sm text-red-700">{downloadError}</p> : null}
      {report.error ? <p role="alert" className="text-sm text-red-700">{report.error instanceof ApiError ? report.error.problem.detail : t('list.failed')}</p> : null}
      {report.isLoading ? <p className="text-sm text-slate-500">{t('list.loading')}</p> : null}
      {report.data ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className={simpleTable}>
            <caption className="sr-only">{t('properties.vacancy.title')}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>{t('properties.vacancy.property')}</th>
                <th scope="col" className={th}>{t('properties.vacancy.units')}</th>
                <th scope="col" className={th}>{t('properties.status.vacant')}</th>
                <th scope="col" className={th}>{t('properties.status.occupied')}</th>
                <th scope="col" className={th}>{t('properties.status.owner-occupied')}</th>
                <th scope="col" className={th}>{t('properties.status.unavailable')}</th>
                <th scope="col" className={th}>{t('properties.vacancy.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={7} className={`${td} text-center text-slate-500`}>{t('properties.vacancy.none')}</td>
                </tr>
              ) : null}
              {rows.map((r) => (
                <tr key={r.propertyId}>
                  <th scope="row" className={`${td} font-normal`}>
                    <Link to="/properties/$propertyId" params={{ propertyId: r.propertyId }} search={{}} className={textLink}>{r.propertyName}</Link>
                  </th>
                  <td className={td}>{num.format(r.units)}</td>
                  <td className={td}>{num.format(r.vacant)}</td>
                  <td className={td}>{num.format(r.occupied)}</td>
                  <td className={td}>{num.format(r.ownerOccupied)}</td>
                  <td className={td}>{num.format(r.unavailable)}</td>
                  <td className={td}>{formatRate(r.vacancyRate, locale)}</td>
                </tr>
              ))}
            </tbody>
            {totals ? (
              <tfoot>
                <tr className="font-semibold">
                  <th scope="row" className={`${td} text-left`}>{t('properties.vacancy.total')}</th>
                  <td className={td}>{num.format(totals.units)}</td>
                  <td className={td}>{num.format(totals.vacant)}</td>
                  <td className={td}>{num.format(totals.occupied)}</td>
                  <td className={td}>{num.format(totals.ownerOccupied)}</td>
                  <td className={td}>{num.format(totals.unavailable)}</td>
                  <td className={td}>{formatRate(totals.vacancyRate, locale)}</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      ) : null}
    </Page>
  );
}
