import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { ConfirmAction, type Answer } from '../../ui/confirm.js';
import { inputStyle, labelStyle } from '../../ui/field-styles.js';
import { formatMoney, parseMinorUnits } from '../../ui/money.js';
import { invoiceActions } from './search.js';
import type { Invoice } from './types.js';

/** A refusal of the page's own, shown in the dialog as the API's would be (nothing is sent). */
function refused(detail: string): Answer {
  return { error: { type: 'about:blank', title: detail, status: 422, detail, code: 'invalid_input', instance: '', requestId: '' }, response: new Response(null, { status: 422 }) };
}

function useInvoiceChanged() {
  const queries = useQueryClient();
  return (invoice?: Invoice) => {
    if (invoice) queries.setQueryData(['invoice', invoice.id], invoice);
    void queries.invalidateQueries({ queryKey: ['invoices'] });
    void queries.invalidateQueries({ queryKey: ['invoice'] });
    void queries.invalidateQueries({ queryKey: ['billing'] });
  };
}

/** "Mark paid by bank transfer": the transfer's reference as the bank shows it; needs a recent second factor for operators who have one. */
function MarkPaid({ invoice }: { invoice: Invoice }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const changed = useInvoiceChanged();
  const [reference, setReference] = useState('');
  const id = useId();
  return (
    <ConfirmAction
      label={t('invoices.markPaid')}
      title={t('invoices.markPaid.title', { number: invoice.number })}
      description={t('invoices.markPaid.description', { amount: formatMoney({ amount: invoice.amountDueMinor, currency: invoice.currency }, locale) })}
      confirmLabel={t('invoices.markPaid.confirm')}
      variant="primary"
      run={async (headers) => {
        if (!reference.trim()) return refused(t('invoices.referenceRequired'));
        return api.POST('/control/v1/invoices/{id}/payments', { params: { path: { id: invoice.id } }, body: { reference: reference.trim() }, headers });
      }}
      onDone={(data) => {
        setReference('');
        changed(data as Invoice);
      }}
    >
      <div>
        <label htmlFor={id} className={labelStyle}>{t('invoices.reference')}</label>
        <input id={id} value={reference} onChange={(e) => setReference(e.target.value)} maxLength={200} required autoComplete="off" className={inputStyle} />
      </div>
    </ConfirmAction>
  );
}

/** "Issue credit note": an amount (tax included; empty for all the invoice has left) and the reason, printed on the note. */
function CreditNote({ invoice, onIssued }: { invoice: Invoice; onIssued: (note: Invoice) => void }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const changed = useInvoiceChanged();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const amountId = useId();
  const reasonId = useId();
  const left = formatMoney({ amount: invoice.totalMinor - invoice.creditedMinor, currency: invoice.currency }, locale);
  return (
    <ConfirmAction
      label={t('invoices.credit')}
      title={t('invoices.credit.title', { number: invoice.number })}
      description={t('invoices.credit.description', { left })}
      confirmLabel={t('invoices.credit.confirm')}
      run={async (headers) => {
        if (!reason.trim()) return refused(t('invoices.reasonRequired'));
        let amountMinor: number | undefined;
        if (amount.trim()) {
          const parsed = parseMinorUnits(amount, invoice.currency, locale);
          if (!parsed.ok || parsed.amount <= 0) return refused(t('invoices.amountInvalid'));
          amountMinor = parsed.amount;
        }
        return api.POST('/control/v1/invoices/{id}/credit-notes', { params: { path: { id: invoice.id } }, body: { reason: reason.trim(), ...(amountMinor ? { amountMinor } : {}) }, headers });
      }}
      onDone={(data) => {
        setAmount('');
        setReason('');
        changed();
        onIssued(data as Invoice);
      }}
    >
      <div>
        <label htmlFor={amountId} className={labelStyle}>{t('invoices.creditAmount', { currency: invoice.currency })}</label>
        <input id={amountId} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" autoComplete="off" aria-describedby={`${amountId}-help`} className={inputStyle} />
        <p id={`${amountId}-help`} className="mt-1 text-xs text-slate-500">{t('invoices.creditAmountHelp')}</p>
      </div>
      <div>
        <label htmlFor={reasonId} className={labelStyle}>{t('invoices.reason')}</label>
        <textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required rows={3} className={inputStyle} />
      </div>
    </ConfirmAction>
  );
}

/** What the operator may do to the invoice, as its kind and status allow. */
export function InvoiceActions({ invoice }: { invoice: Invoice }) {
  const t = useT();
  const [note, setNote] = useState<Invoice | null>(null);
  const allowed = invoiceActions(invoice);
  if (!allowed.markPaid && !allowed.credit && !note) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {allowed.markPaid ? <MarkPaid invoice={invoice} /> : null}
        {allowed.credit ? <CreditNote invoice={invoice} onIssued={setNote} /> : null}
      </div>
      <p role="status" className="text-sm text-green-800">
        {note ? (
          <>
            {t('invoices.credit.issued', { number: note.number })}{' '}
            <Link to="/invoices/$id" params={{ id: note.id }} className="text-brand underline">{t('invoices.open', { number: note.number })}</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
