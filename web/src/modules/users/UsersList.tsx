import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { may, useMe } from '../../workspace/me.js';
import { usersRoute } from './routes.js';
import type { User } from './types.js';
import { useRoles } from './useRoles.js';
import { formatTimestamp } from '../../ui/dates.js';

const column = createColumnHelper<User>();

export function UsersList() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const roles = useRoles();
  const search = usersRoute.useSearch();
  const navigate = useNavigate();
  const users = useQuery({
    queryKey: ['users', { q: search.q, cursor: search.cursor }],
    queryFn: async () => unwrap(await api.GET('/api/v1/users', { params: { query: { limit: 200, q: search.q, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const onSearch = useCallback((q: string) => void navigate({ to: '/users', search: { q: q || undefined }, replace: true }), [navigate]);
  const roleName = (key: string) => roles.data?.find((r) => r.key === key)?.name ?? key;
  const columns = [
    column.accessor('name', {
      header: t('users.name'),
      cell: (c) => (
        <Link to="/users/$userId" params={{ userId: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('email', { header: t('users.email') }),
    column.accessor('roles', { header: t('users.roles'), cell: (c) => c.getValue().map(roleName).join(', ') }),
    column.accessor('status', { header: t('users.status'), cell: (c) => t(c.getValue() === 'disabled' ? 'users.status.disabled' : 'users.status.active') }),
    column.accessor('lastLoginAt', { header: t('users.lastLoginAt'), cell: (c) => (c.getValue() ? formatTimestamp(c.getValue()!, locale) : t('users.never')) }),
  ];
  const next = users.data?.nextCursor;
  return (
    <Page title={t('nav.users')} actions={may(me.data, 'core', 'users.write') ? <Link to="/users/new" className={buttonLink}>{t('users.new')}</Link> : null}>
      <SearchBox value={search.q ?? ''} onSearch={onSearch} />
      <DataTable<User>
        label={t('nav.users')}
        columns={columns}
        rows={users.data?.data ?? []}
        isLoading={users.isLoading}
        error={users.error instanceof ApiError ? users.error.problem.detail : users.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/users" search={{ q: search.q }}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/users" search={{ q: search.q, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
