import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { formatTimestamp } from '../../ui/dates.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { saveFile } from '../../ui/download.js';
import { Page } from '../../ui/Page.js';
import { InvoiceActions } from './InvoiceActions.js';
import { InvoiceLines } from './InvoiceLines.js';
import { invoiceRoute } from './routes.js';
import type { Invoice } from './types.js';

/** The invoice's PDF, fetched with the session's token (a plain link could not send it) and saved as a file. */
function PdfButton({ invoice }: { invoice: Invoice }) {
  const t = useT();
  const api = useApi();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        onPress={() => {
          setFailed(false);
          saveFile(api.GET('/control/v1/invoices/{id}/pdf', { params: { path: { id: invoice.id } }, parseAs: 'blob' }), `${invoice.number}.pdf`).catch(() => setFailed(true));
        }}
      >
        {t('invoices.pdf')}
      </Button>
      {failed ? <p role="alert" className="text-sm text-red-700">{t('invoices.pdfFailed')}</p> : null}
    </>
  );
}

/** One invoice or credit note: whom it bills, its lines and totals, its payment, its PDF, and what may be done to it. */
export function InvoicePage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const { id } = invoiceRoute.useParams();
  const invoice = useQuery({ queryKey: ['invoice', id], queryFn: async () => unwrap(await api.GET('/control/v1/invoices/{id}', { params: { path: { id } } })) });
  const back = <Link to="/invoices" className="text-sm text-brand underline-offset-2 hover:underline">{t('console.nav.invoices')}</Link>;
  if (invoice.error) return <Page title={t('page.notFound')} actions={back}>{invoice.error instanceof ApiError ? invoice.error.problem.detail : t('list.failed')}</Page>;
  const data = invoice.data;
  if (!data) return <Page title={t('list.loading')}>{null}</Page>;
  const when = (at: string | null) => (at ? formatTimestamp(at, locale) : null);
  const facts = [
    { term: t('invoices.tenant'), value: data.billTo.slug ? <Link to="/tenants/$tenant" params={{ tenant: data.billTo.slug }} className="text-brand underline">{data.billTo.name}</Link> : data.billTo.name },
    { term: t('invoices.status'), value: t(`invoices.status.${data.status}`) },
    ...(data.corrects ? [{ term: t('invoices.corrects'), value: <Link to="/invoices/$id" params={{ id: data.corrects }} className="text-brand underline">{t('invoices.correctedInvoice')}</Link> }] : []),
    { term: t('invoices.plan'), value: data.plan },
    { term: t('invoices.period'), value: data.periodStart && data.periodEnd ? t('invoices.periodValue', { from: when(data.periodStart)!, to: when(data.periodEnd)! }) : null },
    { term: t('invoices.issued'), value: when(data.issuedAt) },
    ...(data.kind === 'invoice' ? [{ term: t('invoices.dueAt'), value: when(data.dueAt) }] : []),
    ...(data.paidAt ? [{ term: t('invoices.paidAt'), value: when(data.paidAt) }] : []),
    ...(data.paidVia ? [{ term: t('invoices.paidVia'), value: t(`invoices.via.${data.paidVia}`) }] : []),
    ...(data.paymentReference ? [{ term: t('invoices.reference'), value: data.paymentReference }] : []),
    { term: t('invoices.billTo'), value: [data.billTo.name, data.billTo.email, data.billTo.country].filter(Boolean).join(' · ') },
  ];
  const title = t(data.kind === 'invoice' ? 'invoices.invoiceTitle' : 'invoices.creditNoteTitle', { number: data.number });
  return (
    <Page title={title} actions={<>{back}<PdfButton invoice={data} /></>}>
      <DetailList items={facts} />
      <Section title={t('invoices.lines')}>
        <InvoiceLines invoice={data} />
      </Section>
      <InvoiceActions invoice={data} />
    </Page>
  );
}
