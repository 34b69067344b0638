import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { TextAreaInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { hides, useMe } from '../../workspace/me.js';
import { MEMBER_TYPES, type MemberType } from './types.js';

interface Values {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  address: string;
  type: MemberType;
}

export function NewMember() {
  const t = useT();
  const me = useMe();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  // A double submission must not create the member twice: the form sends an Idempotency-Key.
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { firstName: '', lastName: '', email: '', phone: '', address: '', type: 'resident' }, idempotent: true });
  const submit = onSubmit(
    (v, headers) =>
      api.POST('/api/v1/members', {
        headers,
        body: { firstName: v.firstName.trim(), lastName: v.lastName.trim(), type: v.type, ...(v.email ? { email: v.email.trim() } : {}), ...(v.phone ? { phone: v.phone.trim() } : {}), ...(v.address.trim() ? { address: v.address.trim() } : {}) },
      }),
    (member) => {
      void queries.invalidateQueries({ queryKey: ['members'] });
      void navigate({ to: '/members/$memberId', params: { memberId: member.id } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <Page title={t('members.new')} actions={<Link to="/members">{t('nav.members')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="firstName" label={t('members.firstName')} autoComplete="off" rules={required} />
        <TextInput control={form.control} name="lastName" label={t('members.lastName')} autoComplete="off" rules={required} />
        {hides(me.data, 'members', 'email') ? null : <TextInput control={form.control} name="email" type="email" label={t('members.email')} autoComplete="off" />}
        {hides(me.data, 'members', 'phone') ? null : <TextInput control={form.control} name="phone" type="tel" label={t('members.phone')} autoComplete="off" />}
        {hides(me.data, 'members', 'address') ? null : <TextAreaInput control={form.control} name="address" label={t('members.address')} rows={3} />}
        <SelectInput control={form.control} name="type" label={t('members.type')} options={MEMBER_TYPES.map((m) => ({ id: m.id, label: t(m.label) }))} rules={required} />
      </ApiForm>
    </Page>
  );
}
