import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { formatMoney, toMinorUnits } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { chargeRoute } from './routes.js';
import { DialogField, kindLabel, MemberName, SimpleTable, statusLabel, useFormatDate } from './shared.js';

export function ChargePage() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const { locale } = useLocale();
  const date = useFormatDate();
  const queries = useQueryClient();
  const { chargeId } = chargeRoute.useParams();
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const charge = useQuery({ queryKey: ['finance', 'charge', chargeId], queryFn: async () => unwrap(await api.GET('/api/v1/finance/charges/{id}', { params: { path: { id: chargeId } } })) });
  if (charge.error) return <Page title={t('page.notFound')}>{charge.error instanceof ApiError ? charge.error.problem.detail : t('list.failed')}</Page>;
  const c = charge.data;
  if (!c) return <Page title={t('list.loading')}>{null}</Page>;
  const money = (value: number) => formatMoney({ amount: value, currency: c.currency }, locale);
  const done = () => {
    setReason('');
    setAmount('');
    void queries.invalidateQueries({ queryKey: ['finance'] });
    void queries.invalidateQueries({ queryKey: ['balance', c.memberId] });
  };
  const approver = may(me.data, 'finance', 'finance.approve');
  const canVoid = c.status !== 'void' && c.writtenOff === 0;
  const canWriteOff = c.outstanding > 0;
  const writeOffAmount = amount.trim() ? toMinorUnits(amount, c.currency, locale) : undefined;
  const actions = approver ? (
    <>
      {canVoid ? (
        <ConfirmAction
          label={t('finance.charge.void')}
          title={t('finance.charge.voidTitle')}
          description={t('finance.charge.voidText', { amount: money(c.amount), allocated: money(c.allocated) })}
          variant="danger"
          run={(headers) => api.POST('/api/v1/finance/charges/{id}/void', { headers, params: { path: { id: c.id } }, body: { reason: reason.trim() || t('finance.charge.voidDefaultReason') } })}
          onDone={done}
        >
          <DialogField label={t('finance.reason')} value={reason} onChange={setReason} />
        </ConfirmAction>
      ) : null}
      {canWriteOff ? (
        <ConfirmAction
          label={t('finance.charge.writeOff')}
          title={t('finance.charge.writeOffTitle')}
          description={t('finance.charge.writeOffText', { outstanding: money(c.outstanding) })}
          variant="danger"
          run={(headers) =>
            api.POST('/api/v1/finance/charges/{id}/write-off', {
              headers,
              params: { path: { id: c.id } },
              body: { reason: reason.trim() || t('finance.charge.writeOffDefaultReason'), ...(writeOffAmount ? { amount: writeOffAmount } : {}) },
            })
          }
          onDone={done}
        >
          <DialogField label={t('finance.reason')} value={reason} onChange={setReason} />
          <DialogField label={t('finance.amount')} value={amount} onChange={setAmount} description={t('finance.charge.writeOffAmountHelp')} />
        </ConfirmAction>
      ) : null}
    </>
  ) : null;
  return (
    <Page title={c.description || t('finance.charge')} actions={<Link to="/finance/charges">{t('finance.charges')}</Link>}>
      <Section title={t('finance.charge.details')} actions={actions}>
        <DetailList
          items={[
            { term: t('finance.member'), value: <MemberName memberId={c.memberId} /> },
            { term: t('finance.kind'), value: t(kindLabel(c.kind)) },
            { term: t('finance.status'), value: t(statusLabel(c.status)) },
            { term: t('finance.amount'), value: money(c.amount) },
            { term: t('finance.allocated'), value: money(c.allocated) },
            { term: t('finance.writtenOff'), value: money(c.writtenOff) },
            { term: t('finance.outstanding'), value: money(c.outstanding) },
            { term: t('finance.dueDate'), value: date(c.dueDate) },
            { term: t('finance.period'), value: c.periodStart ? `${date(c.periodStart)} – ${date(c.periodEnd)}` : null },
          ]}
        />
      </Section>
      <Section title={t('finance.allocations')}>
        <SimpleTable
          label={t('finance.allocations')}
          head={[t('finance.date'), t('finance.amount'), t('finance.payment'), t('finance.allocation.state')]}
          rows={c.allocations.map((a) => [
            date(a.createdAt),
            money(a.amount),
            a.paymentId ? (
              <Link to="/finance/payments/$paymentId" params={{ paymentId: a.paymentId }} className="text-brand underline-offset-2 hover:underline">
                {t('finance.payment.open')}
              </Link>
            ) : (
              t('finance.allocation.fromCredit')
            ),
            a.releasedEntryId ? t('finance.allocation.released') : t('finance.allocation.applied'),
          ])}
          empty={t('finance.allocations.none')}
        />
      </Section>
    </Page>
  );
}
