import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Controller } from 'react-hook-form';
import { Checkbox, CheckboxGroup, Label, Text } from 'react-aria-components';
import { Check } from 'lucide-react';
import { unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';
import { useLocale, useT } from '../../../i18n/intl.js';
import { ConfirmAction } from '../../../ui/confirm.js';
import { Section } from '../../../ui/DetailList.js';
import { TextInput } from '../../../ui/fields.js';
import { ApiForm, useApiForm } from '../../../ui/form.js';
import { formatMoney } from '../../../ui/money.js';
import { Page } from '../../../ui/Page.js';
import { may, useMe } from '../../../workspace/me.js';
import { formatMonth, isMonth, monthOf } from './logic.js';
import { PreviewTables } from './PreviewTables.js';
import { newBillingRunRoute } from './routes.js';
import { kindLabel, type BillingRun, type Preview } from './types.js';

interface Values {
  period: string;
  scheduleIds: string[];
}

/**
 * A billing run: choose the month and the schedules, dry-run it (every charge it would create and
 * every line it would skip), then start it. The run started is the one previewed: changing the
 * form drops the preview.
 */
export function NewBillingRun() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const search = newBillingRunRoute.useSearch();
  const [preview, setPreview] = useState<{ values: Values; data: Preview } | null>(null);
  const schedules = useQuery({ queryKey: ['finance', 'schedules', 'all'], queryFn: async () => unwrap(await api.GET('/api/v1/finance/schedules', { params: { query: { limit: 200 } } })) });
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { period: search.period ?? monthOf(new Date()), scheduleIds: search.scheduleId ? [search.scheduleId] : [] } });
  const submit = onSubmit(
    (v) => api.POST('/api/v1/finance/billing-runs', { body: { period: v.period.trim(), ...(v.scheduleIds.length ? { scheduleIds: v.scheduleIds } : {}), dryRun: true } }),
    (data) => setPreview({ values: form.getValues(), data: data as Preview }),
  );
  const chosen = preview?.values;
  return (
    <Page title={t('finance.billing.newBillingRun')} actions={<Link to="/finance/billing-runs">{t('finance.billing.runs')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={t('finance.billing.dryRun')}>
        <TextInput
          control={form.control}
          name="period"
          label={t('finance.billing.period')}
          description={t('finance.billing.monthHint')}
          autoComplete="off"
          rules={{ required: t('form.required'), validate: (v: unknown) => (isMonth(String(v).trim()) ? true : t('finance.billing.monthFormat')), onChange: () => setPreview(null) }}
        />
        <Controller
          control={form.control}
          name="scheduleIds"
          render={({ field }) => (
            <CheckboxGroup
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                setPreview(null);
              }}
              className="space-y-2"
            >
              <Label className="text-sm font-medium text-slate-700">{t('finance.billing.schedules')}</Label>
              <Text slot="description" className="block text-xs text-slate-500">{t('finance.billing.schedulesHint')}</Text>
              {(schedules.data?.data ?? []).map((s) => (
                <Checkbox key={s.id} value={s.id} className="group flex items-center gap-2 text-sm text-slate-800">
                  <span aria-hidden className="flex size-4 items-center justify-center rounded border border-slate-400 group-data-[selected]:border-brand group-data-[selected]:bg-brand group-data-[focus-visible]:ring-2 group-data-[focus-visible]:ring-brand/40">
                    <Check size={12} className="hidden text-white group-data-[selected]:block" />
                  </span>
                  {s.name} ({t(kindLabel(s.kind))}
                  {s.active ? '' : `, ${t('finance.billing.paused')}`}
                  {s.budget ? `, ${formatMoney(s.budget, locale)}` : ''})
                </Checkbox>
              ))}
            </CheckboxGroup>
          )}
        />
        <p className="text-sm text-slate-600">{t('finance.billing.dueDateHint')}</p>
      </ApiForm>
      {preview && chosen ? (
        <Section
          title={t('finance.billing.dryRunOf', { period: formatMonth(preview.data.period, locale) })}
          actions={
            may(me.data, 'finance', 'finance.write') ? (
              <ConfirmAction
                label={t('finance.billing.start')}
                variant="primary"
                title={t('finance.billing.startTitle', { period: formatMonth(preview.data.period, locale) })}
                description={t('finance.billing.startText', { charges: preview.data.charges.length })}
                run={(headers) => api.POST('/api/v1/finance/billing-runs', { headers, body: { period: chosen.period.trim(), ...(chosen.scheduleIds.length ? { scheduleIds: chosen.scheduleIds } : {}), dryRun: false } })}
                onDone={(data) => {
                  const run = data as BillingRun;
                  void queries.invalidateQueries({ queryKey: ['finance', 'billing-runs'] });
                  void navigate({ to: '/finance/billing-runs/$runId', params: { runId: run.id } });
                }}
              />
            ) : null
          }
        >
          <p className="text-sm text-slate-700">{t('finance.billing.dryRunSchedules', { names: preview.data.schedules.map((s) => s.name).join(', ') || '—' })}</p>
          <PreviewTables preview={preview.data} />
        </Section>
      ) : null}
    </Page>
  );
}
