import { useCallback, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { operations } from '@courtyard/sdk';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button, buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { saveFile } from '../../ui/download.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { statementsRoute } from './routes.js';
import type { StatementsSearch } from './search.js';
import { Filters, MemberCombo, MemberName, useFormatDate } from './shared.js';

type Statement = operations['finance.statements.list']['responses'][200]['content']['application/json']['data'][number];
const column = createColumnHelper<Statement>();

/** Downloads a statement's PDF with the session's token (a plain link could not send it). */
export function PdfButton({ statement }: { statement: Statement }) {
  const t = useT();
  const api = useApi();
  const [failed, setFailed] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        aria-label={t('finance.statement.pdfOf', { from: statement.from, to: statement.to })}
        onPress={() => {
          setFailed(false);
          saveFile(api.GET('/api/v1/finance/statements/{id}/pdf', { params: { path: { id: statement.id } }, parseAs: 'blob' }), `statement-${statement.from}_${statement.to}.pdf`).catch(() => setFailed(true));
        }}
      >
        {t('finance.statement.pdf')}
      </Button>
      {failed ? <span role="alert" className="text-sm text-red-700">{t('finance.downloadFailed')}</span> : null}
    </span>
  );
}

export function StatementsList() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const { locale } = useLocale();
  const date = useFormatDate();
  const search = statementsRoute.useSearch();
  const navigate = useNavigate();
  const query = { limit: 50, cursor: search.cursor, memberId: search.memberId };
  const statements = useQuery({
    queryKey: ['finance', 'statements', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/statements', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const setSearch = useCallback((change: Partial<StatementsSearch>) => void navigate({ to: '/finance/statements', search: (prev: StatementsSearch) => ({ ...prev, cursor: undefined, ...change }), replace: true }), [navigate]);
  const columns = [
    column.accessor('memberId', { header: t('finance.member'), cell: (c) => <MemberName memberId={c.getValue()} /> }),
    column.accessor((s) => `${s.from} ${s.to}`, { id: 'period', header: t('finance.period'), cell: (c) => `${date(c.row.original.from)} – ${date(c.row.original.to)}` }),
    column.accessor('summary', {
      header: t('finance.statement.closing'),
      cell: (c) =>
        c
          .getValue()
          .map((s) => formatMoney({ amount: s.closing, currency: s.currency }, locale))
          .join(', ') || '—',
    }),
    column.accessor('generatedAt', { header: t('finance.statement.generatedAt'), cell: (c) => date(c.getValue()) }),
    column.display({ id: 'pdf', header: t('finance.statement.file'), cell: (c) => <PdfButton statement={c.row.original} /> }),
  ];
  const next = statements.data?.nextCursor;
  return (
    <Page title={t('finance.statements')} actions={may(me.data, 'finance', 'finance.write') ? <Link to="/finance/statements/new" className={buttonLink}>{t('finance.statements.new')}</Link> : null}>
      <Filters label={t('finance.filters')}>
        <MemberCombo className="block w-64" label={t('finance.member')} value={search.memberId ?? null} onChange={(memberId) => setSearch({ memberId: memberId ?? undefined })} />
      </Filters>
      <DataTable<Statement>
        label={t('finance.statements')}
        columns={columns}
        rows={statements.data?.data ?? []}
        isLoading={statements.isLoading}
        error={statements.error instanceof ApiError ? statements.error.problem.detail : statements.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/finance/statements" search={{ memberId: search.memberId }}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/finance/statements" search={{ memberId: search.memberId, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
