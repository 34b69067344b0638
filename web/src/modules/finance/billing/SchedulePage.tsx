import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { Input, Label, Text, TextField } from 'react-aria-components';
import { ApiError, unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';
import { useLocale, useT } from '../../../i18n/intl.js';
import { Button, buttonLink } from '../../../ui/Button.js';
import { ConfirmAction } from '../../../ui/confirm.js';
import { DataTable } from '../../../ui/DataTable.js';
import { DetailList, Section } from '../../../ui/DetailList.js';
import { formatMoney } from '../../../ui/money.js';
import { Page } from '../../../ui/Page.js';
import { may, useMe } from '../../../workspace/me.js';
import { formatMonth, isMonth, monthOf, nextPeriodStart, splitByUnit, type UnitSplit } from './logic.js';
import { MemberName, PropertyName, UnitLabel } from './names.js';
import { scheduleRoute } from './routes.js';
import { bodyOf, ScheduleForm } from './ScheduleForm.js';
import { frequencyLabel, kindLabel, reasonLabel, type Preview, type Schedule } from './types.js';

const column = createColumnHelper<UnitSplit>();

/** What a run of one month would charge for this schedule, per unit (the API's dry run of a billing run). */
function SplitPreview({ schedule }: { schedule: Schedule }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const [period, setPeriod] = useState(() => nextPeriodStart(schedule, monthOf(new Date())) ?? schedule.startPeriod);
  const valid = isMonth(period);
  const preview = useQuery({
    queryKey: ['finance', 'schedule-preview', schedule.id, period, schedule.updatedAt],
    queryFn: async () => unwrap(await api.POST('/api/v1/finance/billing-runs', { body: { period, scheduleIds: [schedule.id], dryRun: true } })) as Preview,
    enabled: valid,
  });
  const rows = preview.data ? splitByUnit(preview.data.charges, preview.data.skipped) : [];
  const columns = [
    column.accessor('unitId', { header: t('finance.billing.unit'), cell: (c) => <UnitLabel id={c.getValue()} /> }),
    column.accessor('payers', {
      header: schedule.kind === 'levy' ? t('finance.billing.owners') : t('finance.billing.renters'),
      cell: (c) => (
        <ul>
          {c.getValue().map((p) => (
            <li key={p.memberId}>
              <MemberName id={p.memberId} /> {c.row.original.currency ? formatMoney({ amount: p.amount, currency: c.row.original.currency }, locale) : null}
            </li>
          ))}
        </ul>
      ),
    }),
    column.accessor('amount', { header: t('finance.billing.part'), cell: (c) => (c.row.original.currency ? formatMoney({ amount: c.getValue(), currency: c.row.original.currency }, locale) : '—') }),
    column.accessor('reasons', {
      header: t('finance.billing.note'),
      cell: (c) =>
        c
          .getValue()
          .map((r) => {
            const label = reasonLabel(r);
            return label ? t(label) : r;
          })
          .join(', '),
    }),
  ];
  return (
    <Section
      title={t('finance.billing.splitTitle')}
      actions={
        valid ? (
          <Link to="/finance/billing-runs/new" search={{ scheduleId: schedule.id, period }} className={buttonLink}>
            {t('finance.billing.newBillingRun')}
          </Link>
        ) : null
      }
    >
      <TextField value={period} onChange={setPeriod} isInvalid={!valid} className="block max-w-xs">
        <Label className="text-sm font-medium text-slate-700">{t('finance.billing.period')}</Label>
        <Input className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30" />
        <Text slot="description" className="mt-1 block text-xs text-slate-500">
          {valid ? formatMonth(period, locale) : t('finance.billing.monthFormat')}
        </Text>
      </TextField>
      {preview.data ? (
        <p className="text-sm text-slate-700">
          {preview.data.totals.map((total) => t('finance.billing.totalLine', { charges: total.charges, amount: formatMoney({ amount: total.amount, currency: total.currency }, locale) })).join(' · ') ||
            t('finance.billing.nothingToCharge')}
        </p>
      ) : null}
      <DataTable<UnitSplit>
        label={t('finance.billing.splitTitle')}
        columns={columns}
        rows={rows}
        isLoading={preview.isFetching}
        error={preview.error instanceof ApiError ? preview.error.problem.detail : preview.error ? t('list.failed') : null}
        pager={{ first: null, next: null }}
      />
    </Section>
  );
}

export function SchedulePage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { scheduleId } = scheduleRoute.useParams();
  const [editing, setEditing] = useState(false);
  const schedule = useQuery({ queryKey: ['finance', 'schedules', 'one', scheduleId], queryFn: async () => unwrap(await api.GET('/api/v1/finance/schedules/{id}', { params: { path: { id: scheduleId } } })) });
  if (schedule.error) return <Page title={t('page.notFound')}>{schedule.error instanceof ApiError ? schedule.error.problem.detail : t('list.failed')}</Page>;
  const s = schedule.data;
  if (!s) return <Page title={t('list.loading')}>{null}</Page>;
  const canWrite = may(me.data, 'finance', 'finance.write');
  const changed = () => void queries.invalidateQueries({ queryKey: ['finance', 'schedules'] });
  const path = { params: { path: { id: s.id } } };
  return (
    <Page
      title={s.name}
      actions={
        <>
          <Link to="/finance/schedules" className="self-center">{t('finance.billing.schedules')}</Link>
          {canWrite ? (
            <>
              <Button variant="secondary" onPress={() => setEditing(!editing)}>{editing ? t('confirm.cancel') : t('finance.billing.edit')}</Button>
              <ConfirmAction
                label={s.active ? t('finance.billing.deactivate') : t('finance.billing.activate')}
                title={s.active ? t('finance.billing.deactivateTitle', { name: s.name }) : t('finance.billing.activateTitle', { name: s.name })}
                description={s.active ? t('finance.billing.deactivateText') : t('finance.billing.activateText')}
                run={(headers) => api.PATCH('/api/v1/finance/schedules/{id}', { ...path, headers, body: { active: !s.active } })}
                onDone={changed}
              />
              <ConfirmAction
                label={t('finance.billing.delete')}
                variant="danger"
                title={t('finance.billing.deleteTitle', { name: s.name })}
                description={t('finance.billing.deleteText')}
                run={(headers) => api.DELETE('/api/v1/finance/schedules/{id}', { ...path, headers })}
                onDone={() => {
                  changed();
                  void navigate({ to: '/finance/schedules' });
                }}
              />
            </>
          ) : null}
        </>
      }
    >
      {editing ? (
        <Section title={t('finance.billing.edit')}>
          <ScheduleForm
            schedule={s}
            onSubmit={({ onSubmit }) =>
              onSubmit(
                (v, headers) => {
                  const { ...body } = bodyOf(v, false);
                  return api.PATCH('/api/v1/finance/schedules/{id}', { ...path, headers, body });
                },
                () => {
                  changed();
                  setEditing(false);
                },
              )
            }
          />
        </Section>
      ) : (
        <DetailList
          items={[
            { term: t('finance.billing.kind'), value: t(kindLabel(s.kind)) },
            { term: t('finance.billing.property'), value: s.propertyId ? <PropertyName id={s.propertyId} /> : t('finance.billing.allProperties') },
            { term: t('finance.billing.includeSubProperties'), value: s.includeSubProperties ? t('finance.billing.yes') : t('finance.billing.no') },
            ...(s.budget ? [{ term: t('finance.billing.budget'), value: formatMoney(s.budget, locale) }] : []),
            ...(s.frequency ? [{ term: t('finance.billing.frequency'), value: t(frequencyLabel(s.frequency)) }] : []),
            ...(s.dueDay ? [{ term: t('finance.billing.dueDay'), value: String(s.dueDay) }] : []),
            ...(s.renterSplit ? [{ term: t('finance.billing.renterSplit'), value: t(`finance.billing.renterSplit.${s.renterSplit}`) }] : []),
            { term: t('finance.billing.description'), value: s.description },
            { term: t('finance.billing.startPeriod'), value: formatMonth(s.startPeriod, locale) },
            { term: t('finance.billing.endPeriod'), value: s.endPeriod ? formatMonth(s.endPeriod, locale) : null },
            { term: t('finance.billing.active'), value: s.active ? t('finance.billing.yes') : t('finance.billing.paused') },
          ]}
        />
      )}
      <SplitPreview schedule={s} />
    </Page>
  );
}
