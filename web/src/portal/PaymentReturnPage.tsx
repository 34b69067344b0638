import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';
import { useApi } from '../api/session.js';
import { useLocale, useT } from '../i18n/intl.js';
import { formatMoney } from '../ui/money.js';
import { linkStyle } from '../ui/PlainForm.js';
import { forgetCheckout, readCheckout, rememberedCheckout } from './checkout.js';
import { Card } from './parts.js';
import { Link } from './router.js';

/** How long the page waits for the provider's webhook before it says the payment is still on its way. */
const PATIENCE_MS = 120_000;
const POLL_MS = 2_000;

/**
 * Where Stripe brings the member back after paying. Coming back proves nothing (anyone can open
 * this address): the page shows the payment as pending until the provider's signed webhook has
 * recorded it (the session `completed`, with its payment), and only then as received.
 */
export function PaymentReturnPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const id = rememberedCheckout();
  const [started] = useState(() => Date.now());
  const session = useQuery({
    queryKey: ['portal', 'checkout', id],
    enabled: id !== null,
    queryFn: async () => unwrap(await readCheckout(api, id!)),
    refetchInterval: (q) => (q.state.data?.status === 'open' && Date.now() - started < PATIENCE_MS ? POLL_MS : false),
  });
  const status = session.data?.status;
  useEffect(() => {
    if (status === 'completed' || status === 'expired' || status === 'failed') {
      forgetCheckout();
      // The balance and the lines changed: read them again.
      void queries.invalidateQueries({ queryKey: ['portal'], predicate: (q) => q.queryKey[1] !== 'checkout' });
    }
  }, [status, queries]);
  const amount = session.data ? formatMoney({ amount: session.data.amount, currency: session.data.currency }, locale) : '';
  return (
    <>
      <h1 className="text-xl font-semibold">{t('portal.payment.title')}</h1>
      <Card title={t('portal.payment.status')} testId="payment-status">
        {id === null ? (
          <p className="text-sm text-slate-700">{t('portal.payment.unknown')}</p>
        ) : session.isError ? (
          <p role="alert" className="text-sm text-red-700">{t('portal.failed')}</p>
        ) : status === 'completed' ? (
          <p role="status" className="text-sm font-medium text-emerald-800">{t('portal.payment.received', { amount })}</p>
        ) : status === 'expired' || status === 'failed' ? (
          <p role="alert" className="text-sm text-red-700">{t('portal.payment.notPaid', { amount })}</p>
        ) : (
          <p role="status" className="text-sm text-slate-700">{session.data ? t('portal.payment.pending', { amount }) : t('portal.loading')}</p>
        )}
      </Card>
      <Link to="/money" className={linkStyle}>
        {t('portal.statement.back')}
      </Link>
    </>
  );
}
