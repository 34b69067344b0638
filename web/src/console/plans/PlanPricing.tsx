import type { operations } from '@courtyard/sdk';
import { useLocale, useT } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { formatMoney } from '../../ui/money.js';

type Plan = operations['control.plans.list']['responses'][200]['content']['application/json']['data'][number];

/** The plan's pricing as it stands (read-only): the trial, then each metered component with its included usage and tiers. */
export function PlanPricing({ plan }: { plan: Plan }) {
  const t = useT();
  const { locale } = useLocale();
  const number = new Intl.NumberFormat(locale);
  const money = (amount: number) => formatMoney({ amount, currency: plan.price.currency }, locale);
  const { trialDays, components } = plan.pricing;
  return (
    <Section title={t('plans.pricing')}>
      <p className="text-sm text-slate-700">
        {t(`plans.per.${plan.price.interval}`, { price: money(plan.price.amountMinor) })} · {trialDays > 0 ? t('plans.pricing.trial', { days: trialDays }) : t('plans.pricing.noTrial')}
      </p>
      {components.length === 0 ? <p className="text-sm text-slate-600">{t('plans.pricing.noComponents')}</p> : null}
      {components.map((c) => {
        const meter = t(`billing.console.meter.${c.meter}`);
        return (
          <table key={c.meter} className="w-full max-w-3xl text-left text-sm">
            <caption className="text-left font-medium">
              {meter}: {t('plans.pricing.summary', { included: number.format(c.included), per: number.format(c.per), mode: t(`plans.pricing.mode.${c.mode}`) })}
            </caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">{t('plans.pricing.upTo')}</th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">{t('plans.pricing.unit')}</th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">{t('plans.pricing.flat')}</th>
              </tr>
            </thead>
            <tbody>
              {c.tiers.map((tier, i) => (
                <tr key={i} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-4 font-normal">{tier.upTo === null ? t('plans.pricing.above') : number.format(tier.upTo)}</th>
                  <td className="py-1 pr-4 text-right tabular-nums">{money(tier.unitAmountMinor)}</td>
                  <td className="py-1 pr-4 text-right tabular-nums">{tier.flatAmountMinor ? money(tier.flatAmountMinor) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </Section>
  );
}
