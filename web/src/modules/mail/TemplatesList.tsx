import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Page } from '../../ui/Page.js';
import { SimpleTable } from '../members/SimpleTable.js';

export function TemplatesList() {
  const t = useT();
  const api = useApi();
  const templates = useQuery({ queryKey: ['mail-templates'], queryFn: async () => unwrap(await api.GET('/api/v1/mail/templates')) });
  return (
    <Page title={t('mail.templates')} actions={<Link to="/mail/messages" className="text-sm text-brand underline">{t('mail.messages')}</Link>}>
      {templates.error ? <p role="alert" className="text-sm text-red-700">{templates.error instanceof ApiError ? templates.error.problem.detail : t('list.failed')}</p> : null}
      <SimpleTable
        caption={t('mail.templates')}
        headers={[t('mail.kind'), t('mail.description'), t('mail.subject'), t('mail.version')]}
        empty={templates.isLoading ? t('list.loading') : t('list.empty')}
        rows={(templates.data?.data ?? []).map((tpl) => ({
          key: tpl.kind,
          cells: [
            <Link key="kind" to="/mail/templates/$kind" params={{ kind: tpl.kind }} className="font-medium text-brand underline-offset-2 hover:underline">{tpl.kind}</Link>,
            tpl.description,
            tpl.subject,
            t(tpl.overridden ? 'mail.overridden' : 'mail.default'),
          ],
        }))}
      />
    </Page>
  );
}
