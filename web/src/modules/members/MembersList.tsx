import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { hides, may, useMe } from '../../workspace/me.js';
import { membersRoute } from './routes.js';
import { FilterSelect } from './FilterSelect.js';
import { MEMBER_SORTS, MEMBER_STATUSES, MEMBER_TYPES, sortLabel, statusLabel, typeLabel, type Member, type MembersSearch } from './types.js';

const column = createColumnHelper<Member>();

export function MembersList() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const search = membersRoute.useSearch();
  const navigate = useNavigate();
  const members = useQuery({
    queryKey: ['members', search],
    queryFn: async () => unwrap(await api.GET('/api/v1/members', { params: { query: { limit: 50, q: search.q, cursor: search.cursor, type: search.type, status: search.status, sort: search.sort } } })),
    placeholderData: keepPreviousData,
  });
  // A new search, filter or sort starts again at the first page.
  const { cursor: _cursor, ...current } = search;
  const change = (next: Partial<MembersSearch>) => void navigate({ to: '/members', search: { ...current, ...next }, replace: true });
  const onSearch = useCallback((q: string) => void navigate({ to: '/members', search: (prev: MembersSearch) => ({ ...prev, cursor: undefined, q: q || undefined }), replace: true }), [navigate]);
  const columns = [
    column.accessor((m) => `${m.firstName} ${m.lastName}`, {
      id: 'name',
      header: t('members.name'),
      cell: (c) => (
        <Link to="/members/$memberId" params={{ memberId: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    ...(hides(me.data, 'members', 'email') ? [] : [column.accessor('email', { header: t('members.email'), cell: (c) => c.getValue() ?? '' })]),
    column.accessor('type', { header: t('members.type'), cell: (c) => t(typeLabel(c.getValue())) }),
    column.accessor('status', { header: t('members.status'), cell: (c) => t(statusLabel(c.getValue())) }),
  ];
  const next = members.data?.nextCursor;
  const canCreate = may(me.data, 'members', 'members.write');
  return (
    <Page title={t('nav.members')} actions={canCreate ? <Link to="/members/new" className={buttonLink}>{t('members.new')}</Link> : null}>
      <div className="flex flex-wrap items-end gap-4">
        <SearchBox value={search.q ?? ''} onSearch={onSearch} />
        <FilterSelect label={t('members.type')} anyLabel={t('members.any')} value={search.type} options={MEMBER_TYPES.map((m) => ({ id: m.id, label: t(m.label) }))} onChange={(type) => change({ type })} />
        <FilterSelect label={t('members.status')} anyLabel={t('members.any')} value={search.status} options={MEMBER_STATUSES.map((s) => ({ id: s, label: t(statusLabel(s)) }))} onChange={(status) => change({ status })} />
        <FilterSelect label={t('members.sort')} anyLabel={t('members.sort.default')} value={search.sort} options={MEMBER_SORTS.map((s) => ({ id: s, label: t(sortLabel(s)) }))} onChange={(sort) => change({ sort })} />
      </div>
      <DataTable<Member>
        label={t('nav.members')}
        columns={columns}
        rows={members.data?.data ?? []}
        isLoading={members.isLoading}
        error={members.error instanceof ApiError ? members.error.problem.detail : members.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/members" search={current}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/members" search={{ ...current, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
