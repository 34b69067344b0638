import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { formatMoney } from '../../ui/money.js';
import { DateInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { may, useMe, useTenantToday } from '../../workspace/me.js';
import { formatDay } from './format.js';
import { MemberField, memberName } from './MemberPicker.js';
import { PlainDateField } from './PlainDateField.js';
import { unitRoute } from './routes.js';
import { badge, card, simpleTable, td, textLink, th } from './styles.js';
import { ROLES, roleLabel, unitKindLabel, unitStatusLabel, type Occupancy, type OccupancyRole, type Unit } from './types.js';
import { CustomFieldsPanel } from '../objects/CustomFieldsPanel.js';

interface OccupantValues {
  memberId: string;
  role: OccupancyRole;
  ownershipShare: string;
  startDate: string;
}

function AddOccupant({ unitId }: { unitId: string }) {
  const today = useTenantToday();
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const { form, formError, onSubmit } = useApiForm<OccupantValues>({ defaultValues: { memberId: '', role: 'owner', ownershipShare: '1', startDate: today }, idempotent: true });
  const role = form.watch('role');
  // The picker keeps what was typed; a new one (a new key) starts empty for the next occupant.
  const [round, setRound] = useState(0);
  const submit = onSubmit(
    (v, headers) =>
      api.POST('/api/v1/units/{id}/occupants', {
        headers,
        params: { path: { id: unitId } },
        body: { memberId: v.memberId, role: v.role, startDate: v.startDate, ...(v.role === 'owner' ? { ownershipShare: v.ownershipShare.trim() } : {}) },
      }),
    () => {
      form.reset();
      setRound((r) => r + 1);
      void queries.invalidateQueries({ queryKey: ['occupants', unitId] });
      void queries.invalidateQueries({ queryKey: ['unit', unitId] });
      void queries.invalidateQueries({ queryKey: ['units'] });
    },
  );
  const required = { required: t('form.required') };
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit}>
      <MemberField key={round} control={form.control} name="memberId" label={t('properties.occupant.member')} rules={required} description={t('properties.picker.help')} />
      <SelectInput control={form.control} name="role" label={t('properties.occupant.role')} options={ROLES.map((r) => ({ id: r, label: t(roleLabel(r)) }))} rules={required} />
      {role === 'owner' ? <TextInput control={form.control} name="ownershipShare" label={t('properties.occupant.ownershipShare')} autoComplete="off" description={t('properties.occupant.shareHelp')} rules={required} /> : null}
      <DateInput control={form.control} name="startDate" label={t('properties.occupant.startDate')} rules={required} />
    </ApiForm>
  );
}

/** Ends an occupancy on a day (its last, inclusive): the row stays as history. */
function EndOccupancy({ occupancy, unitId }: { occupancy: Occupancy; unitId: string }) {
  const today = useTenantToday();
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [day, setDay] = useState(today);
  const name = memberName(occupancy.member);
  return (
    <ConfirmAction
      label={t('properties.occupant.end')}
      title={t('properties.occupant.endTitle', { name })}
      description={t('properties.occupant.endText')}
      isDisabled={!day}
      run={(headers) => api.PATCH('/api/v1/occupancies/{id}', { headers, params: { path: { id: occupancy.id } }, body: { endDate: day } })}
      onDone={() => {
        void queries.invalidateQueries({ queryKey: ['occupants', unitId] });
        void queries.invalidateQueries({ queryKey: ['unit', unitId] });
        void queries.invalidateQueries({ queryKey: ['units'] });
      }}
    >
      <PlainDateField label={t('properties.occupant.endDate')} value={day} onChange={setDay} isRequired />
    </ConfirmAction>
  );
}

function Occupants({ unit, canWrite }: { unit: Unit; canWrite: boolean }) {
  const today = useTenantToday();
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const occupants = useQuery({
    queryKey: ['occupants', unit.id],
    queryFn: async () => unwrap(await api.GET('/api/v1/units/{id}/occupants', { params: { path: { id: unit.id }, query: { history: true } } })),
  });
  const rows = occupants.data?.data ?? [];
  const ownership = occupants.data?.ownership;
  return (
    <Section title={t('properties.occupants')}>
      {ownership ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          {t('properties.occupant.ownership', { total: ownership.total, count: ownership.owners.length })}
          <span className={badge}>{ownership.balanced ? t('properties.balanced') : t('properties.notBalanced')}</span>
        </p>
      ) : null}
      {occupants.error ? <p role="alert" className="text-sm text-red-700">{occupants.error instanceof ApiError ? occupants.error.problem.detail : t('list.failed')}</p> : null}
      {rows.length === 0 && !occupants.error ? <p className="text-sm text-slate-500">{occupants.isLoading ? t('list.loading') : t('properties.occupant.none')}</p> : null}
      {rows.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className={simpleTable}>
            <caption className="sr-only">{t('properties.occupants')}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>{t('properties.occupant.member')}</th>
                <th scope="col" className={th}>{t('properties.occupant.role')}</th>
                <th scope="col" className={th}>{t('properties.occupant.ownershipShare')}</th>
                <th scope="col" className={th}>{t('properties.occupant.startDate')}</th>
                <th scope="col" className={th}>{t('properties.occupant.endDate')}</th>
                <th scope="col" className={th}><span className="sr-only">{t('properties.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <td className={td}><Link to="/members/$memberId" params={{ memberId: o.memberId }} className={textLink}>{memberName(o.member)}</Link></td>
                  <td className={td}>{t(roleLabel(o.role))}</td>
                  <td className={td}>{o.ownershipShare ?? ''}</td>
                  <td className={td}>{formatDay(o.startDate, locale)}</td>
                  <td className={td}>{o.endDate ? formatDay(o.endDate, locale) : t('properties.occupant.open')}</td>
                  <td className={td}>
                    {o.leaseId ? (
                      <Link to="/leases/$leaseId" params={{ leaseId: o.leaseId }} className={textLink}>{t('properties.occupant.byLease')}</Link>
                    ) : canWrite && (!o.endDate || o.endDate >= today) ? (
                      <EndOccupancy occupancy={o} unitId={unit.id} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canWrite && !unit.archived ? (
        <div className={card}>
          <h3 className="mb-3 font-semibold">{t('properties.occupant.add')}</h3>
          <AddOccupant unitId={unit.id} />
        </div>
      ) : null}
    </Section>
  );
}

function Leases({ unitId, canCreate }: { unitId: string; canCreate: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const leases = useQuery({
    queryKey: ['leases', { unitId }],
    queryFn: async () => unwrap(await api.GET('/api/v1/leases', { params: { query: { limit: 50, unitId } } })),
  });
  const rows = leases.data?.data ?? [];
  return (
    <Section title={t('properties.leases')} actions={canCreate ? <Link to="/leases/new" search={{ unitId }} className={buttonLink}>{t('properties.newLease')}</Link> : null}>
      {rows.length === 0 ? <p className="text-sm text-slate-500">{leases.isLoading ? t('list.loading') : t('properties.noLeases')}</p> : null}
      <ul className="space-y-1 text-sm">
        {rows.map((l) => (
          <li key={l.id}>
            <Link to="/leases/$leaseId" params={{ leaseId: l.id }} className={textLink}>
              {t('properties.leasePeriod', { start: formatDay(l.startDate, locale), end: l.endDate ? formatDay(l.endDate, locale) : t('properties.periodic') })}
            </Link>{' '}
            <span className="text-slate-600">{formatMoney(l.rent, locale)}</span> <span className={badge}>{t(`leases.status.${l.status}`)}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Charges({ unitId }: { unitId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const charges = useQuery({
    queryKey: ['finance', 'charges', 'unit', unitId],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/charges', { params: { query: { limit: 50, unitId, sort: '-dueDate' } } })),
  });
  const rows = charges.data?.data ?? [];
  return (
    <Section title={t('properties.charges')}>
      {rows.length === 0 ? <p className="text-sm text-slate-500">{charges.isLoading ? t('list.loading') : t('properties.noCharges')}</p> : null}
      {rows.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className={simpleTable}>
            <caption className="sr-only">{t('properties.charges')}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>{t('properties.charge.dueDate')}</th>
                <th scope="col" className={th}>{t('properties.charge.description')}</th>
                <th scope="col" className={th}>{t('properties.charge.amount')}</th>
                <th scope="col" className={th}>{t('properties.charge.outstanding')}</th>
                <th scope="col" className={th}>{t('properties.charge.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td className={td}>{formatDay(c.dueDate, locale)}</td>
                  <td className={td}>{c.description}</td>
                  <td className={td}>{formatMoney({ amount: c.amount, currency: c.currency }, locale)}</td>
                  <td className={td}>{formatMoney({ amount: c.outstanding, currency: c.currency }, locale)}</td>
                  <td className={td}>{t(`properties.chargeStatus.${c.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}

export function UnitPage() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const { unitId } = unitRoute.useParams();
  const unit = useQuery({ queryKey: ['unit', unitId], queryFn: async () => unwrap(await api.GET('/api/v1/units/{id}', { params: { path: { id: unitId } } })) });
  const propertyId = unit.data?.propertyId;
  const property = useQuery({
    queryKey: ['property', propertyId],
    enabled: Boolean(propertyId),
    queryFn: async () => unwrap(await api.GET('/api/v1/properties/{id}', { params: { path: { id: propertyId! } } })),
  });
  if (unit.error) return <Page title={t('page.notFound')}>{unit.error instanceof ApiError ? unit.error.problem.detail : t('list.failed')}</Page>;
  const u = unit.data;
  if (!u) return <Page title={t('list.loading')}>{null}</Page>;
  const propertyName = property.data?.name ?? '…';
  return (
    <Page title={property.data ? t('properties.unit.title', { label: u.label, property: propertyName }) : u.label} actions={<Link to="/properties/$propertyId" params={{ propertyId: u.propertyId }} search={{}} className={textLink}>{propertyName}</Link>}>
      <div className={card}>
        <DetailList
          items={[
            { term: t('properties.unit.kind'), value: t(unitKindLabel(u.kind)) },
            { term: t('properties.unit.status'), value: <span className={badge}>{t(unitStatusLabel(u.status))}</span> },
            { term: t('properties.unit.floor'), value: u.floor },
            { term: t('properties.unit.area'), value: u.area },
            { term: t('properties.unit.bedrooms'), value: u.bedrooms },
            { term: t('properties.unit.participationShare'), value: u.participationShare },
            { term: t('properties.unit.amenities'), value: u.amenities.join(', ') },
            { term: t('properties.state'), value: u.archived ? t('properties.archived') : t('properties.inUse') },
            { term: t('properties.notes'), value: u.notes },
          ]}
        />
      </div>
      <CustomFieldsPanel target="unit" id={u.id} />
      {may(me.data, 'occupancy', 'occupancy.read') ? <Occupants unit={u} canWrite={may(me.data, 'occupancy', 'occupancy.write')} /> : null}
      {may(me.data, 'leases', 'leases.read') ? <Leases unitId={u.id} canCreate={may(me.data, 'leases', 'leases.write') && !u.archived} /> : null}
      {may(me.data, 'finance', 'finance.read') ? <Charges unitId={u.id} /> : null}
    </Page>
  );
}
