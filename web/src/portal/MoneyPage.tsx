import { useState } from 'react';
import { useApi } from '../api/session.js';
import { useLocale, useT } from '../i18n/intl.js';
import { formatDay } from '../modules/members/format.js';
import { todayIn } from '../ui/dates.js';
import { saveFile } from '../ui/download.js';
import { formatMoney } from '../ui/money.js';
import { linkStyle } from '../ui/PlainForm.js';
import { useMyBalance, useMyStatement, useMyStatements, type StatementRecord } from './api.js';
import { BalanceFigures } from './HomePage.js';
import { useMember } from './member.js';
import { ChooseCharges } from './ChooseCharges.js';
import { PayByCard } from './PayByCard.js';
import { Card, QueryState } from './parts.js';
import { Link, useNavigate, useSearchParams } from './router.js';

const buttonStyle = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand disabled:opacity-50';

/** The member's money: the balance, a year's charges and payments with the running balance, and their statements as PDFs. */
export function MoneyPage() {
  const t = useT();
  const member = useMember();
  const balance = useMyBalance(member.memberId);
  // A checkout is in one currency: card payment is offered for a balance owed in one.
  const owed = (balance.data?.balances ?? []).filter((b) => b.balance > 0);
  return (
    <>
      <h1 className="text-xl font-semibold">{t('portal.money.title')}</h1>
      <Card title={t('portal.balance.title')}>
        <QueryState loading={balance.isPending} failed={balance.isError} empty={false} emptyText="" />
        {balance.data ? <BalanceFigures balance={balance.data} /> : null}
        {owed.length === 1 ? <PayByCard memberId={member.memberId} amount={owed[0]!.balance} currency={owed[0]!.currency} /> : null}
      </Card>
      {balance.data ? <ChooseCharges memberId={member.memberId} charges={balance.data.openCharges} /> : null}
      <Activity memberId={member.memberId} />
      <Statements />
    </>
  );
}

/** `?year=2026`: which year's charges and payments the page lists (the current one by default). */
function yearOf(raw: string | null): number | undefined {
  const year = Number(raw);
  return raw && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

/** A year's lines (`?year=`), from the statement figures: opening balance, every line with the balance after it, closing balance. */
function Activity({ memberId }: { memberId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const chosen = yearOf(useSearchParams().get('year'));
  const now = todayIn(useMember().timeZone);
  const thisYear = Number(now.slice(0, 4));
  const year = chosen ?? thisYear;
  const period = { from: `${year}-01-01`, to: year === thisYear ? now : `${year}-12-31` };
  const statement = useMyStatement(memberId, period);
  const currencies = statement.data?.currencies ?? [];
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, locale);
  return (
    <Card title={t('portal.activity.title', { year: String(year) })} testId="activity">
      <div className="flex items-center gap-3 text-sm">
        <button type="button" className={buttonStyle} onClick={() => navigate('/money', { search: { year: year - 1 } })}>
          {t('portal.activity.previous', { year: String(year - 1) })}
        </button>
        {year < thisYear ? (
          <button type="button" className={buttonStyle} onClick={() => navigate('/money', { search: year + 1 === thisYear ? {} : { year: year + 1 } })}>
            {t('portal.activity.next', { year: String(year + 1) })}
          </button>
        ) : null}
      </div>
      <QueryState loading={statement.isPending} failed={statement.isError} empty={currencies.length === 0} emptyText={t('portal.activity.none')} />
      {currencies.map((c) => (
        <div key={c.currency} className="space-y-2">
          <p className="text-sm text-slate-600">{t('portal.activity.opening', { date: formatDay(period.from, locale), amount: money(c.opening, c.currency) })}</p>
          <ol className="divide-y divide-slate-100" aria-label={t('portal.activity.lines', { currency: c.currency })}>
            {c.lines.map((line) => (
              <li key={`${line.entryId}-${line.chargeId ?? ''}-${line.kind}`} className="flex items-start justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium">{line.description}</p>
                  <p className="text-xs text-slate-600">{formatDay(line.date, locale)}</p>
                </div>
                <div className="text-right">
                  <p className={`text-sm font-medium ${line.amount < 0 ? 'text-emerald-800' : ''}`}>{line.amount < 0 ? t('portal.activity.paid', { amount: money(-line.amount, c.currency) }) : money(line.amount, c.currency)}</p>
                  <p className="text-xs text-slate-600">{t('portal.activity.balance', { amount: money(line.balance, c.currency) })}</p>
                </div>
              </li>
            ))}
          </ol>
          <p className="text-sm font-medium">{t('portal.activity.closing', { date: formatDay(period.to, locale), amount: money(c.closing, c.currency) })}</p>
        </div>
      ))}
    </Card>
  );
}

/** Downloads a statement's PDF: the API wants the session's token, which a plain link cannot send. */
export function PdfButton({ statement }: { statement: StatementRecord }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const period = t('portal.statements.period', { from: formatDay(statement.from, locale), to: formatDay(statement.to, locale) });
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={buttonStyle}
        disabled={state === 'busy'}
        aria-label={t('portal.statements.pdfOf', { period })}
        onClick={() => {
          setState('busy');
          saveFile(api.GET('/api/v1/finance/statements/{id}/pdf', { params: { path: { id: statement.id } }, parseAs: 'blob' }), `statement-${statement.from}_${statement.to}.pdf`).then(
            () => setState('idle'),
            () => setState('failed'),
          );
        }}
      >
        {t('portal.statements.pdf')}
      </button>
      {state === 'failed' ? <span role="alert" className="text-sm text-red-700">{t('portal.statements.failed')}</span> : null}
    </span>
  );
}

function Statements() {
  const t = useT();
  const { locale } = useLocale();
  const statements = useMyStatements();
  const rows = statements.data?.data ?? [];
  return (
    <Card title={t('portal.statements.title')} testId="statements">
      <QueryState loading={statements.isPending} failed={statements.isError} empty={rows.length === 0} emptyText={t('portal.statements.none')} />
      {rows.length > 0 ? (
        <ul className="divide-y divide-slate-100">
          {rows.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link to="/statements/$id" params={{ id: s.id }} className={linkStyle}>
                {t('portal.statements.period', { from: formatDay(s.from, locale), to: formatDay(s.to, locale) })}
              </Link>
              <PdfButton statement={s} />
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
