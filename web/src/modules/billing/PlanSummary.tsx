import { useLocale, useT } from '../../i18n/intl.js';
import { formatTimestamp } from '../../ui/dates.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import type { Subscription } from './api.js';
import { describeComponent, describePrice, dunningText } from './words.js';

const date = (at: string | null, locale: string) => (at ? new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(at)) : '');

/** The subscription as it stands: plan and price, status, trial, period, and how collection stands. */
export function PlanSummary({ subscription: s }: { subscription: Subscription }) {
  const t = useT();
  const { locale } = useLocale();
  const terms = s.terms;
  return (
    <Section title={t('billing.account.current')}>
      <div className="rounded-lg border border-slate-200 bg-white p-5" data-testid="current-plan">
        <DetailList
          items={[
            { term: t('billing.account.plan'), value: <span data-testid="plan-name">{terms.planName}</span> },
            { term: t('billing.account.price'), value: describePrice(t, terms, locale) },
            {
              term: t('billing.account.usagePricing'),
              value: terms.components.length === 0 ? t('billing.account.noComponents') : (
                <ul className="list-disc pl-5">
                  {terms.components.map((c) => <li key={c.meter}>{describeComponent(t, c, terms.currency, locale)}</li>)}
                </ul>
              ),
            },
            { term: t('billing.account.status'), value: <span data-testid="subscription-status">{t(`billing.account.status.${s.status}`)}</span> },
            ...(s.status === 'trialing' && s.trialEndsAt ? [{ term: t('billing.account.trialEnds'), value: t('billing.account.trialEndsText', { date: date(s.trialEndsAt, locale) }) }] : []),
            { term: t('billing.account.period'), value: t('billing.account.periodText', { from: date(s.periodStart, locale), to: date(s.periodEnd, locale) }) },
            {
              term: t('billing.account.renewal'),
              value: s.status === 'canceled' ? t('billing.account.canceledOn', { date: formatTimestamp(s.canceledAt, locale) }) : s.cancelAtPeriodEnd ? t('billing.account.endsAtPeriodEnd', { date: date(s.periodEnd, locale) }) : t('billing.account.renews', { date: date(s.periodEnd, locale) }),
            },
            { term: t('billing.account.standing'), value: <span data-testid="standing">{dunningText(t, s.dunning)}</span> },
            { term: t('billing.account.billingEmail'), value: s.billingEmail ?? t('billing.account.billingEmailNone') },
          ]}
        />
      </div>
    </Section>
  );
}
