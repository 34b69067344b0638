import { useT } from '../../i18n/intl.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { useMe } from '../../workspace/me.js';
import { CheckboxGroupInput } from '../users/CheckboxGroupInput.js';
import { useCatalogue, type FieldRestrictions, type Role, type RoleBody } from './api.js';

interface Values {
  key: string;
  name: string;
  description: string;
  /** The chosen permissions, by module (one checkbox group each). */
  perms: Record<string, string[]>;
  /** The hidden fields, by resource (one checkbox group each). */
  hidden: Record<string, string[]>;
}

type Answer<R> = { data?: R; error?: unknown; response: Response };

/** What a role's form sends: every group's choices together, and the restrictions that hide anything. */
function bodyOf(v: Values): RoleBody {
  const fieldRestrictions: FieldRestrictions = {};
  for (const [resource, hidden] of Object.entries(v.hidden ?? {})) if (hidden?.length) fieldRestrictions[resource] = { hidden };
  return { key: v.key.trim(), name: v.name.trim(), description: v.description.trim(), permissions: Object.values(v.perms ?? {}).flatMap((p) => p ?? []), fieldRestrictions };
}

/**
 * A custom role's form: its key (when new), name and description, a permission picker grouped
 * by module, and the member fields it hides. Only permissions the user holds are offered (the
 * API refuses others), and those the role has already.
 */
export function RoleForm({ role, send, onDone, submitLabel }: { role?: Role; send: (body: RoleBody, headers: Record<string, string>) => Promise<Answer<Role>>; onDone: (role: Role) => void; submitLabel?: string }) {
  const t = useT();
  const me = useMe();
  const catalogue = useCatalogue();
  const byModule = (keys: string[]) => {
    const groups: Record<string, string[]> = {};
    for (const p of catalogue.data?.data ?? []) if (keys.includes(p.key)) (groups[p.module] ??= []).push(p.key);
    return groups;
  };
  const { form, formError, onSubmit } = useApiForm<Values>({
    defaultValues: {
      key: role?.key ?? '',
      name: role?.name ?? '',
      description: role?.description ?? '',
      perms: byModule(role?.permissions ?? []),
      hidden: Object.fromEntries(Object.entries(role?.fieldRestrictions ?? {}).map(([r, f]) => [r, f.hidden])),
    },
    idempotent: !role,
  });
  const submit = onSubmit((v, headers) => send(bodyOf(v), headers), onDone);
  const held = new Set([...(me.data?.permissions ?? []), ...(role?.permissions ?? [])]);
  const modules = new Map<string, Catalogue['data']>();
  for (const p of catalogue.data?.data ?? []) if (held.has(p.key)) modules.set(p.module, [...(modules.get(p.module) ?? []), p]);
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
      {catalogue.data.fields.map((r) => (
        <CheckboxGroupInput
          key={r.resource}
          control={form.control}
          name={`hidden.${r.resource}`}
          label={t('roles.hidden', { resource: r.resource })}
          options={r.fields.map((f) => ({ id: f.key, label: f.description, description: f.key }))}
        />
      ))}
      <p className="text-sm text-slate-600">{t('roles.hidden.help')}</p>
    </ApiForm>
  );
}

type Catalogue = NonNullable<ReturnType<typeof useCatalogue>['data']>;
