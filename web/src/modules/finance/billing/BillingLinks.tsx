import { Link } from '@tanstack/react-router';
import { useT } from '../../../i18n/intl.js';

/** The billing pages side by side: schedules, runs, late fees, bank statements, Stripe. */
export function BillingLinks() {
  const t = useT();
  const links = [
    { to: '/finance/schedules', label: t('finance.billing.schedules') },
    { to: '/finance/billing-runs', label: t('finance.billing.runs') },
    { to: '/finance/late-fees', label: t('finance.billing.lateFees') },
    { to: '/finance/bank-imports', label: t('finance.bank.imports') },
    { to: '/finance/stripe', label: t('finance.settings.stripe') },
  ] as const;
  return (
    <nav aria-label={t('finance.billing.links')} className="flex flex-wrap gap-4 text-sm">
      {links.map((l) => (
        <Link key={l.to} to={l.to} className="text-brand underline-offset-2 hover:underline data-[status=active]:font-semibold data-[status=active]:text-slate-900" activeOptions={{ exact: true, includeSearch: false }}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}

/** A filter of a list as links (the filter lives in the URL); the current choice is marked for everyone. */
export function FilterLinks({ label, options, to }: { label: string; options: { label: string; search: Record<string, string | undefined>; current: boolean }[]; to: string }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium text-slate-700">{label}:</span>
      {options.map((o) => (
        <Link
          key={o.label}
          to={to}
          search={o.search as never}
          aria-current={o.current ? 'true' : undefined}
          className={`rounded-full px-3 py-0.5 ring-1 ring-slate-300 ${o.current ? 'bg-slate-800 text-white' : 'bg-white text-slate-800 hover:bg-slate-100'}`}
        >
          {o.label}
        </Link>
      ))}
    </div>
  );
}
