import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button, buttonLink } from '../../ui/Button.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { saveFile } from '../../ui/download.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { ContactStatus } from '../communications/ContactStatus.js';
import { formatDay, formatMoment } from './format.js';
import { PortalAccess } from './PortalAccess.js';
import { memberRoute } from './routes.js';
import { SimpleTable } from './SimpleTable.js';
import { statusLabel, typeLabel, type Member } from './types.js';
import { CustomFieldsPanel } from '../objects/CustomFieldsPanel.js';

const LIMIT = 20;

/** The member's balance per currency, when the tenant has finance and the user may see it. */
function Balance({ memberId }: { memberId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const balance = useQuery({ queryKey: ['balance', memberId], queryFn: async () => unwrap(await api.GET('/api/v1/finance/members/{id}/balance', { params: { path: { id: memberId } } })) });
  return (
    <Section title={t('members.balance')}>
      {balance.data && balance.data.balances.length === 0 ? <p className="text-sm text-slate-600">{t('members.noBalance')}</p> : null}
      <ul className="text-sm">
        {balance.data?.balances.map((b) => (
          <li key={b.currency}>{formatMoney({ amount: b.balance, currency: b.currency }, locale)}</li>
        ))}
      </ul>
    </Section>
  );
}

function Units({ memberId }: { memberId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const units = useQuery({ queryKey: ['member-units', memberId], queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}/units', { params: { path: { id: memberId }, query: { current: false, history: true } } })) });
  return (
    <Section title={t('members.units')}>
      <SimpleTable
        caption={t('members.units')}
        headers={[t('members.unit'), t('members.role'), t('members.from'), t('members.to')]}
        empty={units.isLoading ? t('list.loading') : t('members.noUnits')}
        rows={(units.data?.data ?? []).map((o) => ({ key: o.id, cells: [o.unit.label, t(`members.role.${o.role}`), formatDay(o.startDate, locale), formatDay(o.endDate, locale)] }))}
      />
    </Section>
  );
}

function Leases({ memberId }: { memberId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const leases = useQuery({ queryKey: ['leases', { memberId }], queryFn: async () => unwrap(await api.GET('/api/v1/leases', { params: { query: { limit: LIMIT, memberId } } })) });
  return (
    <Section title={t('members.leases')}>
      <SimpleTable
        caption={t('members.leases')}
        headers={[t('members.status'), t('members.from'), t('members.to'), t('members.rent')]}
        empty={leases.isLoading ? t('list.loading') : t('members.noLeases')}
        rows={(leases.data?.data ?? []).map((l) => ({ key: l.id, cells: [t(`members.lease.${l.status}`), formatDay(l.startDate, locale), formatDay(l.endDate, locale), formatMoney(l.rent, locale)] }))}
      />
    </Section>
  );
}

function Money({ memberId }: { memberId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const query = { limit: LIMIT, memberId };
  // Under finance's keys, so that what finance's pages change (a billing run, a payment) shows here too.
  const charges = useQuery({ queryKey: ['finance', 'charges', 'member', memberId], queryFn: async () => unwrap(await api.GET('/api/v1/finance/charges', { params: { query: { ...query, sort: '-dueDate' } } })) });
  const payments = useQuery({ queryKey: ['finance', 'payments', 'member', memberId], queryFn: async () => unwrap(await api.GET('/api/v1/finance/payments', { params: { query: { ...query, sort: '-receivedOn' } } })) });
  const statements = useQuery({ queryKey: ['finance', 'statements', 'member', memberId], queryFn: async () => unwrap(await api.GET('/api/v1/finance/statements', { params: { query } })) });
  const download = (id: string) => {
    setDownloadError(null);
    saveFile(api.GET('/api/v1/finance/statements/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' }), `statement-${id}.pdf`).catch(() => setDownloadError(t('members.downloadFailed')));
  };
  return (
    <>
      <Section title={t('members.charges')}>
        <SimpleTable
          caption={t('members.charges')}
          headers={[t('members.dueDate'), t('members.description'), t('members.amount'), t('members.outstanding'), t('members.status')]}
          empty={charges.isLoading ? t('list.loading') : t('members.noCharges')}
          rows={(charges.data?.data ?? []).map((c) => ({
            key: c.id,
            cells: [formatDay(c.dueDate, locale), c.description, formatMoney({ amount: c.amount, currency: c.currency }, locale), formatMoney({ amount: c.outstanding, currency: c.currency }, locale), t(`members.charge.${c.status}`)],
          }))}
        />
      </Section>
      <Section title={t('members.payments')}>
        <SimpleTable
          caption={t('members.payments')}
          headers={[t('members.receivedOn'), t('members.method'), t('members.reference'), t('members.amount')]}
          empty={payments.isLoading ? t('list.loading') : t('members.noPayments')}
          rows={(payments.data?.data ?? []).map((p) => ({
            key: p.id,
            cells: [formatDay(p.receivedOn, locale), t(`members.method.${p.method}`), p.reference ?? '—', formatMoney({ amount: p.amount, currency: p.currency }, locale)],
          }))}
        />
      </Section>
      <Section title={t('members.statements')}>
        {downloadError ? <p role="alert" className="text-sm text-red-700">{downloadError}</p> : null}
        <SimpleTable
          caption={t('members.statements')}
          headers={[t('members.period'), t('members.generatedAt'), t('members.pdf')]}
          empty={statements.isLoading ? t('list.loading') : t('members.noStatements')}
          rows={(statements.data?.data ?? []).map((s) => ({
            key: s.id,
            cells: [
              `${formatDay(s.from, locale)} – ${formatDay(s.to, locale)}`,
              formatMoment(s.generatedAt, locale),
              <Button key="pdf" variant="secondary" onPress={() => download(s.id)} aria-label={t('members.downloadStatement', { from: formatDay(s.from, locale), to: formatDay(s.to, locale) })}>
                {t('members.download')}
              </Button>,
            ],
          }))}
        />
      </Section>
    </>
  );
}

export function MemberPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const { memberId } = memberRoute.useParams();
  const member = useQuery({ queryKey: ['member', memberId], queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}', { params: { path: { id: memberId } } })) });
  if (member.error) return <Page title={t('page.notFound')}>{member.error instanceof ApiError ? member.error.problem.detail : t('list.failed')}</Page>;
  const m: Member | undefined = member.data;
  if (!m) return <Page title={t('list.loading')}>{null}</Page>;
  const canEdit = may(me.data, 'members', 'members.write');
  return (
    <Page
      title={`${m.firstName} ${m.lastName}`}
      actions={
        <>
          <Link to="/members" className="self-center text-sm">{t('nav.members')}</Link>
          {canEdit ? <Link to="/members/$memberId/edit" params={{ memberId }} className={buttonLink}>{t('members.edit')}</Link> : null}
        </>
      }
    >
      <Section title={t('members.details')}>
        <DetailList
          items={[
            { term: t('members.email'), value: m.email },
            { term: t('members.phone'), value: m.phone },
            ...(m.address !== undefined ? [{ term: t('members.address'), value: m.address ? <span className="whitespace-pre-line">{m.address}</span> : null }] : []),
            { term: t('members.type'), value: t(typeLabel(m.type)) },
            { term: t('members.status'), value: t(statusLabel(m.status)) },
            { term: t('members.createdAt'), value: formatMoment(m.createdAt, locale) },
          ]}
        />
      </Section>
      <CustomFieldsPanel target="member" id={m.id} />
      {may(me.data, 'communications', 'communications.read') ? <ContactStatus memberId={m.id} /> : null}
      {may(me.data, 'occupancy', 'occupancy.read') ? <Units memberId={m.id} /> : null}
      {may(me.data, 'leases', 'leases.read') ? <Leases memberId={m.id} /> : null}
      {may(me.data, 'finance', 'finance.read') ? (
        <>
          <Balance memberId={m.id} />
          <Money memberId={m.id} />
        </>
      ) : null}
      <PortalAccess member={m} />
    </Page>
  );
}
