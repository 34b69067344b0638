import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { CheckboxGroupInput } from './CheckboxGroupInput.js';
import { userRoute } from './routes.js';
import type { User } from './types.js';
import { useRoles } from './useRoles.js';
import { formatTimestamp } from '../../ui/dates.js';

function RolesForm({ user }: { user: User }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const roles = useRoles();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm<{ roles: string[] }>({ defaultValues: { roles: user.roles } });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { roles: v.roles } });
    },
    (next) => {
      queries.setQueryData(['user', user.id], next);
      void queries.invalidateQueries({ queryKey: ['users'] });
      form.reset({ roles: next.roles });
      setSaved(true);
    },
  );
  return (
    <Section title={t('users.roles')}>
      {saved ? <p role="status" className="text-sm text-green-800">{t('users.rolesSaved')}</p> : null}
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <CheckboxGroupInput
          control={form.control}
          name="roles"
          label={t('users.roles')}
          rules={{ validate: (v) => (Array.isArray(v) && v.length > 0) || t('users.rolesRequired') }}
          options={(roles.data ?? []).map((r) => ({ id: r.key, label: r.name, description: r.description }))}
        />
      </ApiForm>
    </Section>
  );
}

function Actions({ user }: { user: User }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [sent, setSent] = useState<string | null>(null);
  const disabled = user.status === 'disabled';
  const onChanged = (data: unknown) => {
    queries.setQueryData(['user', user.id], data);
    void queries.invalidateQueries({ queryKey: ['users'] });
  };
  return (
    <Section title={t('users.access')}>
      {sent ? <p role="status" className="text-sm text-green-800">{sent}</p> : null}
      <div className="flex flex-wrap gap-2">
        {disabled ? (
          <ConfirmAction
            label={t('users.enable')}
            title={t('users.enable.title', { name: user.name })}
            description={t('users.enable.description')}
            run={(headers) => api.PATCH('/api/v1/users/{id}', { headers, params: { path: { id: user.id } }, body: { status: 'active' } })}
            onDone={onChanged}
          />
        ) : (
          <ConfirmAction
            label={t('users.disable')}
            title={t('users.disable.title', { name: user.name })}
            description={t('users.disable.description')}
            variant="danger"
            run={(headers) => api.PATCH('/api/v1/users/{id}', { headers, params: { path: { id: user.id } }, body: { status: 'disabled' } })}
            onDone={onChanged}
          />
        )}
        {user.lastLoginAt === null && !disabled ? (
          <ConfirmAction
            label={t('users.resend')}
            title={t('users.resend.title')}
            description={t('users.resend.description', { email: user.email })}
            run={(headers) => api.POST('/api/v1/users/{id}/invitation', { headers, params: { path: { id: user.id } } })}
            onDone={() => setSent(t('users.resent', { email: user.email }))}
          />
        ) : null}
      </div>
    </Section>
  );
}

export function UserPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const roles = useRoles();
  const { userId } = userRoute.useParams();
  const user = useQuery({ queryKey: ['user', userId], queryFn: async () => unwrap(await api.GET('/api/v1/users/{id}', { params: { path: { id: userId } } })) });
  if (user.error) return <Page title={t('page.notFound')}>{user.error instanceof ApiError ? user.error.problem.detail : t('list.failed')}</Page>;
  const u = user.data;
  if (!u) return <Page title={t('list.loading')}>{null}</Page>;
  const canWrite = may(me.data, 'core', 'users.write');
  const when = (at: string | null) => (at ? formatTimestamp(at, locale) : t('users.never'));
  return (
    <Page title={u.name} actions={<Link to="/users">{t('nav.users')}</Link>}>
      <Section title={t('users.details')}>
        <DetailList
          items={[
            { term: t('users.email'), value: u.email },
            { term: t('users.status'), value: t(u.status === 'disabled' ? 'users.status.disabled' : 'users.status.active') },
            { term: t('users.roles'), value: u.roles.map((k) => roles.data?.find((r) => r.key === k)?.name ?? k).join(', ') },
            { term: t('users.member'), value: u.memberId ? <Link to="/members/$memberId" params={{ memberId: u.memberId }} className="text-brand underline">{t('users.memberLink')}</Link> : null },
            { term: t('users.lastLoginAt'), value: when(u.lastLoginAt) },
            { term: t('users.createdAt'), value: when(u.createdAt) },
          ]}
        />
      </Section>
      {canWrite ? (
        <>
          <RolesForm key={u.roles.join()} user={u} />
          <Actions user={u} />
        </>
      ) : null}
    </Page>
  );
}
