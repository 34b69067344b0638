import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Page } from '../../ui/Page.js';
import { rolesApi } from './api.js';
import { RoleForm } from './RoleForm.js';

export function NewRole() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  return (
    <Page title={t('roles.new')} actions={<Link to="/roles">{t('nav.roles')}</Link>}>
      <RoleForm
        send={(body, headers) => rolesApi(api).create(body, headers)}
        onDone={(role) => {
          void queries.invalidateQueries({ queryKey: ['roles'] });
          void navigate({ to: '/roles/$roleId', params: { roleId: role.id } });
        }}
      />
    </Page>
  );
}
