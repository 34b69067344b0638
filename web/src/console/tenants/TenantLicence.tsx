import { useQuery } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { Check } from 'lucide-react';
import { FormattedDate, FormattedNumber } from 'react-intl';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { DateInput, NumberInput } from '../../ui/more-fields.js';
import { defaultExpiry, LIMIT_KEYS, licenceFacts, reissueBody, type Limits, type ReissueValues } from './licence.js';
import { useTenantChanged, type Tenant } from './hooks.js';

type CatalogueEntry = { key: string; name: string };

/** The module catalogue (`GET /control/v1/modules`, typed loosely by the API): key and name. */
function catalogueOf(body: unknown): CatalogueEntry[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return [];
  return data.flatMap((m) => {
    const e = m as Partial<CatalogueEntry>;
    return typeof e.key === 'string' ? [{ key: e.key, name: typeof e.name === 'string' ? e.name : e.key }] : [];
  });
}

function LimitValue({ value }: { value: number | null }) {
  const t = useT();
  return value === null ? <>{t('tenants.licence.unlimited')}</> : <FormattedNumber value={value} />;
}

/** The tenant's licence: modules, limits, expiry; reissued with overrides of the plan after a confirmation. */
export function TenantLicence({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const api = useApi();
  const changed = useTenantChanged(tenant.slug);
  const licence = useQuery({ queryKey: ['licence', tenant.slug], queryFn: async () => unwrap(await api.GET('/control/v1/tenants/{tenant}/licence', { params: { path: { tenant: tenant.slug } } })) });
  const plans = useQuery({ queryKey: ['plans'], queryFn: async () => unwrap(await api.GET('/control/v1/plans')) });
  const modules = useQuery({ queryKey: ['modules'], queryFn: async () => catalogueOf(unwrap(await api.GET('/control/v1/modules'))) });
  const facts = licence.data ? licenceFacts(licence.data.claims) : null;
  const plan = plans.data?.data.find((p) => p.key === tenant.plan);
  const form = useForm<ReissueValues>({ values: facts ? { modules: facts.modules, limits: facts.limits, expiresOn: defaultExpiry(new Date()), graceDays: facts.graceDays } : undefined });

  const limitLabel = (key: keyof Limits) => t(`tenants.licence.limit.${key}`);
  const nameOf = (key: string) => modules.data?.find((m) => m.key === key)?.name ?? key;
  const options = [...new Set([...(modules.data ?? []).map((m) => m.key), ...(facts?.modules ?? []), ...(plan?.modules ?? [])])];

  return (
    <Section
      title={t('tenants.licence')}
      actions={
        facts && plan ? (
          <ConfirmAction
            label={t('tenants.licence.reissue')}
            title={t('tenants.licence.reissueTitle', { name: tenant.name })}
            description={t('tenants.licence.reissueDescription', { plan: plan.name })}
            confirmLabel={t('tenants.licence.reissue')}
            run={(headers) => api.POST('/control/v1/tenants/{tenant}/licence', { params: { path: { tenant: tenant.id } }, headers, body: reissueBody(plan, form.getValues()) })}
            onDone={() => changed()}
          >
            <div className="max-h-[50vh] space-y-4 overflow-auto pr-1">
              <Controller
                control={form.control}
                name="modules"
                render={({ field }) => (
                  <CheckboxGroup value={field.value} onChange={field.onChange} className="space-y-1">
                    <Label className="text-sm font-medium text-slate-700">{t('tenants.licence.modules')}</Label>
                    {options.map((key) => (
                      <Checkbox key={key} value={key} className="group flex items-center gap-2 text-sm text-slate-800">
                        <span aria-hidden className="flex size-4 items-center justify-center rounded border border-slate-400 group-data-[selected]:border-brand group-data-[selected]:bg-brand group-data-[focus-visible]:ring-2 group-data-[focus-visible]:ring-brand/40">
                          <Check size={12} className="hidden text-white group-data-[selected]:block" />
                        </span>
                        {nameOf(key)}
                      </Checkbox>
                    ))}
                  </CheckboxGroup>
                )}
              />
              {LIMIT_KEYS.map((key) => (
                <NumberInput key={key} control={form.control} name={`limits.${key}`} label={limitLabel(key)} minValue={0} step={1} description={t('tenants.licence.emptyUnlimited')} />
              ))}
              <DateInput control={form.control} name="expiresOn" label={t('tenants.licence.expiresOn')} description={t('tenants.licence.expiresHelp')} />
              <NumberInput control={form.control} name="graceDays" label={t('tenants.licence.graceDays')} minValue={0} maxValue={365} step={1} />
            </div>
          </ConfirmAction>
        ) : null
      }
    >
      {licence.error ? <p className="text-sm text-slate-600">{licence.error instanceof ApiError ? licence.error.problem.detail : t('list.failed')}</p> : null}
      {licence.data && facts ? (
        <DetailList
          items={[
            { term: t('tenants.licence.plan'), value: facts.plan },
            { term: t('tenants.licence.modules'), value: facts.modules.map(nameOf).join(', ') },
            ...LIMIT_KEYS.map((key) => ({ term: limitLabel(key), value: <LimitValue value={facts.limits[key]} /> })),
            { term: t('tenants.licence.issued'), value: <FormattedDate value={licence.data.issuedAt} dateStyle="long" timeStyle="short" /> },
            { term: t('tenants.licence.expires'), value: <FormattedDate value={licence.data.expiresAt} dateStyle="long" /> },
            { term: t('tenants.licence.graceDays'), value: facts.graceDays },
          ]}
        />
      ) : null}
    </Section>
  );
}
