import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { CheckboxGroupInput } from '../../modules/users/CheckboxGroupInput.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { SecretPanel } from '../../ui/SecretPanel.js';
import { useEventTypes } from './event-types.js';
import { eventOptions } from './types.js';

interface Values {
  url: string;
  description: string;
  events: string[];
}

export function NewWebhook() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const catalogue = useEventTypes();
  // The secret is answered once, by the creation: it lives in this page's state only.
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { url: '', description: '', events: ['invoice.*'] } });
  const submit = onSubmit(
    (v) => api.POST('/control/v1/webhooks/endpoints', { body: { url: v.url.trim(), description: v.description.trim(), events: v.events } }),
    (endpoint) => {
      void queries.invalidateQueries({ queryKey: ['operator-webhooks'] });
      setCreated({ id: endpoint.id, secret: endpoint.secret });
    },
  );
  const open = (id: string) => void navigate({ to: '/webhooks/$endpointId', params: { endpointId: id } });
  if (created) {
    return (
      <Page title={t('webhooks.created')}>
        <SecretPanel secret={created.secret} onDismiss={() => open(created.id)} dismissLabel={t('webhooks.secret.stored')} />
      </Page>
    );
  }
  return (
    <Page title={t('webhooks.new')} actions={<Link to="/webhooks">{t('webhooks.console.title')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="url" label={t('webhooks.url')} autoComplete="off" rules={{ required: t('form.required') }} description={t('webhooks.url.help')} />
        <TextInput control={form.control} name="description" label={t('webhooks.description')} autoComplete="off" />
        <CheckboxGroupInput control={form.control} name="events" label={t('webhooks.events')} rules={{ validate: (v) => (Array.isArray(v) && v.length > 0) || t('webhooks.eventsRequired') }} options={eventOptions(catalogue, [], t)} />
      </ApiForm>
    </Page>
  );
}
