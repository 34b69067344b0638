import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { Checkbox } from 'react-aria-components';
import { Check } from 'lucide-react';
import type { operations } from '@courtyard/sdk';
import { ApiError, unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';
import { useLocale, useT } from '../../../i18n/intl.js';
import { ConfirmAction } from '../../../ui/confirm.js';
import { DataTable } from '../../../ui/DataTable.js';
import { DetailList, Section } from '../../../ui/DetailList.js';
import { formatMoney } from '../../../ui/money.js';
import { Page } from '../../../ui/Page.js';
import { may, useMe } from '../../../workspace/me.js';
import { formatDay, formatMoment } from '../billing/logic.js';
import { MemberName } from '../billing/names.js';
import { bankImportRoute } from '../billing/routes.js';
import { MemberPicker } from './MemberPicker.js';

type BankImport = operations['finance.bankImports.get']['responses'][200]['content']['application/json'];
type Line = BankImport['lines'][number];
type Confirmed = operations['finance.bankImports.confirm']['responses'][200]['content']['application/json'];
interface Choice {
  include: boolean;
  memberId: string | null;
}

const column = createColumnHelper<Line>();
const percent = (confidence: number) => `${Math.round(confidence * 100)} %`;

/** The proposal's member and its candidates, the choices offered first for a line. */
const seedOf = (line: Line) => {
  const p = line.proposal;
  if (!p) return [];
  return [...(p.memberId ? [{ id: p.memberId, name: p.memberName ?? p.memberId }] : []), ...p.candidates.map((c) => ({ id: c.memberId, name: c.memberName }))];
};

/** One import: every line, the proposed match of each credit (member, charges, confidence), adjusted by a person and confirmed. */
export function BankImportPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const { importId } = bankImportRoute.useParams();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [result, setResult] = useState<Confirmed | null>(null);
  const imported = useQuery({ queryKey: ['finance', 'bank-imports', 'one', importId], queryFn: async () => unwrap(await api.GET('/api/v1/finance/bank-imports/{id}', { params: { path: { id: importId } } })) });
  if (imported.error) return <Page title={t('page.notFound')}>{imported.error instanceof ApiError ? imported.error.problem.detail : t('list.failed')}</Page>;
  const data = imported.data;
  if (!data) return <Page title={t('list.loading')}>{null}</Page>;

  const choiceOf = (line: Line): Choice => choices[line.id] ?? { include: Boolean(line.proposal?.memberId), memberId: line.proposal?.memberId ?? null };
  const choose = (line: Line, change: Partial<Choice>) => setChoices((all) => ({ ...all, [line.id]: { ...choiceOf(line), ...change } }));
  const open = data.lines.filter((l) => l.status === 'open');
  const chosen = open.filter((l) => choiceOf(l).include && choiceOf(l).memberId);
  const canConfirm = may(me.data, 'finance', 'finance.write');
  const money = (amount: number) => formatMoney({ amount, currency: data.currency }, locale);
  const body = {
    lines: chosen.map((l) => {
      const memberId = choiceOf(l).memberId!;
      const allocations = memberId === l.proposal?.memberId ? l.proposal.allocations : null;
      return { lineId: l.id, memberId, ...(allocations?.length ? { allocations: allocations.map((a) => ({ chargeId: a.chargeId, amount: a.amount })) } : {}) };
    }),
  };

  const columns = [
    column.accessor('row', { header: t('finance.bank.row') }),
    column.accessor('bookedOn', { header: t('finance.bank.bookedOn'), cell: (c) => formatDay(c.getValue(), locale) }),
    column.accessor('amount', { header: t('finance.bank.amount'), cell: (c) => `${c.row.original.direction === 'debit' ? '−' : ''}${money(c.getValue())}` }),
    column.accessor('reference', { header: t('finance.bank.reference') }),
    column.accessor('payer', { header: t('finance.bank.payer'), cell: (c) => c.getValue() ?? '' }),
    column.accessor('status', { header: t('finance.bank.status'), cell: (c) => t(`finance.bank.lineStatus.${c.getValue()}`) }),
    column.accessor('proposal', {
      header: t('finance.bank.proposal'),
      cell: (c) => {
        const line = c.row.original;
        if (line.status === 'matched') return <MemberName id={line.memberId} />;
        const p = c.getValue();
        if (!p) return '—';
        return (
          <div className="space-y-0.5">
            <div>{p.memberName ?? t('finance.bank.nobody')}</div>
            <div className="text-xs text-slate-600">
              {t('finance.bank.confidence', { value: percent(p.confidence) })}
              {p.rule ? ` · ${t(`finance.bank.rule.${p.rule}`)}` : ''}
              {p.allocations?.length ? ` · ${t('finance.bank.allocations', { count: p.allocations.length })}` : ''}
            </div>
            {p.reasons.length ? <div className="text-xs text-slate-500">{p.reasons.join('; ')}</div> : null}
          </div>
        );
      },
    }),
    column.display({
      id: 'choice',
      header: t('finance.bank.confirmAs'),
      cell: (c) => {
        const line = c.row.original;
        if (line.status !== 'open' || !canConfirm) return null;
        const choice = choiceOf(line);
        return (
          <div className="flex items-center gap-2">
            <Checkbox isSelected={choice.include} onChange={(include) => choose(line, { include })} aria-label={t('finance.bank.includeLine', { row: line.row })} className="group flex items-center">
              <span aria-hidden className="flex size-4 items-center justify-center rounded border border-slate-400 group-data-[selected]:border-brand group-data-[selected]:bg-brand group-data-[focus-visible]:ring-2 group-data-[focus-visible]:ring-brand/40">
                <Check size={12} className="hidden text-white group-data-[selected]:block" />
              </span>
            </Checkbox>
            <MemberPicker label={t('finance.bank.memberOfLine', { row: line.row })} selected={choice.memberId} seed={seedOf(line)} onChange={(memberId) => choose(line, { memberId, include: Boolean(memberId) })} />
          </div>
        );
      },
    }),
  ];

  return (
    <Page title={data.filename ?? t('finance.bank.importTitle', { at: formatMoment(data.createdAt, locale) })} actions={<Link to="/finance/bank-imports">{t('finance.bank.imports')}</Link>}>
      <DetailList
        items={[
          { term: t('finance.bank.importedAt'), value: formatMoment(data.createdAt, locale) },
          { term: t('finance.bank.lines'), value: String(data.summary.lines) },
          { term: t('finance.bank.credits'), value: `${data.summary.credits} (${money(data.summary.creditTotal)})` },
          { term: t('finance.bank.debits'), value: `${data.summary.debits} (${money(data.summary.debitTotal)})` },
          { term: t('finance.bank.proposed'), value: String(data.summary.proposed) },
          { term: t('finance.bank.matched'), value: String(data.summary.matched) },
          { term: t('finance.bank.duplicates'), value: String(data.summary.duplicates) },
        ]}
      />
      {result ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t('finance.bank.recorded', { count: result.results.filter((r) => r.created).length })}
        </p>
      ) : null}
      <Section
        title={t('finance.bank.review')}
        actions={
          canConfirm && open.length > 0 ? (
            <ConfirmAction
              label={t('finance.bank.confirm')}
              variant="primary"
              isDisabled={chosen.length === 0}
              title={t('finance.bank.confirmTitle', { count: chosen.length })}
              description={t('finance.bank.confirmText', { count: chosen.length, amount: money(chosen.reduce((sum, l) => sum + l.amount, 0)) })}
              run={(headers) => api.POST('/api/v1/finance/bank-imports/{id}/confirm', { params: { path: { id: data.id } }, headers, body })}
              onDone={(answer) => {
                setResult(answer as Confirmed);
                setChoices({});
                void queries.invalidateQueries({ queryKey: ['finance', 'bank-imports'] });
                void queries.invalidateQueries({ queryKey: ['finance', 'payments'] });
                void queries.invalidateQueries({ queryKey: ['finance', 'charges'] });
                void queries.invalidateQueries({ queryKey: ['balance'] });
              }}
            />
          ) : null
        }
      >
        <p className="text-sm text-slate-600">{t('finance.bank.reviewText', { open: open.length, chosen: chosen.length })}</p>
        <DataTable<Line> label={t('finance.bank.review')} columns={columns} rows={data.lines} isLoading={false} error={null} pager={{ first: null, next: null }} />
      </Section>
    </Page>
  );
}
