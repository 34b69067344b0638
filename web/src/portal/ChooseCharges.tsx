import { useState } from 'react';
import { useLocale, useT } from '../i18n/intl.js';
import { formatDay } from '../modules/members/format.js';
import { formatMoney } from '../ui/money.js';
import type { MemberBalance } from './api.js';
import { Card } from './parts.js';
import { PayByCard } from './PayByCard.js';

type OpenCharge = MemberBalance['openCharges'][number];

/**
 * Pay chosen charges: a box for each open charge (oldest due first, none ticked), the total of
 * the ticked ones, and a card checkout for exactly those. A checkout is in one currency, so
 * ticking charges of two currencies says so and offers no payment. Shown only when there is a
 * choice to make (two open charges or more); one charge is the whole-balance button's.
 */
export function ChooseCharges({ memberId, charges }: { memberId: string; charges: OpenCharge[] }) {
  const t = useT();
  const { locale } = useLocale();
  const [chosen, setChosen] = useState<string[]>([]);
  if (charges.length < 2) return null;
  const picked = charges.filter((c) => chosen.includes(c.id));
  const currencies = [...new Set(picked.map((c) => c.currency))];
  const total = picked.reduce((sum, c) => sum + c.outstanding, 0);
  const toggle = (id: string, on: boolean) => setChosen((now) => (on ? [...now, id] : now.filter((x) => x !== id)));
  return (
    <Card title={t('portal.choose.title')} testId="choose-charges">
      <fieldset className="space-y-2">
        <legend className="text-sm text-slate-700">{t('portal.choose.legend')}</legend>
        {charges.map((c) => (
          <label key={c.id} className="flex items-start gap-3 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand">
            <input type="checkbox" className="mt-0.5 h-5 w-5 accent-brand" checked={chosen.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
            <span className="min-w-0 flex-1">
              <span className="block font-medium">{c.description}</span>
              <span className="block text-xs text-slate-600">{t('portal.choose.due', { date: formatDay(c.dueDate, locale) })}</span>
            </span>
            <span className="font-medium">{formatMoney({ amount: c.outstanding, currency: c.currency }, locale)}</span>
          </label>
        ))}
      </fieldset>
      <p className="text-sm font-medium" data-testid="chosen-total" aria-live="polite">
        {picked.length === 0 ? t('portal.choose.none') : currencies.length > 1 ? t('portal.choose.currencies') : t('portal.choose.total', { count: picked.length, amount: formatMoney({ amount: total, currency: currencies[0]! }, locale) })}
      </p>
      {picked.length > 0 && currencies.length === 1 ? (
        // Keyed by the choice: a checkout that failed for one choice says nothing about the next.
        <PayByCard key={chosen.join(',')} memberId={memberId} amount={total} currency={currencies[0]!} chargeIds={picked.map((c) => c.id)} label="portal.choose.pay" />
      ) : null}
    </Card>
  );
}
