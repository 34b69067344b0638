import { useLocale, useT } from '../../i18n/intl.js';
import { formatMoney } from '../../ui/money.js';
import type { AllocationPreview as Preview } from './allocation.js';

/**
 * What a payment being entered will do, as the server will do it (see `previewAllocation`): the
 * open charges it settles, oldest due first, how much each gets, and the credit left over.
 * A live region, so a screen reader hears it change as the amount is typed.
 */
export function AllocationPreview({ preview, currency }: { preview: Preview | null; currency: string }) {
  const t = useT();
  const { locale } = useLocale();
  const money = (amount: number) => formatMoney({ amount, currency }, locale);
  const date = (day: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  return (
    <section aria-labelledby="allocation-preview" aria-live="polite" className="max-w-xl space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="allocation-preview">
      <h2 id="allocation-preview" className="font-semibold">{t('finance.preview.title')}</h2>
      {!preview ? (
        <p className="text-sm text-slate-600">{t('finance.preview.empty')}</p>
      ) : (
        <>
          {preview.creditBefore > 0 ? <p className="text-sm">{t('finance.preview.creditBefore', { credit: money(preview.creditBefore) })}</p> : null}
          {preview.settles.length === 0 ? (
            <p className="text-sm">{t('finance.preview.nothingOpen')}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('finance.preview.title')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="py-1 font-semibold">{t('finance.description')}</th>
                  <th scope="col" className="py-1 font-semibold">{t('finance.dueDate')}</th>
                  <th scope="col" className="py-1 font-semibold">{t('finance.preview.settles')}</th>
                  <th scope="col" className="py-1 font-semibold">{t('finance.preview.remaining')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.settles.map((s) => (
                  <tr key={s.charge.id} className="border-t border-slate-100">
                    <td className="py-1">{s.charge.description}</td>
                    <td className="py-1">{date(s.charge.dueDate)}</td>
                    <td className="py-1 tabular-nums">{money(s.amount)}</td>
                    <td className="py-1 tabular-nums">{s.remaining === 0 ? t('finance.preview.paid') : money(s.remaining)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="text-sm font-medium">{t('finance.preview.creditLeft', { credit: money(preview.creditLeft) })}</p>
        </>
      )}
    </section>
  );
}
