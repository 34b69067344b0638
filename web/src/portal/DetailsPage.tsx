import { useState } from 'react';
import { Link } from './router.js';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/session.js';
import { LOCALES, useLocale, useT, type MessageId } from '../i18n/intl.js';
import { DetailList } from '../ui/DetailList.js';
import { SelectInput, TextInput } from '../ui/fields.js';
import { ApiForm, useApiForm } from '../ui/form.js';
import { TextAreaInput } from '../ui/more-fields.js';
import { linkStyle } from '../ui/PlainForm.js';
import { useMe, type Me } from '../workspace/me.js';
import { detailsCalls, useMyDetails, type MyDetails, type MyDetailsPatch, type SelfEditableField } from './details-api.js';
import { NotificationsCard } from './NotificationsCard.js';
import { Card, QueryState } from './parts.js';

const fieldLabel = (field: SelfEditableField): MessageId => `portal.details.${field}`;
type ContactValues = Record<SelfEditableField, string>;

/** The member's contact details: those the tenant lets members change as a form, the others as text. */
function ContactCard({ details }: { details: MyDetails }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const editable = new Set(details.editableFields);
  const values: ContactValues = { firstName: details.firstName, lastName: details.lastName, email: details.email ?? '', phone: details.phone ?? '', address: details.address ?? '' };
  const { form, formError, onSubmit } = useApiForm<ContactValues>({ defaultValues: values });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      const patch: MyDetailsPatch = {};
      // A name cannot be emptied; an empty phone, e-mail or address is removed.
      for (const f of details.editableFields) {
        if (f === 'firstName' || f === 'lastName') patch[f] = v[f].trim();
        else patch[f] = v[f].trim() || null;
      }
      return detailsCalls(api).updateDetails(patch);
    },
    (next) => {
      queries.setQueryData(['portal', 'details'], next);
      setSaved(true);
    },
  );
  const readOnly = (['firstName', 'lastName', 'email', 'phone', 'address'] as const).filter((f) => !editable.has(f));
  const required = { required: t('form.required') };
  return (
    <Card title={t('portal.details.contact')} testId="contact">
      {readOnly.length > 0 ? (
        <>
          <DetailList items={readOnly.map((f) => ({ term: t(fieldLabel(f)), value: <span className="whitespace-pre-line">{values[f]}</span> }))} />
          <p className="text-sm text-slate-600">{t('portal.details.askOffice')}</p>
        </>
      ) : null}
      {editable.size > 0 ? (
        <>
          {saved ? <p role="status" className="text-sm text-green-800">{t('portal.details.saved')}</p> : null}
          <ApiForm form={form} formError={formError} onSubmit={submit}>
            {editable.has('firstName') ? <TextInput control={form.control} name="firstName" label={t('portal.details.firstName')} autoComplete="given-name" rules={required} /> : null}
            {editable.has('lastName') ? <TextInput control={form.control} name="lastName" label={t('portal.details.lastName')} autoComplete="family-name" rules={required} /> : null}
            {editable.has('email') ? <TextInput control={form.control} name="email" type="email" label={t('portal.details.email')} autoComplete="email" /> : null}
            {editable.has('phone') ? <TextInput control={form.control} name="phone" type="tel" label={t('portal.details.phone')} autoComplete="tel" /> : null}
            {editable.has('address') ? <TextAreaInput control={form.control} name="address" label={t('portal.details.address')} rows={3} /> : null}
          </ApiForm>
        </>
      ) : null}
    </Card>
  );
}

/** The tenant's language: the select's id for "no language of my own" (locale null). */
const TENANT_DEFAULT = 'tenant';

/** The user's own language, or the tenant's; the pages switch to it as soon as it is saved. */
function LanguageCard({ me }: { me: Me }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const { setLocale } = useLocale();
  const [saved, setSaved] = useState(false);
  const tenantLocale = me.tenant.defaultLocale ?? 'en';
  const { form, formError, onSubmit } = useApiForm<{ locale: string }>({ defaultValues: { locale: me.user.locale ?? TENANT_DEFAULT } });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/api/v1/me', { body: { locale: v.locale === TENANT_DEFAULT ? null : v.locale } });
    },
    (next) => {
      queries.setQueryData(['me'], next);
      setLocale((next as Me).user.locale ?? tenantLocale);
      setSaved(true);
    },
  );
  const options = [{ id: TENANT_DEFAULT, label: t('portal.details.languageTenant', { language: LOCALES[tenantLocale]?.name ?? tenantLocale }) }, ...Object.entries(LOCALES).map(([id, l]) => ({ id, label: l.name }))];
  return (
    <Card title={t('portal.details.language')} testId="language">
      {saved ? <p role="status" className="text-sm text-green-800">{t('portal.details.saved')}</p> : null}
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <SelectInput control={form.control} name="locale" label={t('portal.details.languageLabel')} options={options} />
      </ApiForm>
    </Card>
  );
}

/** My details: contact details (as the tenant allows), language, notification preferences, and the way to sign-in security. */
export function DetailsPage() {
  const t = useT();
  const me = useMe();
  const details = useMyDetails();
  return (
    <>
      <h1 className="text-xl font-semibold">{t('portal.details.title')}</h1>
      {details.data ? <ContactCard details={details.data} /> : (
        <Card title={t('portal.details.contact')}>
          <QueryState loading={details.isPending} failed={details.isError} empty={false} emptyText="" />
        </Card>
      )}
      {me.data ? <LanguageCard me={me.data} /> : null}
      <NotificationsCard />
      <Card title={t('portal.security.title')}>
        <p className="text-sm text-slate-600">{t('portal.details.securityText')}</p>
        <Link to="/security" className={linkStyle}>
          {t('portal.details.securityLink')}
        </Link>
      </Card>
    </>
  );
}
