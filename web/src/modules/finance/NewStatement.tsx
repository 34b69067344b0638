import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { DateInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { useTenantToday } from '../../workspace/me.js';
import { firstOfMonth, MemberPicker } from './shared.js';

interface Values {
  memberId: string;
  from: string;
  to: string;
}

/** Generates (or generates again) a member's statement for a period: its figures and its PDF. */
export function NewStatement() {
  const today = useTenantToday();
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { memberId: '', from: firstOfMonth(today), to: today }, idempotent: true });
  const submit = onSubmit(
    (v, headers) => api.POST('/api/v1/finance/statements', { headers, body: { memberId: v.memberId, from: v.from, to: v.to } }),
    (statement) => {
      void queries.invalidateQueries({ queryKey: ['finance', 'statements'] });
      void navigate({ to: '/finance/statements', search: { memberId: statement.memberId } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <Page title={t('finance.statements.new')} actions={<Link to="/finance/statements">{t('finance.statements')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <MemberPicker control={form.control} name="memberId" label={t('finance.member')} rules={required} />
        <DateInput control={form.control} name="from" label={t('finance.from')} rules={required} />
        <DateInput control={form.control} name="to" label={t('finance.to')} rules={required} />
      </ApiForm>
    </Page>
  );
}
