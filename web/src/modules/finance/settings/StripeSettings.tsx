import { useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations } from '@courtyard/sdk';
import { ApiError, unwrap } from '../../../api/problem.js';
import { useApi, useAuth } from '../../../api/session.js';
import { useLocale, useT } from '../../../i18n/intl.js';
import { DetailList, Section } from '../../../ui/DetailList.js';
import { TextInput } from '../../../ui/fields.js';
import { ApiForm, useApiForm } from '../../../ui/form.js';
import { CheckboxInput } from '../../../ui/more-fields.js';
import { Page } from '../../../ui/Page.js';
import { may, useMe } from '../../../workspace/me.js';
import { BillingLinks } from '../billing/BillingLinks.js';
import { formatMoment } from '../billing/logic.js';

type Stripe = operations['finance.providers.stripe.get']['responses'][200]['content']['application/json'];

interface Values {
  secretKey: string;
  webhookSecret: string;
  enabled: boolean;
}

/**
 * The tenant's Stripe settings. The keys are write-only: the API answers only whether each is set
 * and its last four characters, the fields start empty, and an empty field keeps the stored key.
 */
function StripeForm({ stripe }: { stripe: Stripe }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const auth = useAuth();
  const [saved, setSaved] = useState(false);
  // Changing the keys needs a recent second factor (finance.approve): asked for once refused with mfa_required.
  const [code, setCode] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const codeId = useId();
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { secretKey: '', webhookSecret: '', enabled: stripe.enabled } });
  const keyHint = (k: Stripe['secretKey']) => (k.set ? t('finance.settings.keySet', { last4: k.last4 ?? '' }) : t('finance.settings.keyNotSet'));
  const submit = onSubmit(
    async (v) => {
      setSaved(false);
      setCodeError(null);
      if (code !== null) {
        const refused = await auth.stepUp(code.trim());
        if (refused) setCodeError(t('stepUp.wrongCode'));
        else setCode(null);
      }
      const answer = await api.PUT('/api/v1/finance/providers/stripe', {
        body: { enabled: v.enabled, ...(v.secretKey.trim() ? { secretKey: v.secretKey.trim() } : {}), ...(v.webhookSecret.trim() ? { webhookSecret: v.webhookSecret.trim() } : {}) },
      });
      if ((answer.error as { code?: string } | undefined)?.code === 'mfa_required') setCode((c) => c ?? '');
      return answer;
    },
    (next) => {
      queries.setQueryData(['finance', 'stripe'], next);
      // Never keep a key in the page once sent.
      form.reset({ secretKey: '', webhookSecret: '', enabled: next.enabled });
      setSaved(true);
    },
  );
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit}>
      {saved ? <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">{t('finance.settings.saved')}</p> : null}
      <TextInput control={form.control} name="secretKey" type="password" autoComplete="off" label={t('finance.settings.secretKey')} description={keyHint(stripe.secretKey)} rules={stripe.secretKey.set ? undefined : { required: t('form.required') }} />
      <TextInput control={form.control} name="webhookSecret" type="password" autoComplete="off" label={t('finance.settings.webhookSecret')} description={keyHint(stripe.webhookSecret)} rules={stripe.webhookSecret.set ? undefined : { required: t('form.required') }} />
      <CheckboxInput control={form.control} name="enabled" label={t('finance.settings.enabled')} />
      {code !== null ? (
        <div>
          <label htmlFor={codeId} className="block text-sm font-medium text-slate-700">{t('stepUp.code')}</label>
          <input id={codeId} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="one-time-code" aria-invalid={codeError ? true : undefined} aria-describedby={codeError ? `${codeId}-error` : undefined} className="mt-1 w-full max-w-xs rounded-md border border-slate-300 px-3 py-1.5 text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand" />
          {codeError ? <span id={`${codeId}-error`} className="mt-1 block text-sm text-red-700">{codeError}</span> : null}
        </div>
      ) : null}
    </ApiForm>
  );
}

export function StripeSettings() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const stripe = useQuery({ queryKey: ['finance', 'stripe'], queryFn: async () => unwrap(await api.GET('/api/v1/finance/providers/stripe')) });
  const s = stripe.data;
  return (
    <Page title={t('finance.settings.stripe')}>
      <BillingLinks />
      <p className="max-w-prose text-sm text-slate-600">{t('finance.settings.stripeText')}</p>
      {stripe.error ? <p role="alert">{stripe.error instanceof ApiError ? stripe.error.problem.detail : t('list.failed')}</p> : null}
      {s ? (
        <>
          <DetailList
            items={[
              { term: t('finance.settings.enabled'), value: s.enabled ? t('finance.billing.yes') : t('finance.billing.no') },
              { term: t('finance.settings.mode'), value: s.mode ? t(`finance.settings.mode.${s.mode}`) : null },
              { term: t('finance.settings.secretKey'), value: s.secretKey.set ? t('finance.settings.keySet', { last4: s.secretKey.last4 ?? '' }) : t('finance.settings.keyNotSet') },
              { term: t('finance.settings.webhookSecret'), value: s.webhookSecret.set ? t('finance.settings.keySet', { last4: s.webhookSecret.last4 ?? '' }) : t('finance.settings.keyNotSet') },
              { term: t('finance.settings.webhookUrl'), value: <code className="break-all">{s.webhookUrl}</code> },
              { term: t('finance.settings.webhookEvents'), value: <ul>{s.webhookEvents.map((e) => <li key={e}><code>{e}</code></li>)}</ul> },
              { term: t('finance.settings.updatedAt'), value: formatMoment(s.updatedAt, locale) },
            ]}
          />
          {may(me.data, 'finance', 'finance.approve') ? (
            <Section title={t('finance.settings.change')}>
              <StripeForm stripe={s} />
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
