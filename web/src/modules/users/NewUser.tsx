import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { CheckboxGroupInput } from './CheckboxGroupInput.js';
import { useRoles } from './useRoles.js';

interface Values {
  email: string;
  name: string;
  roles: string[];
}

/** A new user is invited: created without a password, sent an e-mail with a link to choose one. */
export function NewUser() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const roles = useRoles();
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { email: '', name: '', roles: ['staff'] }, idempotent: true });
  const submit = onSubmit(
    (v, headers) => api.POST('/api/v1/users', { headers, body: { email: v.email.trim(), name: v.name.trim(), roles: v.roles } }),
    (user) => {
      void queries.invalidateQueries({ queryKey: ['users'] });
      void navigate({ to: '/users/$userId', params: { userId: user.id } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <Page title={t('users.new')} actions={<Link to="/users">{t('nav.users')}</Link>}>
      <p className="max-w-prose text-sm text-slate-600">{t('users.new.text')}</p>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="email" type="email" label={t('users.email')} autoComplete="off" rules={required} />
        <TextInput control={form.control} name="name" label={t('users.name')} autoComplete="off" rules={required} />
        <CheckboxGroupInput
          control={form.control}
          name="roles"
          label={t('users.roles')}
          rules={{ validate: (v) => (Array.isArray(v) && v.length > 0) || t('users.rolesRequired') }}
          options={(roles.data ?? []).map((r) => ({ id: r.key, label: r.name, description: r.description }))}
        />
      </ApiForm>
    </Page>
  );
}
