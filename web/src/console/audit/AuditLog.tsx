import { useCallback, useState, type FormEvent } from 'react';
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
import { Page } from '../../ui/Page.js';
import { VerifyChain, type ChainCheck } from '../../ui/VerifyChain.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { auditRoute } from './routes.js';
import { auditQuery, type AuditSearch } from './search.js';
import { inputStyle } from '../../ui/field-styles.js';

type Entry = operations['control.audit.list']['responses'][200]['content']['application/json']['data'][number];
const column = createColumnHelper<Entry>();

/** Actions the control plane records (src/control), offered as the Action field's suggestions. */
const ACTIONS = [
  'plan.created', 'plan.updated', 'plan.module_offered', 'tenant.created', 'tenant.provisioned', 'tenant.provisioning_failed', 'tenant.updated',
  'tenant.suspended', 'tenant.resumed', 'tenant.archived', 'tenant.branding_set', 'tenant.regional_set', 'licence.issued', 'licence.renewed', 'domain.added', 'domain.removed',
  'platform_user.bootstrapped', 'platform_user.signed_in',
];

type Filters = Pick<AuditSearch, 'actor' | 'action' | 'tenant' | 'from' | 'to'>;
const FIELDS = ['action', 'actor', 'tenant', 'from', 'to'] as const;

/** The filters: typed, then applied together (into the URL) with the button or Enter. */
function FilterForm({ search, onApply }: { search: AuditSearch; onApply: (filters: Filters) => void }) {
  const t = useT();
  const current = Object.fromEntries(FIELDS.map((f) => [f, search[f] ?? ''])) as Record<(typeof FIELDS)[number], string>;
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
  const field = (name: (typeof FIELDS)[number], type: 'text' | 'date', extra: { list?: string; help?: string } = {}) => (
    <label className="block text-sm font-medium text-slate-700">
      {t(`audit.${name}`)}
      <input type={type} name={name} value={values[name]} list={extra.list} onChange={(e) => setValues({ ...values, [name]: e.target.value })} className={inputStyle} />
    </label>
  );
  return (
    <form onSubmit={submit} aria-label={t('audit.filters')} className="grid max-w-4xl gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-5">
      {field('action', 'text', { list: 'audit-actions' })}
      <datalist id="audit-actions">
        {ACTIONS.map((a) => <option key={a} value={a} />)}
      </datalist>
      {field('actor', 'text')}
      {field('tenant', 'text')}
      {field('from', 'date')}
      {field('to', 'date')}
      <div className="flex items-center gap-3 sm:col-span-3 lg:col-span-5">
        <Button type="submit">{t('audit.apply')}</Button>
        <Link to="/audit" search={{ q: search.q }} className="text-sm text-brand underline-offset-2 hover:underline">{t('audit.clear')}</Link>
      </div>
    </form>
  );
}

/** The control plane's audit log, newest first: search, filters and the page's cursor in the URL. */
export function AuditLog() {
  const t = useT();
  const api = useApi();
  const search = auditRoute.useSearch();
  const navigate = useNavigate();
  const entries = useQuery({
    queryKey: ['audit', search],
    queryFn: async () => unwrap(await api.GET('/control/v1/audit', { params: { query: auditQuery(search) } })),
    placeholderData: keepPreviousData,
  });
  const { cursor: _cursor, ...kept } = search;
  const filters: Filters = { actor: search.actor, action: search.action, tenant: search.tenant, from: search.from, to: search.to };
  const q = search.q;
  const onSearch = useCallback((text: string) => void navigate({ to: '/audit', search: { ...filters, q: text || undefined }, replace: true }),
    // The filters are plain strings: depend on them, not on the object made each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [navigate, filters.actor, filters.action, filters.tenant, filters.from, filters.to]);
  const columns = [
    column.accessor('at', { header: t('audit.at'), cell: (c) => <FormattedDate value={c.getValue()} dateStyle="medium" timeStyle="medium" /> }),
    column.accessor('actor', { header: t('audit.actorColumn') }),
    column.accessor('action', { header: t('audit.actionColumn') }),
    column.accessor('target', { header: t('audit.target'), cell: (c) => c.getValue() ?? '—' }),
    column.accessor('data', {
      header: t('audit.data'),
      cell: (c) => (Object.keys(c.getValue()).length === 0 ? '—' : <code className="text-xs break-all">{JSON.stringify(c.getValue())}</code>),
    }),
  ];
  const verify = async (): Promise<ChainCheck> => {
    const check = unwrap(await api.GET('/control/v1/audit/verify'));
    return check.valid ? { valid: true, entries: check.entries } : { valid: false, entries: check.entries, brokenAt: String(check.firstBrokenSeq ?? '') };
  };
  const next = entries.data?.nextCursor;
  return (
    <Page title={t('console.nav.audit')} actions={<VerifyChain check={verify} />}>
      <SearchBox value={q ?? ''} onSearch={onSearch} />
      <FilterForm search={search} onApply={(f) => void navigate({ to: '/audit', search: { q, ...f } })} />
      <DataTable<Entry>
        label={t('console.nav.audit')}
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
