import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { formatMoney } from '../../ui/money.js';
import { BILLING } from './api.js';

/** How often, and how many times, the page asks whether Stripe's webhook has recorded the payment. */
const EVERY_MS = 2_000;
const TIMES = 15;

/**
 * Back from Stripe Checkout (`?invoice=…&paid=1`, or without `paid` when the payer went back):
 * the payment is "being confirmed" until the API says the invoice is paid, which the page asks
 * a few times; it never says "paid" on Stripe's word alone.
 */
export function PaymentReturn({ invoiceId, paid }: { invoiceId: string; paid: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const queries = useQueryClient();
  const key = [BILLING, 'invoice', invoiceId];
  const invoice = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await api.GET('/api/v1/billing/invoices/{id}', { params: { path: { id: invoiceId } } })),
    refetchInterval: (query) => (paid && query.state.data?.status === 'open' && query.state.dataUpdateCount < TIMES ? EVERY_MS : false),
  });
  const settled = invoice.data?.status === 'paid';
  useEffect(() => {
    // The list, the standing and the licence change with the payment.
    if (settled) {
      void queries.invalidateQueries({ queryKey: [BILLING, 'invoices'] });
      void queries.invalidateQueries({ queryKey: [BILLING, 'subscription'] });
      void queries.invalidateQueries({ queryKey: ['me'] });
    }
  }, [settled, queries]);
  if (invoice.error) return <p role="alert" className="text-sm text-red-700">{t('billing.account.return.unknown')}</p>;
  if (!invoice.data) return null;
  const i = invoice.data;
  const amount = formatMoney({ amount: i.totalMinor - i.creditedMinor, currency: i.currency }, locale);
  const gaveUp = paid && !settled && (queries.getQueryState(key)?.dataUpdateCount ?? 0) >= TIMES;
  const text = settled
    ? t('billing.account.return.paid', { number: i.number, amount })
    : !paid
      ? t('billing.account.return.notPaid', { number: i.number })
      : gaveUp
        ? t('billing.account.return.slow', { number: i.number })
        : t('billing.account.return.confirming', { number: i.number, amount });
  return (
    <div role="status" className={`rounded-lg border px-4 py-3 text-sm ${settled ? 'border-green-200 bg-green-50 text-green-900' : 'border-amber-200 bg-amber-50 text-amber-900'}`} data-testid="payment-status">
      {text}
    </div>
  );
}
