import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { emptyProperty, PropertyFields, propertyBody, type PropertyValues } from './PropertyFields.js';
import { newPropertyRoute } from './routes.js';

/** A new property: at the top level, or inside the one named by `?parentId=` (a block of an estate). */
export function NewProperty() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { parentId } = newPropertyRoute.useSearch();
  const parent = useQuery({
    queryKey: ['property', parentId],
    enabled: Boolean(parentId),
    queryFn: async () => unwrap(await api.GET('/api/v1/properties/{id}', { params: { path: { id: parentId! } } })),
  });
  const { form, formError, onSubmit } = useApiForm<PropertyValues>({ defaultValues: emptyProperty, idempotent: true });
  const submit = onSubmit(
    (v, headers) => api.POST('/api/v1/properties', { headers, body: { ...propertyBody(v), ...(parentId ? { parentId } : {}) } }),
    (property) => {
      void queries.invalidateQueries({ queryKey: ['properties'] });
      void navigate({ to: '/properties/$propertyId', params: { propertyId: property.id }, search: {} });
    },
  );
  return (
    <Page title={t('properties.new')} actions={<Link to="/properties" search={{}}>{t('nav.properties')}</Link>}>
      {parent.data ? <p className="text-sm text-slate-700">{t('properties.inside', { name: parent.data.name })}</p> : null}
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <PropertyFields control={form.control} />
      </ApiForm>
    </Page>
  );
}
