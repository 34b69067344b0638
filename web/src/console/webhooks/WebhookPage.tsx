import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError, asProblem, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { SimpleTable } from '../../modules/members/SimpleTable.js';
import { CheckboxGroupInput } from '../../modules/users/CheckboxGroupInput.js';
import { Button } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { formatTimestamp } from '../../ui/dates.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { CheckboxInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { SecretPanel } from '../../ui/SecretPanel.js';
import { useEventTypes } from './event-types.js';
import { operatorWebhookRoute } from './routes.js';
import { eventOptions, secretOf, type OperatorEndpoint } from './types.js';

interface Values {
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
}

function EditForm({ endpoint }: { endpoint: OperatorEndpoint }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const catalogue = useEventTypes();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { url: endpoint.url, description: endpoint.description, events: endpoint.events, enabled: endpoint.enabled } });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/control/v1/webhooks/endpoints/{id}', { params: { path: { id: endpoint.id } }, body: { url: v.url.trim(), description: v.description.trim(), events: v.events, enabled: v.enabled } });
    },
    (next) => {
      queries.setQueryData(['operator-webhook', endpoint.id], next);
      void queries.invalidateQueries({ queryKey: ['operator-webhooks'] });
      setSaved(true);
    },
  );
  return (
    <Section title={t('webhooks.edit')}>
      {saved ? <p role="status" className="text-sm text-green-800">{t('webhooks.saved')}</p> : null}
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="url" label={t('webhooks.url')} autoComplete="off" rules={{ required: t('form.required') }} />
        <TextInput control={form.control} name="description" label={t('webhooks.description')} autoComplete="off" />
        <CheckboxGroupInput control={form.control} name="events" label={t('webhooks.events')} rules={{ validate: (v) => (Array.isArray(v) && v.length > 0) || t('webhooks.eventsRequired') }} options={eventOptions(catalogue, endpoint.events, t)} />
        <CheckboxInput control={form.control} name="enabled" label={t('webhooks.enabledField')} />
      </ApiForm>
    </Section>
  );
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const queries = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const deliveries = useQuery({ queryKey: ['operator-webhook-deliveries', endpointId], queryFn: async () => unwrap(await api.GET('/control/v1/webhooks/endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query: { limit: 50 } } })) });
  async function redeliver(id: string) {
    setError(null);
    try {
      const answer = await api.POST('/control/v1/webhooks/deliveries/{id}/redeliver', { params: { path: { id } } });
      if (!answer.response.ok) setError(asProblem(answer.error, answer.response).detail ?? t('list.failed'));
    } catch {
      setError(t('form.networkError'));
    }
    void queries.invalidateQueries({ queryKey: ['operator-webhook-deliveries', endpointId] });
  }
  const when = (at: string | null) => (at ? formatTimestamp(at, locale, { seconds: true }) : '—');
  return (
    <Section title={t('webhooks.deliveries')} actions={<Button variant="secondary" onPress={() => void deliveries.refetch()}>{t('webhooks.refresh')}</Button>}>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <SimpleTable
        caption={t('webhooks.deliveries')}
        headers={[t('webhooks.event'), t('webhooks.status'), t('webhooks.attempts'), t('webhooks.responseCode'), t('webhooks.lastAttempt'), t('webhooks.actions')]}
        empty={deliveries.isLoading ? t('list.loading') : t('webhooks.noDeliveries')}
        rows={(deliveries.data?.data ?? []).map((d) => ({
          key: d.id,
          cells: [
            d.eventType,
            t(`webhooks.delivery.${d.status}`),
            d.attemptCount,
            d.lastStatusCode ?? (d.lastError ? t('webhooks.noResponse') : '—'),
            when(d.lastAttemptAt),
            d.status === 'pending' ? null : (
              <Button key="redeliver" variant="secondary" onPress={() => void redeliver(d.id)} aria-label={t('webhooks.console.redeliverDelivery', { event: d.eventType })}>
                {t('webhooks.console.redeliver')}
              </Button>
            ),
          ],
        }))}
      />
    </Section>
  );
}

/** One operator endpoint: its details, recent deliveries, a test event, secret rotation, changes and removal. */
export function WebhookPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { endpointId } = operatorWebhookRoute.useParams();
  const [secret, setSecret] = useState<string | null>(null);
  const [tested, setTested] = useState(false);
  const endpoint = useQuery({ queryKey: ['operator-webhook', endpointId], queryFn: async () => unwrap(await api.GET('/control/v1/webhooks/endpoints/{id}', { params: { path: { id: endpointId } } })) });
  if (endpoint.error) return <Page title={t('page.notFound')}>{endpoint.error instanceof ApiError ? endpoint.error.problem.detail : t('list.failed')}</Page>;
  const e = endpoint.data;
  if (!e) return <Page title={t('list.loading')}>{null}</Page>;
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ['operator-webhook', endpointId] });
    void queries.invalidateQueries({ queryKey: ['operator-webhook-deliveries', endpointId] });
  };
  const path = { params: { path: { id: endpointId } } };
  return (
    <Page
      title={t('webhooks.endpoint')}
      actions={
        <>
          <Link to="/webhooks" className="self-center text-sm">{t('webhooks.console.title')}</Link>
          <ConfirmAction
            label={t('webhooks.test')}
            title={t('webhooks.test.title')}
            description={t('webhooks.test.description')}
            confirmLabel={t('webhooks.test.confirm')}
            run={() => api.POST('/control/v1/webhooks/endpoints/{id}/test', path)}
            onDone={() => {
              setTested(true);
              refresh();
            }}
          />
          <ConfirmAction
            label={t('webhooks.rotate')}
            title={t('webhooks.rotate.title')}
            description={t('webhooks.rotate.description')}
            run={() => api.POST('/control/v1/webhooks/endpoints/{id}/rotate-secret', path)}
            onDone={(data) => {
              setSecret(secretOf(data));
              refresh();
            }}
          />
          <ConfirmAction
            label={t('webhooks.delete')}
            title={t('webhooks.delete.title')}
            description={t('webhooks.delete.description', { url: e.url })}
            variant="danger"
            run={() => api.DELETE('/control/v1/webhooks/endpoints/{id}', path)}
            onDone={() => {
              void queries.invalidateQueries({ queryKey: ['operator-webhooks'] });
              void navigate({ to: '/webhooks' });
            }}
          />
        </>
      }
    >
      {secret ? <SecretPanel secret={secret} onDismiss={() => setSecret(null)} /> : null}
      {tested ? <p role="status" className="text-sm text-green-800">{t('webhooks.test.sent')}</p> : null}
      <Section title={t('webhooks.details')}>
        <DetailList
          items={[
            { term: t('webhooks.url'), value: <span className="break-all">{e.url}</span> },
            { term: t('webhooks.description'), value: e.description },
            { term: t('webhooks.events'), value: e.events.join(', ') },
            { term: t('webhooks.status'), value: e.enabled ? t('webhooks.enabled') : e.disabledReason ? t(`webhooks.console.disabledReason.${e.disabledReason}`) : t('webhooks.disabled') },
            { term: t('webhooks.previousSecret'), value: e.previousSecretExpiresAt ? t('webhooks.previousSecretUntil', { at: formatTimestamp(e.previousSecretExpiresAt, locale) }) : null },
          ]}
        />
      </Section>
      <Deliveries endpointId={endpointId} />
      <EditForm key={e.updatedAt} endpoint={e} />
    </Page>
  );
}
