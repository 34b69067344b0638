import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { rolesApi, useCatalogue, type Role } from './api.js';
import { shownRole } from './system-roles.js';
import { roleRoute } from './routes.js';
import { RoleForm } from './RoleForm.js';

/** What a role grants and hides, as a list: a system role's whole page, since it cannot be changed. */
function RoleDetails({ role }: { role: Role }) {
  const t = useT();
  const catalogue = useCatalogue();
  const describe = (key: string) => catalogue.data?.data.find((p) => p.key === key)?.description ?? key;
  const hidden = Object.entries(role.fieldRestrictions).flatMap(([resource, r]) => r.hidden.map((f) => `${resource}: ${f}`));
  return (
    <Section title={t('roles.details')}>
      <DetailList
        items={[
          { term: t('roles.key'), value: <code className="text-xs">{role.key}</code> },
          { term: t('roles.kind'), value: t(role.system ? 'roles.kind.system' : 'roles.kind.custom') },
          { term: t('roles.description'), value: role.description || null },
          { term: t('roles.permissions'), value: <ul className="list-disc pl-5">{role.permissions.map((p) => <li key={p}>{describe(p)} <code className="text-xs">{p}</code></li>)}</ul> },
          { term: t('roles.hiddenFields'), value: hidden.length ? hidden.join(', ') : t('roles.hiddenFields.none') },
        ]}
      />
    </Section>
  );
}

export function RolePage() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { roleId } = roleRoute.useParams();
  const role = useQuery({ queryKey: ['role', roleId], queryFn: () => rolesApi(api).get(roleId) });
  if (role.error) return <Page title={t('page.notFound')}>{role.error instanceof ApiError ? role.error.problem.detail : t('list.failed')}</Page>;
  const r = role.data && shownRole(role.data, t);
  if (!r) return <Page title={t('list.loading')}>{null}</Page>;
  const canWrite = !r.system && may(me.data, 'core', 'roles.write');
  return (
    <Page title={r.name} actions={<Link to="/roles">{t('nav.roles')}</Link>}>
      {r.system ? <p className="max-w-prose text-sm text-slate-600">{t('roles.system.text')}</p> : null}
      <RoleDetails role={r} />
      {canWrite ? (
        <>
          <Section title={t('roles.edit')}>
            {saved ? <p role="status" className="text-sm text-green-800">{t('roles.saved')}</p> : null}
            <RoleForm
              key={r.id + r.permissions.join() + JSON.stringify(r.fieldRestrictions)}
              role={r}
              send={(body) => {
                setSaved(false);
                const { key: _key, ...rest } = body;
                return rolesApi(api).update(r.id, rest);
              }}
              onDone={(next) => {
                queries.setQueryData(['role', r.id], next);
                void queries.invalidateQueries({ queryKey: ['roles'] });
                setSaved(true);
              }}
            />
          </Section>
          <Section title={t('roles.delete.section')}>
            <ConfirmAction
              label={t('roles.delete')}
              title={t('roles.delete.title', { name: r.name })}
              description={t('roles.delete.description')}
              variant="danger"
              run={(headers) => rolesApi(api).remove(r.id, headers)}
              onDone={() => {
                void queries.invalidateQueries({ queryKey: ['roles'] });
                void navigate({ to: '/roles' });
              }}
            />
          </Section>
        </>
      ) : null}
    </Page>
  );
}
