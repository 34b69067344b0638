import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { inputStyle } from '../../ui/field-styles.js';
import { INVOICE_KINDS, INVOICE_STATUSES, invoicesSearch, type InvoicesSearch } from './search.js';

type Filters = Omit<InvoicesSearch, 'cursor'>;

/** The list's filters (tenant, status, kind): chosen, then applied together into the URL with the button or Enter. */
export function InvoiceFilters({ search, onApply }: { search: InvoicesSearch; onApply: (filters: Filters) => void }) {
  const t = useT();
  const current = { tenant: search.tenant ?? '', status: search.status ?? '', kind: search.kind ?? '' };
  const [values, setValues] = useState(current);
  // The URL changed under the form (back, a link): show its filters.
  const [shown, setShown] = useState(current);
  if (current.tenant !== shown.tenant || current.status !== shown.status || current.kind !== shown.kind) {
    setShown(current);
    setValues(current);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { cursor: _cursor, ...filters } = invoicesSearch(values);
    onApply(filters);
  };
  const label = 'block text-sm font-medium text-slate-700';
  return (
    <form onSubmit={submit} aria-label={t('invoices.filters')} className="grid max-w-4xl gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
      <label className={label}>
        {t('invoices.tenant')}
        <input name="tenant" value={values.tenant} onChange={(e) => setValues({ ...values, tenant: e.target.value })} autoComplete="off" className={inputStyle} />
      </label>
      <label className={label}>
        {t('invoices.status')}
        <select name="status" value={values.status} onChange={(e) => setValues({ ...values, status: e.target.value })} className={inputStyle}>
          <option value="">{t('invoices.any')}</option>
          {INVOICE_STATUSES.map((s) => <option key={s} value={s}>{t(`invoices.status.${s}`)}</option>)}
        </select>
      </label>
      <label className={label}>
        {t('invoices.kind')}
        <select name="kind" value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value })} className={inputStyle}>
          <option value="">{t('invoices.any')}</option>
          {INVOICE_KINDS.map((k) => <option key={k} value={k}>{t(`invoices.kind.${k}`)}</option>)}
        </select>
      </label>
      <div className="flex items-center gap-3 sm:col-span-3">
        <Button type="submit">{t('invoices.apply')}</Button>
        <Link to="/invoices" className="text-sm text-brand underline-offset-2 hover:underline">{t('invoices.clear')}</Link>
      </div>
    </form>
  );
}
