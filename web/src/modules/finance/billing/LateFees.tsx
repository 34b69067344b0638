import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useState } from 'react';
import { ApiError, unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';
import { useLocale, useT } from '../../../i18n/intl.js';
import { SelectInput } from '../../../ui/fields.js';
import { ApiForm, useApiForm } from '../../../ui/form.js';
import { CheckboxInput, NumberInput } from '../../../ui/more-fields.js';
import { Page } from '../../../ui/Page.js';
import { may, useMe } from '../../../workspace/me.js';
import { BillingLinks } from './BillingLinks.js';
import { formatMoment } from './logic.js';
import type { LateFeeRule } from './types.js';

interface Values {
  enabled: boolean;
  graceDays: number | null;
  kind: LateFeeRule['kind'];
  amount: number | null;
  percentBasisPoints: number | null;
  cap: number | null;
  repeat: LateFeeRule['repeat'];
}

const valuesOf = (rule: LateFeeRule): Values => ({
  enabled: rule.enabled,
  graceDays: rule.graceDays,
  kind: rule.kind,
  amount: rule.amount,
  percentBasisPoints: rule.percentBasisPoints,
  cap: rule.cap,
  repeat: rule.repeat,
});

function RuleForm({ rule }: { rule: LateFeeRule }) {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: valuesOf(rule) });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PUT('/api/v1/finance/late-fee-rule', {
        body: {
          enabled: v.enabled,
          graceDays: v.graceDays ?? 0,
          kind: v.kind,
          repeat: v.repeat,
          cap: v.cap,
          ...(v.kind === 'flat' ? { amount: v.amount } : { percentBasisPoints: v.percentBasisPoints }),
        },
      });
    },
    (next) => {
      queries.setQueryData(['finance', 'late-fee-rule'], next);
      form.reset(valuesOf(next));
      setSaved(true);
    },
  );
  const required = { required: t('form.required') };
  if (!may(me.data, 'finance', 'finance.write')) return null;
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit}>
      {saved ? <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">{t('finance.billing.lateFeeSaved')}</p> : null}
      <CheckboxInput control={form.control} name="enabled" label={t('finance.billing.enabled')} />
      <NumberInput control={form.control} name="graceDays" label={t('finance.billing.graceDays')} description={t('finance.billing.graceDaysHint')} minValue={0} maxValue={365} step={1} rules={required} />
      <SelectInput control={form.control} name="kind" label={t('finance.billing.feeKind')} options={[{ id: 'flat', label: t('finance.billing.feeKind.flat') }, { id: 'percent', label: t('finance.billing.feeKind.percent') }]} rules={required} />
      {kind === 'flat' ? (
        <NumberInput control={form.control} name="amount" label={t('finance.billing.amount')} description={t('finance.billing.feeAmountHint')} minValue={1} step={1} rules={required} />
      ) : (
        <NumberInput control={form.control} name="percentBasisPoints" label={t('finance.billing.percentBasisPoints')} description={t('finance.billing.percentHint')} minValue={1} maxValue={10000} step={1} rules={required} />
      )}
      <NumberInput control={form.control} name="cap" label={t('finance.billing.cap')} description={t('finance.billing.capHint')} minValue={1} step={1} />
      <SelectInput control={form.control} name="repeat" label={t('finance.billing.repeat')} options={[{ id: 'once', label: t('finance.billing.repeat.once') }, { id: 'monthly', label: t('finance.billing.repeat.monthly') }]} rules={required} />
    </ApiForm>
  );
}

/** The tenant's late-fee rule (one per tenant), replaced whole on Save. */
export function LateFees() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const rule = useQuery({ queryKey: ['finance', 'late-fee-rule'], queryFn: async () => unwrap(await api.GET('/api/v1/finance/late-fee-rule')) });
  return (
    <Page title={t('finance.billing.lateFees')}>
      <BillingLinks />
      <p className="max-w-prose text-sm text-slate-600">{t('finance.billing.lateFeesText')}</p>
      {rule.error ? <p role="alert">{rule.error instanceof ApiError ? rule.error.problem.detail : t('list.failed')}</p> : null}
      {rule.data ? (
        <>
          <p className="text-sm text-slate-600">{rule.data.updatedAt ? t('finance.billing.updatedAt', { at: formatMoment(rule.data.updatedAt, locale) }) : t('finance.billing.lateFeeNotSet')}</p>
          <RuleForm rule={rule.data} />
        </>
      ) : null}
    </Page>
  );
}
