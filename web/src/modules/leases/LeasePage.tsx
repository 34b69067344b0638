import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList } from '../../ui/DetailList.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { may, useMe, useTenantToday } from '../../workspace/me.js';
import { formatDay } from '../properties/format.js';
import { PlainDateField } from '../properties/PlainDateField.js';
import { badge, card, secondaryLink, textLink } from '../properties/styles.js';
import { useNames } from './names.js';
import { leaseRoute } from './routes.js';
import { canActivate, canRenew, canTerminate, frequencyLabel, statusLabel, type Lease } from './types.js';
import { formatTimestamp } from '../../ui/dates.js';
import { CustomFieldsPanel } from '../objects/CustomFieldsPanel.js';

function Terminate({ lease, onDone }: { lease: Lease; onDone: (l: unknown) => void }) {
  const t = useT();
  const api = useApi();
  const today = useTenantToday();
  const [day, setDay] = useState(today);
  const [reason, setReason] = useState('');
  const draft = lease.status === 'draft';
  return (
    <ConfirmAction
      label={t('leases.terminate')}
      title={t(draft ? 'leases.cancelTitle' : 'leases.terminateTitle')}
      description={t(draft ? 'leases.cancelText' : 'leases.terminateText')}
      variant="danger"
      isDisabled={!draft && !day}
      run={(headers) => api.POST('/api/v1/leases/{id}/terminate', { headers, params: { path: { id: lease.id } }, body: { ...(draft ? {} : { date: day }), ...(reason.trim() ? { reason: reason.trim() } : {}) } })}
      onDone={onDone}
    >
      <div className="space-y-3">
        {draft ? null : <PlainDateField label={t('leases.lastDay')} value={day} onChange={setDay} isRequired description={t('leases.lastDayHelp')} />}
        <label className="block text-sm font-medium text-slate-700">
          {t('leases.reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm font-normal outline-none focus:border-brand focus:ring-2 focus:ring-brand/30" />
        </label>
      </div>
    </ConfirmAction>
  );
}

export function LeasePage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { leaseId } = leaseRoute.useParams();
  const lease = useQuery({ queryKey: ['lease', leaseId], queryFn: async () => unwrap(await api.GET('/api/v1/leases/{id}', { params: { path: { id: leaseId } } })) });
  const names = useNames(lease.data ? [lease.data.unitId] : [], lease.data?.renterIds ?? []);
  if (lease.error) return <Page title={t('page.notFound')}>{lease.error instanceof ApiError ? lease.error.problem.detail : t('list.failed')}</Page>;
  const l = lease.data;
  if (!l) return <Page title={t('list.loading')}>{null}</Page>;
  const canWrite = may(me.data, 'leases', 'leases.write');
  const changed = (updated: unknown) => {
    queries.setQueryData(['lease', l.id], updated);
    void queries.invalidateQueries({ queryKey: ['leases'] });
    void queries.invalidateQueries({ queryKey: ['unit', l.unitId] });
    void queries.invalidateQueries({ queryKey: ['occupants', l.unitId] });
    void queries.invalidateQueries({ queryKey: ['reports'] });
  };
  const period = t('leases.period', { start: formatDay(l.startDate, locale), end: l.endDate ? formatDay(l.endDate, locale) : t('leases.periodicShort') });
  return (
    <Page
      title={t('leases.title', { unit: names.unitLabel(l.unitId) })}
      actions={
        <>
          <Link to="/leases" search={{}} className={secondaryLink}>{t('nav.leases')}</Link>
          {canWrite && canActivate(l) ? (
            <ConfirmAction
              label={t('leases.activate')}
              title={t('leases.activateTitle')}
              description={t('leases.activateText', { period })}
              variant="primary"
              run={(headers) => api.POST('/api/v1/leases/{id}/activate', { headers, params: { path: { id: l.id } } })}
              onDone={changed}
            />
          ) : null}
          {canWrite && canRenew(l) ? (
            <ConfirmAction
              label={t('leases.renew')}
              title={t('leases.renewTitle')}
              description={t('leases.renewText')}
              run={(headers) => api.POST('/api/v1/leases/{id}/renew', { headers, params: { path: { id: l.id } }, body: {} })}
              onDone={(successor) => {
                changed({ ...l, successorId: (successor as Lease).id });
                void queries.invalidateQueries({ queryKey: ['lease', l.id] });
                void navigate({ to: '/leases/$leaseId', params: { leaseId: (successor as Lease).id } });
              }}
            />
          ) : null}
          {canWrite && canTerminate(l) ? <Terminate lease={l} onDone={changed} /> : null}
        </>
      }
    >
      <div className={card}>
        <DetailList
          items={[
            { term: t('leases.status'), value: <span className={badge}>{t(statusLabel(l.status))}</span> },
            { term: t('leases.unit'), value: <Link to="/units/$unitId" params={{ unitId: l.unitId }} className={textLink}>{names.unitLabel(l.unitId)}</Link> },
            {
              term: t('leases.renters'),
              value: (
                <ul>
                  {l.renterIds.map((id) => (
                    <li key={id}><Link to="/members/$memberId" params={{ memberId: id }} className={textLink}>{names.memberName(id)}</Link></li>
                  ))}
                </ul>
              ),
            },
            { term: t('leases.startDate'), value: formatDay(l.startDate, locale) },
            { term: t('leases.endDate'), value: l.endDate ? formatDay(l.endDate, locale) : t('leases.periodicShort') },
            { term: t('leases.rent'), value: `${formatMoney(l.rent, locale)} ${t(frequencyLabel(l.frequency))}` },
            { term: t('leases.dueDay'), value: l.dueDay },
            { term: t('leases.deposit'), value: formatMoney({ amount: l.deposit, currency: l.rent.currency }, locale) },
            { term: t('leases.previous'), value: l.previousLeaseId ? <Link to="/leases/$leaseId" params={{ leaseId: l.previousLeaseId }} className={textLink}>{t('leases.open')}</Link> : null },
            { term: t('leases.successor'), value: l.successorId ? <Link to="/leases/$leaseId" params={{ leaseId: l.successorId }} className={textLink}>{t('leases.open')}</Link> : null },
            { term: t('leases.activatedAt'), value: l.activatedAt ? formatTimestamp(l.activatedAt, locale) : null },
            { term: t('leases.terminationReason'), value: l.terminationReason },
            { term: t('leases.notes'), value: l.notes },
          ]}
        />
      </div>
      <CustomFieldsPanel target="lease" id={l.id} />
    </Page>
  );
}
