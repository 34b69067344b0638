import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, asProblem, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatTimestamp } from '../../ui/dates.js';
import { Section } from '../../ui/DetailList.js';
import { saveFile } from '../../ui/download.js';
import { newIdempotencyKey } from '../../ui/form.js';
import { formatMoney } from '../../ui/money.js';
import { FilterSelect } from '../members/FilterSelect.js';
import { BILLING, type Invoice } from './api.js';
import { INVOICE_STATUSES, type BillingSearch } from './search.js';

const column = createColumnHelper<Invoice>();
const day = (at: string | null, locale: string) => (at ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(at)) : '—');

/** An open invoice's Pay button: a Stripe Checkout page for what is due, where the browser goes next. */
function PayButton({ invoice, onError }: { invoice: Invoice; onError: (message: string | null) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const amount = formatMoney({ amount: invoice.amountDueMinor, currency: invoice.currency }, locale);
  async function pay() {
    setBusy(true);
    onError(null);
    try {
      const answer = await api.POST('/api/v1/billing/invoices/{id}/checkout', { params: { path: { id: invoice.id } }, headers: { 'idempotency-key': newIdempotencyKey() } });
      if (answer.data) return window.location.assign(answer.data.url);
      onError(asProblem(answer.error, answer.response).detail ?? t('billing.account.failed'));
    } catch {
      onError(t('form.networkError'));
    }
    setBusy(false);
  }
  return (
    <Button isDisabled={busy} onPress={() => void pay()} aria-label={t('billing.account.invoices.payOf', { number: invoice.number, amount })}>
      {t('billing.account.invoices.pay', { amount })}
    </Button>
  );
}

function PdfButton({ invoice, onError }: { invoice: Invoice; onError: (message: string | null) => void }) {
  const t = useT();
  const api = useApi();
  return (
    <Button
      variant="secondary"
      aria-label={t('billing.account.invoices.pdfOf', { number: invoice.number })}
      onPress={() => {
        onError(null);
        saveFile(api.GET('/api/v1/billing/invoices/{id}/pdf', { params: { path: { id: invoice.id } }, parseAs: 'blob' }), `${invoice.number}.pdf`).catch(() => onError(t('billing.account.invoices.pdfFailed')));
      }}
    >
      {t('billing.account.invoices.pdf')}
    </Button>
  );
}

/** The platform's invoices and credit notes to the community, filtered by status (in the URL); open ones can be paid by card by those who may manage billing. */
export function InvoicesSection({ search, canPay }: { search: BillingSearch; canPay: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const invoices = useQuery({
    queryKey: [BILLING, 'invoices', { status: search.status, cursor: search.cursor }],
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/invoices', { params: { query: { limit: 50, status: search.status, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const money = (invoice: Invoice, amount: number) => formatMoney({ amount, currency: invoice.currency }, locale);
  const columns = [
    column.accessor('number', { header: t('billing.account.invoices.number'), cell: (c) => (c.row.original.kind === 'credit_note' ? t('billing.account.invoices.creditNote', { number: c.getValue() }) : c.getValue()) }),
    column.display({ id: 'period', header: t('billing.account.invoices.period'), cell: (c) => (c.row.original.periodStart ? t('billing.account.periodText', { from: day(c.row.original.periodStart, locale), to: day(c.row.original.periodEnd, locale) }) : '—') }),
    column.accessor('totalMinor', { header: t('billing.account.invoices.total'), cell: (c) => <span className="tabular-nums">{money(c.row.original, c.getValue())}</span> }),
    column.accessor('amountDueMinor', { header: t('billing.account.invoices.amountDue'), cell: (c) => <span className="tabular-nums">{money(c.row.original, c.getValue())}</span> }),
    column.accessor('dueAt', { header: t('billing.account.invoices.due'), cell: (c) => (c.row.original.kind === 'invoice' ? day(c.getValue(), locale) : '—') }),
    column.accessor('status', {
      header: t('billing.account.invoices.status'),
      cell: (c) => (
        <span data-testid={`invoice-status-${c.row.original.number}`}>
          {c.getValue() === 'paid' && c.row.original.paidAt ? t('billing.account.invoices.paidOn', { date: formatTimestamp(c.row.original.paidAt, locale) }) : t(`billing.account.invoiceStatus.${c.getValue()}`)}
        </span>
      ),
    }),
    column.display({
      id: 'actions',
      header: t('billing.account.invoices.actions'),
      cell: (c) => (
        <div className="flex flex-wrap gap-2">
          <PdfButton invoice={c.row.original} onError={setError} />
          {canPay && c.row.original.kind === 'invoice' && c.row.original.status === 'open' && c.row.original.amountDueMinor > 0 ? <PayButton invoice={c.row.original} onError={setError} /> : null}
        </div>
      ),
    }),
  ];
  const next = invoices.data?.nextCursor;
  const onStatus = (status: BillingSearch['status']) => void navigate({ to: '/billing', search: { status }, replace: true, resetScroll: false });
  return (
    <Section title={t('billing.account.invoices')}>
      <div className="flex flex-wrap items-end gap-4">
        <FilterSelect label={t('billing.account.invoices.status')} anyLabel={t('billing.account.invoices.any')} value={search.status} options={INVOICE_STATUSES.map((s) => ({ id: s, label: t(`billing.account.invoiceStatus.${s}`) }))} onChange={onStatus} />
      </div>
      {error ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
      {invoices.data && invoices.data.data.length === 0 ? <p className="text-sm text-slate-600">{t(search.status ? 'billing.account.invoices.noneOfStatus' : 'billing.account.invoices.none')}</p> : null}
      <DataTable<Invoice>
        label={t('billing.account.invoices.table')}
        columns={columns}
        rows={invoices.data?.data ?? []}
        isLoading={invoices.isLoading}
        error={invoices.error instanceof ApiError ? invoices.error.problem.detail : invoices.error ? t('billing.account.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/billing" search={{ status: search.status }}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/billing" search={{ status: search.status, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Section>
  );
}
