import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { memberRoute } from './routes.js';
import { statusLabel, typeLabel } from './types.js';

/** The member's balance per currency, when the tenant has finance and the user may see it. */
function Balance({ memberId }: { memberId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const balance = useQuery({ queryKey: ['balance', memberId], queryFn: async () => unwrap(await api.GET('/api/v1/finance/members/{id}/balance', { params: { path: { id: memberId } } })) });
  return (
    <section aria-labelledby="balance" className="space-y-2">
      <h2 id="balance" className="text-lg font-semibold">{t('members.balance')}</h2>
      {balance.data && balance.data.balances.length === 0 ? <p className="text-slate-600">{t('members.noBalance')}</p> : null}
      <ul>
        {balance.data?.balances.map((b) => (
          <li key={b.currency}>{formatMoney({ amount: b.balance, currency: b.currency }, locale)}</li>
        ))}
      </ul>
    </section>
  );
}

export function MemberPage() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const { memberId } = memberRoute.useParams();
  const member = useQuery({ queryKey: ['member', memberId], queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}', { params: { path: { id: memberId } } })) });
  if (member.error) return <Page title={t('page.notFound')}>{member.error instanceof ApiError ? member.error.problem.detail : t('list.failed')}</Page>;
  const m = member.data;
  if (!m) return <Page title={t('list.loading')}>{null}</Page>;
  const rows: [string, string][] = [
    [t('members.email'), m.email ?? '—'],
    [t('members.phone'), m.phone ?? '—'],
    [t('members.type'), t(typeLabel(m.type))],
    [t('members.status'), t(statusLabel(m.status))],
  ];
  return (
    <Page title={`${m.firstName} ${m.lastName}`} actions={<Link to="/members">{t('nav.members')}</Link>}>
      <dl className="grid max-w-xl grid-cols-[10rem_1fr] gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-600">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {may(me.data, 'finance', 'finance.read') ? <Balance memberId={m.id} /> : null}
    </Page>
  );
}
