import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { formatMoney, toMajorText, toMinorUnits } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { paymentRoute } from './routes.js';
import { DialogField, MemberName, methodLabel, SimpleTable, useFormatDate } from './shared.js';

export function PaymentPage() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const { locale } = useLocale();
  const date = useFormatDate();
  const queries = useQueryClient();
  const { paymentId } = paymentRoute.useParams();
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState<string | null>(null);
  const payment = useQuery({ queryKey: ['finance', 'payment', paymentId], queryFn: async () => unwrap(await api.GET('/api/v1/finance/payments/{id}', { params: { path: { id: paymentId } } })) });
  if (payment.error) return <Page title={t('page.notFound')}>{payment.error instanceof ApiError ? payment.error.problem.detail : t('list.failed')}</Page>;
  const p = payment.data;
  if (!p) return <Page title={t('list.loading')}>{null}</Page>;
  const money = (value: number) => formatMoney({ amount: value, currency: p.currency }, locale);
  const refundable = p.amount - p.refunded;
  const refundText = amount ?? toMajorText(refundable, p.currency);
  const refundAmount = toMinorUnits(refundText, p.currency, locale);
  const refund =
    may(me.data, 'finance', 'finance.approve') && refundable > 0 ? (
      <ConfirmAction
        label={t('finance.payment.refund')}
        title={t('finance.payment.refundTitle')}
        description={t('finance.payment.refundText', { refundable: money(refundable) })}
        variant="danger"
        run={(headers) => api.POST('/api/v1/finance/payments/{id}/refund', { headers, params: { path: { id: p.id } }, body: { amount: refundAmount ?? 0, reason: reason.trim() || t('finance.payment.refundDefaultReason') } })}
        onDone={() => {
          setReason('');
          setAmount(null);
          void queries.invalidateQueries({ queryKey: ['finance'] });
          void queries.invalidateQueries({ queryKey: ['balance', p.memberId] });
        }}
      >
        <DialogField label={t('finance.amount')} value={refundText} onChange={setAmount} description={t('finance.amountHelp')} />
        <DialogField label={t('finance.reason')} value={reason} onChange={setReason} />
      </ConfirmAction>
    ) : null;
  return (
    <Page title={t('finance.payment.title', { amount: money(p.amount), date: date(p.receivedOn) })} actions={<Link to="/finance/payments">{t('finance.payments')}</Link>}>
      <Section title={t('finance.payment.details')} actions={refund}>
        <DetailList
          items={[
            { term: t('finance.member'), value: <MemberName memberId={p.memberId} /> },
            { term: t('finance.amount'), value: money(p.amount) },
            { term: t('finance.refunded'), value: money(p.refunded) },
            { term: t('finance.method'), value: t(methodLabel(p.method)) },
            { term: t('finance.receivedOn'), value: date(p.receivedOn) },
            { term: t('finance.reference'), value: p.reference },
            { term: t('finance.payer'), value: p.payer },
          ]}
        />
      </Section>
      <Section title={t('finance.allocations')}>
        <SimpleTable
          label={t('finance.allocations')}
          head={[t('finance.charge'), t('finance.amount'), t('finance.date'), t('finance.allocation.state')]}
          rows={p.allocations.map((a) => [
            <Link key={a.id} to="/finance/charges/$chargeId" params={{ chargeId: a.chargeId }} className="text-brand underline-offset-2 hover:underline">
              {t('finance.charge.open')}
            </Link>,
            money(a.amount),
            date(a.createdAt),
            a.releasedEntryId ? t('finance.allocation.released') : t('finance.allocation.applied'),
          ])}
          empty={t('finance.allocations.noneOfPayment')}
        />
      </Section>
    </Page>
  );
}
