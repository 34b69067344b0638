import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { DateInput, TextAreaInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { toMinorUnits } from '../../ui/money.js';
import { CHARGE_KINDS, type ChargeKind } from './search.js';
import { useTenantToday } from '../../workspace/me.js';
import { kindLabel, MemberPicker } from './shared.js';

interface Values {
  memberId: string;
  unitId: string;
  kind: ChargeKind;
  amount: string;
  currency: string;
  dueDate: string;
  description: string;
}

export function NewCharge() {
  const today = useTenantToday();
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const queries = useQueryClient();
  // A charge is money owed: a double submission must not post it twice (Idempotency-Key).
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { memberId: '', unitId: '', kind: 'levy', amount: '', currency: 'EUR', dueDate: today, description: '' }, idempotent: true });
  const memberId = form.watch('memberId');
  const units = useQuery({
    queryKey: ['member', memberId, 'units'],
    queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}/units', { params: { path: { id: memberId }, query: { current: true, history: false } } })),
    enabled: Boolean(memberId),
  });
  const unitOptions = [{ id: '', label: t('finance.noUnit') }, ...(units.data?.data ?? []).map((o) => ({ id: o.unit.id, label: o.unit.label }))];
  const submit = onSubmit(
    (v, headers) =>
      api.POST('/api/v1/finance/charges', {
        headers,
        body: {
          memberId: v.memberId,
          ...(v.unitId ? { unitId: v.unitId } : {}),
          kind: v.kind,
          amount: toMinorUnits(v.amount, v.currency.trim().toUpperCase(), locale)!,
          currency: v.currency.trim().toUpperCase(),
          dueDate: v.dueDate,
          description: v.description.trim(),
        },
      }),
    (charge) => {
      void queries.invalidateQueries({ queryKey: ['finance'] });
      void queries.invalidateQueries({ queryKey: ['balance', charge.memberId] });
      void navigate({ to: '/finance/charges/$chargeId', params: { chargeId: charge.id } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <Page title={t('finance.charges.new')} actions={<Link to="/finance/charges">{t('finance.charges')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <MemberPicker control={form.control} name="memberId" label={t('finance.member')} rules={required} />
        <SelectInput control={form.control} name="unitId" label={t('finance.unit')} options={unitOptions} />
        <SelectInput control={form.control} name="kind" label={t('finance.kind')} options={CHARGE_KINDS.map((k) => ({ id: k, label: t(kindLabel(k)) }))} rules={required} />
        <TextInput
          control={form.control}
          name="amount"
          label={t('finance.amount')}
          autoComplete="off"
          description={t('finance.amountHelp')}
          rules={{ required: t('form.required'), validate: (v, all) => toMinorUnits(v, all.currency.trim().toUpperCase(), locale) !== null || t('finance.amountInvalid') }}
        />
        <TextInput control={form.control} name="currency" label={t('finance.currency')} autoComplete="off" rules={{ required: t('form.required'), pattern: { value: /^\s*[A-Za-z]{3}\s*$/, message: t('finance.currencyInvalid') } }} />
        <DateInput control={form.control} name="dueDate" label={t('finance.dueDate')} rules={required} />
        <TextAreaInput control={form.control} name="description" label={t('finance.description')} rows={2} rules={required} />
      </ApiForm>
    </Page>
  );
}
