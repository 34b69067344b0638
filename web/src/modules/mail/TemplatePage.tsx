import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useWatch } from 'react-hook-form';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { TextAreaInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { renderSample, sampleData } from './render.js';
import { templateRoute } from './routes.js';

interface Values {
  subject: string;
  text: string;
  html: string;
}
type Template = { kind: string; subject: string; text: string; html: string; variables: Record<string, string>; overridden: boolean; description: string };

/**
 * The template with sample values: subject, the plain-text part and the HTML part's source, all
 * shown as text (escaped by React; no iframe, nothing of the template runs or renders as HTML).
 */
function Preview({ values, variables }: { values: Values; variables: string[] }) {
  const t = useT();
  const me = useMe();
  const data = sampleData(variables, { name: me.data?.branding.displayName ?? me.data?.tenant.name ?? '', url: window.location.origin });
  return (
    <Section title={t('mail.preview')}>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="mail-preview">
        <p><span className="font-medium text-slate-600">{t('mail.subject')}: </span>{renderSample(values.subject, data)}</p>
        <pre className="font-sans whitespace-pre-wrap">{renderSample(values.text, data)}</pre>
        <details>
          <summary className="cursor-pointer text-slate-600">{t('mail.htmlSource')}</summary>
          <pre className="mt-2 overflow-x-auto text-xs whitespace-pre-wrap">{renderSample(values.html, data)}</pre>
        </details>
      </div>
      <p className="text-xs text-slate-600">{t('mail.preview.help')}</p>
    </Section>
  );
}

function Editor({ template, canWrite }: { template: Template; canWrite: boolean }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { subject: template.subject, text: template.text, html: template.html } });
  const values = useWatch({ control: form.control }) as Values;
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PUT('/api/v1/mail/templates/{kind}', { params: { path: { kind: template.kind } }, body: v });
    },
    (next) => {
      queries.setQueryData(['mail-template', template.kind], next);
      void queries.invalidateQueries({ queryKey: ['mail-templates'] });
      setSaved(true);
    },
  );
  const required = { required: t('form.required') };
  return (
    <div className="grid gap-8 xl:grid-cols-2">
      <Section title={t('mail.edit')}>
        {saved ? <p role="status" className="text-sm text-green-800">{t('mail.saved')}</p> : null}
        {canWrite ? (
          <ApiForm form={form} formError={formError} onSubmit={submit}>
            <TextInput control={form.control} name="subject" label={t('mail.subject')} autoComplete="off" rules={required} />
            <TextAreaInput control={form.control} name="text" label={t('mail.text')} rows={10} rules={required} />
            <TextAreaInput control={form.control} name="html" label={t('mail.html')} rows={10} rules={required} />
          </ApiForm>
        ) : (
          <p className="text-sm text-slate-600">{t('mail.readOnly')}</p>
        )}
      </Section>
      <Preview values={values} variables={Object.keys(template.variables)} />
    </div>
  );
}

export function TemplatePage() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const { kind } = templateRoute.useParams();
  const template = useQuery({ queryKey: ['mail-template', kind], queryFn: async () => unwrap(await api.GET('/api/v1/mail/templates/{kind}', { params: { path: { kind } } })) });
  if (template.error) return <Page title={t('page.notFound')}>{template.error instanceof ApiError ? template.error.problem.detail : t('list.failed')}</Page>;
  const tpl = template.data as Template | undefined;
  if (!tpl) return <Page title={t('list.loading')}>{null}</Page>;
  const canWrite = may(me.data, 'mail', 'mail.templates.write');
  return (
    <Page
      title={t('mail.template', { kind: tpl.kind })}
      actions={
        <>
          <Link to="/mail" className="self-center text-sm">{t('mail.templates')}</Link>
          {canWrite && tpl.overridden ? (
            <ConfirmAction
              label={t('mail.reset')}
              title={t('mail.reset.title')}
              description={t('mail.reset.description')}
              variant="danger"
              run={(headers) => api.DELETE('/api/v1/mail/templates/{kind}', { headers, params: { path: { kind } } })}
              onDone={() => {
                void queries.invalidateQueries({ queryKey: ['mail-template', kind] });
                void queries.invalidateQueries({ queryKey: ['mail-templates'] });
              }}
            />
          ) : null}
        </>
      }
    >
      <Section title={t('mail.about')}>
        <DetailList
          items={[
            { term: t('mail.description'), value: tpl.description },
            { term: t('mail.version'), value: t(tpl.overridden ? 'mail.overridden' : 'mail.default') },
            { term: t('mail.variables'), value: <ul>{Object.entries(tpl.variables).map(([name, about]) => <li key={name}><code>{`{{${name}}}`}</code> — {about}</li>)}</ul> },
          ]}
        />
      </Section>
      <Editor key={`${tpl.overridden}-${tpl.subject}`} template={tpl} canWrite={canWrite} />
    </Page>
  );
}
