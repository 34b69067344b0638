import { ApiError } from '../api/problem.js';
import { useLocale, useT } from '../i18n/intl.js';
import { formatDay } from '../modules/members/format.js';
import { formatMoney } from '../ui/money.js';
import { linkStyle } from '../ui/PlainForm.js';
import { useStatementRecord } from './api.js';
import { PdfButton } from './MoneyPage.js';
import { Card, QueryState } from './parts.js';
import { Link, useParams } from './router.js';

/** One statement (the monthly statement e-mail links here): its figures and its PDF. */
export function StatementPage() {
  const t = useT();
  const { locale } = useLocale();
  const id = useParams().id ?? '';
  const record = useStatementRecord(id);
  const missing = record.error instanceof ApiError && record.error.problem.status === 404;
  const s = record.data;
  return (
    <>
      <h1 className="text-xl font-semibold">{s ? t('portal.statements.period', { from: formatDay(s.from, locale), to: formatDay(s.to, locale) }) : t('portal.statement.title')}</h1>
      {missing ? (
        <p role="alert" className="text-sm text-red-700">{t('portal.statement.missing')}</p>
      ) : (
        <QueryState loading={record.isPending} failed={record.isError} empty={false} emptyText="" />
      )}
      {s ? (
        <Card title={t('portal.statement.summary')}>
          <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
            {s.summary.map((c) => [
              <dt key={`${c.currency}-o`} className="text-slate-600">{t('portal.statement.opening', { currency: c.currency })}</dt>,
              <dd key={`${c.currency}-ov`}>{formatMoney({ amount: c.opening, currency: c.currency }, locale)}</dd>,
              <dt key={`${c.currency}-c`} className="text-slate-600">{t('portal.statement.closing', { currency: c.currency })}</dt>,
              <dd key={`${c.currency}-cv`} className="font-semibold">{formatMoney({ amount: c.closing, currency: c.currency }, locale)}</dd>,
            ])}
          </dl>
          <PdfButton statement={s} />
        </Card>
      ) : null}
      <Link to="/money" className={linkStyle}>
        {t('portal.statement.back')}
      </Link>
    </>
  );
}
