import { useT } from '../../i18n/intl.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { useMe } from '../../workspace/me.js';
import { CheckboxGroupInput } from '../users/CheckboxGroupInput.js';
import { useCatalogue, type FieldRestrictions, type Role, type RoleBody } from './api.js';
import { formKey, ObjectGrants, resourceKey, resourceOfScoped } from './ObjectGrants.js';

interface Values {
  key: string;
  name: string;
  description: string;
  /** The chosen permissions, by module (one checkbox group each). */
  perms: Record<string, string[]>;
  /** The permissions for one of the tenant's own records (a custom object), by resource's form key. */
  scoped: Record<string, string[]>;
  /** The hidden fields, by resource's form key (one checkbox group each). */
  hidden: Record<string, string[]>;
}

type Answer<R> = { data?: R; error?: unknown; response: Response };

/** What a role's form sends: every group's choices together, and the restrictions that hide anything. */
function bodyOf(v: Values): RoleBody {
  const fieldRestrictions: FieldRestrictions = {};
  for (const [resource, hidden] of Object.entries(v.hidden ?? {})) if (hidden?.length) fieldRestrictions[resourceKey(resource)] = { hidden };
  const permissions = [...Object.values(v.perms ?? {}), ...Object.values(v.scoped ?? {})].flatMap((p) => p ?? []);
  return { key: v.key.trim(), name: v.name.trim(), description: v.description.trim(), permissions, fieldRestrictions };
}

/**
 * A custom role's form: its key (when new), name and description, a permission picker grouped
 * by module, the fields it hides, and the tenant's custom objects one by one. Only permissions
 * the user holds are offered (the API refuses others; holding `objects.read` holds each
 * object's), and those the role has already.
 */
export function RoleForm({ role, send, onDone, submitLabel }: { role?: Role; send: (body: RoleBody, headers: Record<string, string>) => Promise<Answer<Role>>; onDone: (role: Role) => void; submitLabel?: string }) {
  const t = useT();
  const me = useMe();
  const catalogue = useCatalogue();
  const byModule = (keys: string[]) => {
    const groups: Record<string, string[]> = {};
    for (const p of catalogue.data?.data ?? []) if (!p.impliedBy && keys.includes(p.key)) (groups[p.module] ??= []).push(p.key);
    return groups;
  };
  const byObject = (keys: string[]) => {
    const groups: Record<string, string[]> = {};
    for (const p of catalogue.data?.data ?? []) if (p.impliedBy && keys.includes(p.key)) (groups[formKey(resourceOfScoped(p.key))] ??= []).push(p.key);
    return groups;
  };
  const { form, formError, onSubmit } = useApiForm<Values>({
    defaultValues: {
      key: role?.key ?? '',
      name: role?.name ?? '',
      description: role?.description ?? '',
      perms: byModule(role?.permissions ?? []),
      scoped: byObject(role?.permissions ?? []),
      hidden: Object.fromEntries(Object.entries(role?.fieldRestrictions ?? {}).map(([r, f]) => [formKey(r), f.hidden])),
    },
    idempotent: !role,
  });
  const submit = onSubmit((v, headers) => send(bodyOf(v), headers), onDone);
  const held = new Set([...(me.data?.permissions ?? []), ...(role?.permissions ?? [])]);
  const mayGive = (p: Catalogue['data'][number]) => held.has(p.key) || (!!p.impliedBy && held.has(p.impliedBy));
  const modules = new Map<string, Catalogue['data']>();
  for (const p of catalogue.data?.data ?? []) if (!p.impliedBy && held.has(p.key)) modules.set(p.module, [...(modules.get(p.module) ?? []), p]);
  const objectResources = new Set((catalogue.data?.data ?? []).filter((p) => p.impliedBy).map((p) => resourceOfScoped(p.key)));
  const required = { required: t('form.required') };
  if (!catalogue.data) return <p>{t('list.loading')}</p>;
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={submitLabel}>
      {role ? null : (
        <TextInput control={form.control} name="key" label={t('roles.key')} description={t('roles.key.help')} autoComplete="off" rules={{ ...required, pattern: { value: /^[a-z][a-z0-9_-]{0,39}$/, message: t('roles.key.help') } }} />
      )}
      <TextInput control={form.control} name="name" label={t('roles.name')} autoComplete="off" rules={required} />
      <TextInput control={form.control} name="description" label={t('roles.description')} autoComplete="off" />
      <fieldset className="space-y-4">
        <legend className="text-sm font-medium text-slate-700">{t('roles.permissions')}</legend>
        <p className="text-sm text-slate-600">{t('roles.permissions.help')}</p>
        {[...modules].map(([module, permissions]) => (
          <CheckboxGroupInput
            key={module}
            control={form.control}
            name={`perms.${module}`}
            label={t('roles.group', { module })}
            options={permissions.map((p) => ({ id: p.key, label: p.description, description: p.stepUp ? `${p.key} · ${t('roles.stepUp')}` : p.key }))}
          />
        ))}
      </fieldset>
      <ObjectGrants catalogue={catalogue.data} control={form.control as never} mayGive={mayGive} />
      {catalogue.data.fields.filter((r) => !objectResources.has(r.resource)).map((r) => (
        <CheckboxGroupInput
          key={r.resource}
          control={form.control}
          name={`hidden.${formKey(r.resource)}`}
          label={t('roles.hidden', { resource: r.label ?? r.resource })}
          options={r.fields.map((f) => ({ id: f.key, label: f.description, description: f.key }))}
        />
      ))}
      <p className="text-sm text-slate-600">{t('roles.hidden.help')}</p>
    </ApiForm>
  );
}

type Catalogue = NonNullable<ReturnType<typeof useCatalogue>['data']>;
