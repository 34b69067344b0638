import { useState } from 'react';
import { planeOf } from '../api/plane.js';
import { useApi } from '../api/session.js';
import { useLocale, useT } from '../i18n/intl.js';
import { formatMoney } from '../ui/money.js';
import { openCheckout } from './checkout.js';

const REFUSALS: Record<string, 'portal.pay.disabled' | 'portal.pay.nothing'> = {
  'finance.card_payments_disabled': 'portal.pay.disabled',
  'finance.nothing_owed': 'portal.pay.nothing',
};
// A chosen charge was settled, voided or taken back since the page was read.
const STALE_CHOICE = new Set(['finance.charge_owes_nothing', 'not_found']);

/**
 * "Pay €120.00 by card": the member's whole balance, or the charges they chose (`chargeIds`),
 * through the tenant's Stripe Checkout. One Idempotency-Key per button: a double tap opens one
 * session; a new choice of charges gets a new button (ChooseCharges keys it by the choice).
 */
export function PayByCard({ memberId, amount, currency, chargeIds, label = 'portal.pay.button' }: { memberId: string; amount: number; currency: string; chargeIds?: string[]; label?: 'portal.pay.button' | 'portal.choose.pay' }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [key] = useState(() => crypto.randomUUID());
  const [state, setState] = useState<'idle' | 'busy'>('idle');
  const [refusal, setRefusal] = useState<string | null>(null);
  async function pay() {
    setState('busy');
    setRefusal(null);
    const opened = await openCheckout(api, planeOf(location.pathname), memberId, key, chargeIds);
    if ('url' in opened) return location.assign(opened.url);
    setState('idle');
    setRefusal(t(opened.code === 'network' ? 'form.networkError' : chargeIds && STALE_CHOICE.has(opened.code) ? 'portal.choose.stale' : (REFUSALS[opened.code] ?? 'portal.pay.failed')));
  }
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={state === 'busy'}
        onClick={() => void pay()}
        className="w-full rounded-md bg-brand px-3 py-2 text-sm font-medium text-white outline-none hover:brightness-110 focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2 disabled:opacity-50"
      >
        {t(label, { amount: formatMoney({ amount, currency }, locale) })}
      </button>
      {refusal ? <p role="alert" className="text-sm text-red-700">{refusal}</p> : null}
    </div>
  );
}
