import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { DateInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { previewAllocation } from './allocation.js';
import { AllocationPreview } from './AllocationPreview.js';
import { toMinorUnits } from '../../ui/money.js';
import { PAYMENT_METHODS, type PaymentMethod } from './search.js';
import { useTenantToday } from '../../workspace/me.js';
import { MemberPicker, methodLabel } from './shared.js';

interface Values {
  memberId: string;
  amount: string;
  currency: string;
  method: PaymentMethod;
  receivedOn: string;
  reference: string;
  payer: string;
}

export function NewPayment() {
  const today = useTenantToday();
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const queries = useQueryClient();
  // Money received: a double submission must not record it twice (Idempotency-Key).
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { memberId: '', amount: '', currency: 'EUR', method: 'bank_transfer', receivedOn: today, reference: '', payer: '' }, idempotent: true });
  const [memberId, amountText, currencyText] = form.watch(['memberId', 'amount', 'currency']);
  const currency = currencyText.trim().toUpperCase();
  const amount = toMinorUnits(amountText, currency, locale);
  // The member's open charges and credit now: what the server settles the payment against.
  const balance = useQuery({
    queryKey: ['balance', memberId],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/members/{id}/balance', { params: { path: { id: memberId } } })),
    enabled: Boolean(memberId),
  });
  const credit = balance.data?.balances.find((b) => b.currency === currency)?.credit ?? 0;
  const preview = memberId && amount !== null && balance.data ? previewAllocation(balance.data.openCharges, credit, amount, currency) : null;
  const submit = onSubmit(
    (v, headers) =>
      api.POST('/api/v1/finance/payments', {
        headers,
        body: {
          memberId: v.memberId,
          amount: toMinorUnits(v.amount, v.currency.trim().toUpperCase(), locale)!,
          currency: v.currency.trim().toUpperCase(),
          method: v.method,
          receivedOn: v.receivedOn,
          ...(v.reference.trim() ? { reference: v.reference.trim() } : {}),
          ...(v.payer.trim() ? { payer: v.payer.trim() } : {}),
        },
      }),
    (payment) => {
      void queries.invalidateQueries({ queryKey: ['finance'] });
      void queries.invalidateQueries({ queryKey: ['balance', payment.memberId] });
      void navigate({ to: '/finance/payments/$paymentId', params: { paymentId: payment.id } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <Page title={t('finance.payments.new')} actions={<Link to="/finance/payments">{t('finance.payments')}</Link>}>
      <div className="grid gap-6 lg:grid-cols-2">
        <ApiForm form={form} formError={formError} onSubmit={submit}>
          <MemberPicker control={form.control} name="memberId" label={t('finance.member')} rules={required} />
          <TextInput
            control={form.control}
            name="amount"
            label={t('finance.amount')}
            autoComplete="off"
            description={t('finance.amountHelp')}
            rules={{ required: t('form.required'), validate: (v, all) => toMinorUnits(v, all.currency.trim().toUpperCase(), locale) !== null || t('finance.amountInvalid') }}
          />
          <TextInput control={form.control} name="currency" label={t('finance.currency')} autoComplete="off" rules={{ required: t('form.required'), pattern: { value: /^\s*[A-Za-z]{3}\s*$/, message: t('finance.currencyInvalid') } }} />
          <SelectInput control={form.control} name="method" label={t('finance.method')} options={PAYMENT_METHODS.map((m) => ({ id: m, label: t(methodLabel(m)) }))} rules={required} />
          <DateInput control={form.control} name="receivedOn" label={t('finance.receivedOn')} rules={required} />
          <TextInput control={form.control} name="reference" label={t('finance.reference')} autoComplete="off" />
          <TextInput control={form.control} name="payer" label={t('finance.payer')} autoComplete="off" />
        </ApiForm>
        <AllocationPreview preview={preview} currency={currency.length === 3 ? currency : 'EUR'} />
      </div>
    </Page>
  );
}
