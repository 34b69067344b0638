import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { FormattedDate } from 'react-intl';
import type { operations } from '@courtyard/sdk';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { inputStyle } from '../../ui/field-styles.js';
import { Page } from '../../ui/Page.js';
import { VerifyChain, type ChainCheck } from '../../ui/VerifyChain.js';
import { auditRoute } from './routes.js';
import { auditQuery, type AuditSearch } from './search.js';

type Entry = operations['audit.list']['responses'][200]['content']['application/json']['data'][number];
const column = createColumnHelper<Entry>();

/** Actions the workspace records (docs/audit.md), offered as the Action field's suggestions. */
const ACTIONS = [
  'auth.*', 'auth.sign_in.succeeded', 'auth.sign_in.failed', 'auth.signed_out', 'auth.password_reset.requested', 'auth.password_reset.confirmed',
  'account.*', 'account.password_changed', 'account.password_change_failed', 'account.session_ended',
  'user.*', 'user.created', 'user.invited', 'user.invitation_accepted', 'user.roles_changed', 'user.disabled', 'user.enabled', 'user.password_set',
  'finance.*', 'finance.charge.voided', 'finance.charge.written_off', 'finance.payment.refunded', 'finance.journal.reversed', 'finance.provider.keys_set',
  'export.*', 'export.csv', 'export.statement_pdf',
];

const FIELDS = ['action', 'actor', 'targetType', 'targetId', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
type Filters = Pick<AuditSearch, Field>;

/** The filters: typed, then applied together (into the URL) with the button or Enter. */
function FilterForm({ search, onApply }: { search: AuditSearch; onApply: (filters: Filters) => void }) {
  const t = useT();
  const current = Object.fromEntries(FIELDS.map((f) => [f, search[f] ?? ''])) as Record<Field, string>;
  const [values, setValues] = useState(current);
  // The URL changed under the form (back, a link): show its filters.
  const [shown, setShown] = useState(current);
  if (FIELDS.some((f) => current[f] !== shown[f])) {
    setShown(current);
    setValues(current);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() || undefined])) as Filters);
  };
  const field = (name: Field, type: 'text' | 'date', list?: string) => (
    <label className="block text-sm font-medium text-slate-700">
      {t(`audit.log.${name}`)}
      <input type={type} name={name} value={values[name]} list={list} onChange={(e) => setValues({ ...values, [name]: e.target.value })} className={inputStyle} />
    </label>
  );
  return (
    <form onSubmit={submit} aria-label={t('audit.log.filters')} className="grid max-w-5xl gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
      {field('action', 'text', 'audit-actions')}
      <datalist id="audit-actions">
        {ACTIONS.map((a) => <option key={a} value={a} />)}
      </datalist>
      {field('actor', 'text')}
      {field('targetType', 'text')}
      {field('targetId', 'text')}
      {field('from', 'date')}
      {field('to', 'date')}
      <p className="text-xs text-slate-600 sm:col-span-3 lg:col-span-6">{t('audit.log.action.help')}</p>
      <div className="flex items-center gap-3 sm:col-span-3 lg:col-span-6">
        <Button type="submit">{t('audit.log.apply')}</Button>
        <Link to="/audit" className="text-sm text-brand underline-offset-2 hover:underline">{t('audit.log.clear')}</Link>
      </div>
    </form>
  );
}

const KINDS = { user: 'audit.log.kind.user', api_key: 'audit.log.kind.api_key', system: 'audit.log.kind.system', anonymous: 'audit.log.kind.anonymous' } as const;

/**
 * A user or an API key by its name as it is now (its id in a tooltip), looked up once per id
 * while the page is open; by type and id when the reader may not see it or it is gone.
 */
function Named({ type, id }: { type: string; id: string | null }) {
  const t = useT();
  const api = useApi();
  const named = id !== null && (type === 'user' || type === 'api_key');
  const name = useQuery({
    queryKey: ['audit-name', type, id],
    enabled: named,
    staleTime: 5 * 60_000,
    retry: false,
    queryFn: async () =>
      type === 'user'
        ? unwrap(await api.GET('/api/v1/users/{id}', { params: { path: { id: id! } } })).name
        : unwrap(await api.GET('/api/v1/api-keys/{id}', { params: { path: { id: id! } } })).name,
  });
  const kind = type in KINDS ? t(KINDS[type as keyof typeof KINDS]) : type;
  if (name.data) return <span title={id ?? undefined}>{kind} <span className="font-medium">{name.data}</span></span>;
  return <span>{kind}{id ? <> <code className="text-xs break-all">{id}</code></> : null}</span>;
}

/** The tenant's audit log, newest first: the filters and the page's cursor in the URL. */
export function AuditLog() {
  const t = useT();
  const api = useApi();
  const search = auditRoute.useSearch();
  const navigate = useNavigate();
  const entries = useQuery({
    queryKey: ['audit', search],
    queryFn: async () => unwrap(await api.GET('/api/v1/audit', { params: { query: auditQuery(search) } })),
    placeholderData: keepPreviousData,
  });
  const { cursor: _cursor, ...kept } = search;
  const columns = [
    column.accessor('at', { header: t('audit.log.at'), cell: (c) => <FormattedDate value={c.getValue()} dateStyle="medium" timeStyle="medium" /> }),
    column.accessor('actor', { header: t('audit.log.actorColumn'), cell: (c) => <Named {...c.getValue()} /> }),
    column.accessor('action', { header: t('audit.log.actionColumn') }),
    column.accessor('target', { header: t('audit.log.target'), cell: (c) => (c.getValue() ? <Named {...c.getValue()!} /> : '—') }),
    column.accessor('details', {
      header: t('audit.log.details'),
      cell: (c) => (Object.keys(c.getValue()).length === 0 ? '—' : <code className="text-xs break-all">{JSON.stringify(c.getValue())}</code>),
    }),
    column.accessor('ip', { header: t('audit.log.from.column'), cell: (c) => c.getValue() ?? '—' }),
  ];
  const verify = async (): Promise<ChainCheck> => {
    const check = unwrap(await api.GET('/api/v1/audit/verify'));
    return check.valid ? { valid: true, entries: check.entries } : { valid: false, entries: check.entries, brokenAt: check.firstBrokenId ?? '' };
  };
  const next = entries.data?.nextCursor;
  return (
    <Page title={t('audit.log.title')} actions={<VerifyChain check={verify} />}>
      <FilterForm search={search} onApply={(f) => void navigate({ to: '/audit', search: f })} />
      <DataTable<Entry>
        label={t('audit.log.title')}
        columns={columns}
        rows={entries.data?.data ?? []}
        isLoading={entries.isLoading}
        error={entries.error instanceof ApiError ? entries.error.problem.detail : entries.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/audit" search={kept}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/audit" search={{ ...kept, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
