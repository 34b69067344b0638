import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { TextAreaInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { editMemberRoute } from './routes.js';
import { MEMBER_STATUSES, MEMBER_TYPES, statusLabel, type Member, type MemberStatus, type MemberType } from './types.js';

interface Values {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  address: string;
  type: MemberType;
  status: MemberStatus;
}

/** The form, once the member is loaded (its values are the form's defaults). */
function EditForm({ member }: { member: Member }) {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { form, formError, onSubmit } = useApiForm<Values>({
    defaultValues: { firstName: member.firstName, lastName: member.lastName, email: member.email ?? '', phone: member.phone ?? '', address: member.address ?? '', type: member.type, status: member.status },
  });
  // A field the user's roles hide is left out of the member (and so of the form and the change).
  const shows = (field: 'email' | 'phone' | 'address') => field in member;
  const submit = onSubmit(
    // An emptied email, phone or address is removed (null), not sent as an empty string; a field
    // this user may not see is not sent at all.
    (v) =>
      api.PATCH('/api/v1/members/{id}', {
        params: { path: { id: member.id } },
        body: { firstName: v.firstName.trim(), lastName: v.lastName.trim(), ...(shows('email') ? { email: v.email.trim() || null } : {}), ...(shows('phone') ? { phone: v.phone.trim() || null } : {}), ...(shows('address') ? { address: v.address.trim() || null } : {}), type: v.type, status: v.status },
      }),
    (saved) => {
      queries.setQueryData(['member', member.id], saved);
      void queries.invalidateQueries({ queryKey: ['members'] });
      void navigate({ to: '/members/$memberId', params: { memberId: member.id } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit}>
      <TextInput control={form.control} name="firstName" label={t('members.firstName')} autoComplete="off" rules={required} />
      <TextInput control={form.control} name="lastName" label={t('members.lastName')} autoComplete="off" rules={required} />
      {shows('email') ? <TextInput control={form.control} name="email" type="email" label={t('members.email')} autoComplete="off" /> : null}
      {shows('phone') ? <TextInput control={form.control} name="phone" type="tel" label={t('members.phone')} autoComplete="off" /> : null}
      {shows('address') ? <TextAreaInput control={form.control} name="address" label={t('members.address')} rows={3} /> : null}
      <SelectInput control={form.control} name="type" label={t('members.type')} options={MEMBER_TYPES.map((m) => ({ id: m.id, label: t(m.label) }))} rules={required} />
      <SelectInput control={form.control} name="status" label={t('members.status')} options={MEMBER_STATUSES.map((s) => ({ id: s, label: t(statusLabel(s)) }))} rules={required} />
    </ApiForm>
  );
}

export function EditMember() {
  const t = useT();
  const api = useApi();
  const { memberId } = editMemberRoute.useParams();
  const member = useQuery({ queryKey: ['member', memberId], queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}', { params: { path: { id: memberId } } })) });
  if (member.error) return <Page title={t('page.notFound')}>{member.error instanceof ApiError ? member.error.problem.detail : t('list.failed')}</Page>;
  if (!member.data) return <Page title={t('list.loading')}>{null}</Page>;
  const m = member.data;
  return (
    <Page title={t('members.edit.title', { name: `${m.firstName} ${m.lastName}` })} actions={<Link to="/members/$memberId" params={{ memberId }}>{t('members.back')}</Link>}>
      <EditForm member={m} />
    </Page>
  );
}
