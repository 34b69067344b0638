import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import type { SsoProvider } from '../../api/sso.js';
import { useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { CheckboxInput, TextAreaInput } from '../../ui/more-fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { ssoSettingsRoute } from './routes.js';
import { bodyOf, emptySsoForm, formOf, type SsoFormValues } from './sso-form.js';

const column = createColumnHelper<SsoProvider>();

/** The add or edit form of one provider; the client secret is write-only (empty keeps it). */
function ProviderForm({ provider, onDone }: { provider: SsoProvider | null; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const { form, formError, onSubmit } = useApiForm<SsoFormValues>({ defaultValues: provider ? formOf(provider) : emptySsoForm });
  const required = { required: t('form.required') };
  const submit = onSubmit(
    (v) => (provider ? api.PATCH('/api/v1/sso/providers/{id}', { params: { path: { id: provider.id } }, body: bodyOf(v) }) : api.POST('/api/v1/sso/providers', { body: { ...bodyOf(v), clientSecret: v.clientSecret } })),
    () => {
      void queries.invalidateQueries({ queryKey: ['sso', 'providers'] });
      onDone();
    },
  );
  return (
    <Section title={provider ? t('settings.sso.edit', { name: provider.name }) : t('settings.sso.add')}>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="name" label={t('settings.sso.name')} autoComplete="off" rules={required} description={t('settings.sso.name.help')} />
        <TextInput control={form.control} name="issuer" label={t('settings.sso.issuer')} autoComplete="off" rules={required} description={t('settings.sso.issuer.help')} />
        <TextInput control={form.control} name="clientId" label={t('settings.sso.clientId')} autoComplete="off" rules={required} />
        <TextInput control={form.control} name="clientSecret" type="password" label={t('settings.sso.clientSecret')} autoComplete="new-password" rules={provider ? undefined : required} description={provider ? t('settings.sso.clientSecret.keep') : t('settings.sso.clientSecret.help')} />
        <TextInput control={form.control} name="scopes" label={t('settings.sso.scopes')} autoComplete="off" description={t('settings.sso.scopes.help')} />
        <TextInput control={form.control} name="emailDomains" label={t('settings.sso.emailDomains')} autoComplete="off" description={t('settings.sso.emailDomains.help')} />
        <CheckboxInput control={form.control} name="required" label={t('settings.sso.required')} />
        <CheckboxInput control={form.control} name="jitProvisioning" label={t('settings.sso.jit')} />
        <TextInput control={form.control} name="roleClaim" label={t('settings.sso.roleClaim')} autoComplete="off" description={t('settings.sso.roleClaim.help')} />
        <TextAreaInput control={form.control} name="roleMapping" label={t('settings.sso.roleMapping')} description={t('settings.sso.roleMapping.help')} />
        <TextInput control={form.control} name="defaultRoles" label={t('settings.sso.defaultRoles')} autoComplete="off" description={t('settings.sso.defaultRoles.help')} />
      </ApiForm>
    </Section>
  );
}

/** Single sign-on: the tenant's OpenID Connect providers (docs/sso.md). `?edit=new|{id}` opens the form. */
export function SsoSettings() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const search = ssoSettingsRoute.useSearch();
  const navigate = ssoSettingsRoute.useNavigate();
  const providers = useQuery({ queryKey: ['sso', 'providers'], queryFn: async () => unwrap(await api.GET('/api/v1/sso/providers')) });
  const rows = providers.data?.data ?? [];
  const editing = search.edit === 'new' ? null : rows.find((p) => p.id === search.edit);
  const close = () => void navigate({ search: {}, replace: true });
  const columns = [
    column.accessor('name', { header: t('settings.sso.name'), cell: (c) => <span className="font-medium">{c.getValue()}</span> }),
    column.accessor('issuer', { header: t('settings.sso.issuer') }),
    column.accessor('emailDomains', { header: t('settings.sso.emailDomains'), cell: (c) => c.getValue().join(', ') }),
    column.accessor('required', { header: t('settings.sso.requiredShort'), cell: (c) => (c.getValue() ? t('settings.sso.yes') : t('settings.sso.no')) }),
    column.display({
      id: 'actions',
      header: t('settings.sso.actions'),
      cell: (c) => (
        <div className="flex items-center gap-3">
          <Link to="/settings/sso" search={{ edit: c.row.original.id }} className="text-sm text-brand underline" aria-label={t('settings.sso.editNamed', { name: c.row.original.name })}>
            {t('settings.sso.editShort')}
          </Link>
          <ConfirmAction
            label={t('settings.sso.remove')}
            title={t('settings.sso.remove.title')}
            description={t('settings.sso.remove.description', { name: c.row.original.name })}
            confirmLabel={t('settings.sso.removeNamed', { name: c.row.original.name })}
            variant="danger"
            run={() => api.DELETE('/api/v1/sso/providers/{id}', { params: { path: { id: c.row.original.id } } })}
            onDone={() => void queries.invalidateQueries({ queryKey: ['sso', 'providers'] })}
          />
        </div>
      ),
    }),
  ];
  return (
    <Page title={t('settings.sso.title')} actions={search.edit ? null : <Link to="/settings/sso" search={{ edit: 'new' }} className={buttonLink}>{t('settings.sso.add')}</Link>}>
      <p className="max-w-2xl text-sm text-slate-600">{t('settings.sso.text')}</p>
      {providers.data ? (
        <p className="text-sm text-slate-700">
          {t('settings.sso.redirectUri')} <code className="rounded bg-slate-100 px-1 font-mono text-xs">{providers.data.redirectUri}</code>
        </p>
      ) : null}
      <DataTable<SsoProvider>
        label={t('settings.sso.providers')}
        columns={columns}
        rows={rows}
        isLoading={providers.isLoading}
        error={providers.error instanceof ApiError ? providers.error.problem.detail : providers.error ? t('list.failed') : null}
        pager={{ first: null, next: null }}
      />
      {search.edit && (search.edit === 'new' || editing) ? <ProviderForm key={search.edit} provider={editing ?? null} onDone={close} /> : null}
    </Page>
  );
}
