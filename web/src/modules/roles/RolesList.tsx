import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { rolesApi, type ListedRole } from './api.js';
import { shownRole } from './system-roles.js';

const column = createColumnHelper<ListedRole>();

/** The tenant's roles: the system ones first (read-only), then the custom ones. */
export function RolesList() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const roles = useQuery({ queryKey: ['roles'], queryFn: async () => (await rolesApi(api).list()).data, select: (data) => data.map((r) => shownRole(r, t)) });
  const columns = [
    column.accessor('name', {
      header: t('roles.name'),
      cell: (c) => (
        <Link to="/roles/$roleId" params={{ roleId: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('key', { header: t('roles.key'), cell: (c) => <code className="text-xs">{c.getValue()}</code> }),
    column.accessor('system', { header: t('roles.kind'), cell: (c) => t(c.getValue() ? 'roles.kind.system' : 'roles.kind.custom') }),
    column.accessor('permissions', { header: t('roles.permissions'), cell: (c) => String(c.getValue().length) }),
    column.accessor('users', { header: t('roles.users'), cell: (c) => String(c.getValue() ?? 0) }),
  ];
  return (
    <Page title={t('nav.roles')} actions={may(me.data, 'core', 'roles.write') ? <Link to="/roles/new" className={buttonLink}>{t('roles.new')}</Link> : null}>
      <DataTable<ListedRole>
        label={t('nav.roles')}
        columns={columns}
        rows={roles.data ?? []}
        isLoading={roles.isLoading}
        error={roles.error instanceof ApiError ? roles.error.problem.detail : roles.error ? t('list.failed') : null}
        pager={{ first: null, next: null }}
      />
    </Page>
  );
}
