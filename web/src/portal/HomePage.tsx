import { useLocale, useT, type MessageId } from '../i18n/intl.js';
import { formatDay } from '../modules/members/format.js';
import { formatMoney } from '../ui/money.js';
import { linkStyle } from '../ui/PlainForm.js';
import { useMyBalance, useMyLeases, useMyUnits, type MemberBalance } from './api.js';
import { useMember } from './member.js';
import { newsDate, useMyNews } from './NewsPage.js';
import { Card, QueryState } from './parts.js';
import { Link } from './router.js';

const roleLabel = (role: string): MessageId => `portal.role.${role as 'owner'}`;
const leaseStatusLabel = (status: string): MessageId => `portal.leaseStatus.${status as 'active'}`;

/** The member's home page: their balance and what is due next, their homes, their lease. */
export function HomePage() {
  const t = useT();
  const member = useMember();
  return (
    <>
      <h1 className="text-xl font-semibold">{t('portal.home.title', { name: member.name })}</h1>
      {member.news ? <LatestNews /> : null}
      <BalanceCard memberId={member.memberId} />
      <HomesCard memberId={member.memberId} />
      <LeaseCard />
    </>
  );
}

/** "You owe" or "In credit" per currency (positive balance: owed; negative: credit). */
export function BalanceFigures({ balance }: { balance: MemberBalance }) {
  const t = useT();
  const { locale } = useLocale();
  if (balance.balances.length === 0) return <p className="text-2xl font-semibold" data-testid="balance">{t('portal.balance.nothing')}</p>;
  return (
    <ul className="space-y-1" data-testid="balance">
      {balance.balances.map((b) => (
        <li key={b.currency} className="text-2xl font-semibold">
          {b.balance > 0 ? t('portal.balance.owed', { amount: formatMoney({ amount: b.balance, currency: b.currency }, locale) }) : b.balance < 0 ? t('portal.balance.credit', { amount: formatMoney({ amount: -b.balance, currency: b.currency }, locale) }) : t('portal.balance.settled', { amount: formatMoney({ amount: 0, currency: b.currency }, locale) })}
        </li>
      ))}
    </ul>
  );
}

/** The newest announcement the member has not read yet, when there is one. */
function LatestNews() {
  const t = useT();
  const { locale } = useLocale();
  const member = useMember();
  const news = useMyNews();
  const latest = news.data?.data.find((n) => !n.read);
  if (!latest) return null;
  return (
    <Card title={t('portal.news.latest')} testId="latest-news">
      <p className="text-xs text-slate-600">{newsDate(latest.sentAt, locale, member.timeZone)}</p>
      <p className="font-medium">{latest.title}</p>
      <Link to="/news" search={{ open: latest.id }} className={linkStyle}>
        {t('portal.news.read')}
      </Link>
    </Card>
  );
}

function BalanceCard({ memberId }: { memberId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const balance = useMyBalance(memberId);
  const next = balance.data?.openCharges[0];
  return (
    <Card title={t('portal.balance.title')} testId="balance-card">
      <QueryState loading={balance.isPending} failed={balance.isError} empty={false} emptyText="" />
      {balance.data ? (
        <>
          <BalanceFigures balance={balance.data} />
          <div data-testid="due-next">
            <h3 className="text-sm font-medium text-slate-700">{t('portal.due.title')}</h3>
            {next ? (
              <p className="text-sm text-slate-800">
                {t('portal.due.charge', { description: next.description, amount: formatMoney({ amount: next.outstanding, currency: next.currency }, locale), date: formatDay(next.dueDate, locale) })}
              </p>
            ) : (
              <p className="text-sm text-slate-600">{t('portal.due.none')}</p>
            )}
          </div>
          <Link to="/money" className={linkStyle}>
            {t('portal.balance.details')}
          </Link>
        </>
      ) : null}
    </Card>
  );
}

function HomesCard({ memberId }: { memberId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const units = useMyUnits(memberId);
  const rows = units.data?.data ?? [];
  return (
    <Card title={t('portal.homes.title')} testId="homes">
      <QueryState loading={units.isPending} failed={units.isError} empty={rows.length === 0} emptyText={t('portal.homes.none')} />
      {rows.length > 0 ? (
        <ul className="divide-y divide-slate-100">
          {rows.map((o) => (
            <li key={o.id} className="py-2">
              <p className="font-medium">{o.unit.label}</p>
              <p className="text-sm text-slate-600">
                {t(roleLabel(o.role))} · {o.endDate ? t('portal.homes.between', { from: formatDay(o.startDate, locale), to: formatDay(o.endDate, locale) }) : t('portal.homes.since', { date: formatDay(o.startDate, locale) })}
                {o.ownershipShare && o.ownershipShare !== '1' ? ` · ${t('portal.homes.share', { share: Number(o.ownershipShare) })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

function LeaseCard() {
  const t = useT();
  const { locale } = useLocale();
  const leases = useMyLeases();
  const current = (leases.data?.data ?? []).filter((l) => l.status === 'active' || l.status === 'ending' || l.status === 'draft');
  // A member who rents nothing (an owner) has no lease to show: the card stays away.
  if (leases.isSuccess && current.length === 0) return null;
  return (
    <Card title={t('portal.lease.title')} testId="lease">
      <QueryState loading={leases.isPending} failed={leases.isError} empty={false} emptyText="" />
      {current.map((l) => (
        <dl key={l.id} className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">{t('portal.lease.status')}</dt>
          <dd>{t(leaseStatusLabel(l.status))}</dd>
          <dt className="text-slate-600">{t('portal.lease.rent')}</dt>
          <dd>{t(`portal.lease.rentEvery.${l.frequency}`, { amount: formatMoney(l.rent, locale) })}</dd>
          <dt className="text-slate-600">{t('portal.lease.dueDay')}</dt>
          <dd>{l.dueDay}</dd>
          <dt className="text-slate-600">{t('portal.lease.term')}</dt>
          <dd>{l.endDate ? t('portal.homes.between', { from: formatDay(l.startDate, locale), to: formatDay(l.endDate, locale) }) : t('portal.lease.periodic', { date: formatDay(l.startDate, locale) })}</dd>
          <dt className="text-slate-600">{t('portal.lease.deposit')}</dt>
          <dd>{formatMoney({ amount: l.deposit, currency: l.rent.currency }, locale)}</dd>
        </dl>
      ))}
    </Card>
  );
}
