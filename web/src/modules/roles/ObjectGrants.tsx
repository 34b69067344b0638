import type { Control } from 'react-hook-form';
import { useT } from '../../i18n/intl.js';
import { CheckboxGroupInput } from '../users/CheckboxGroupInput.js';
import type { useCatalogue } from './api.js';

type Catalogue = NonNullable<ReturnType<typeof useCatalogue>['data']>;

/** Form names cannot hold dots (they are paths): a resource `objects.permit` is `objects:permit` there. */
export const formKey = (resource: string) => resource.replaceAll('.', ':');
export const resourceKey = (name: string) => name.replaceAll(':', '.');

/** A permission for one of the tenant's own records (`objects.permit.read`): its resource (`objects.permit`). */
export const resourceOfScoped = (key: string) => key.slice(0, key.lastIndexOf('.'));

/**
 * The tenant's custom objects in a role's form: for each, Read and Write (the permissions the
 * user may give: held themselves, or held module-wide) and its fields to hide.
 */
export function ObjectGrants({ catalogue, control, mayGive }: { catalogue: Catalogue; control: Control<never>; mayGive: (p: Catalogue['data'][number]) => boolean }) {
  const t = useT();
  const scoped = catalogue.data.filter((p) => p.impliedBy);
  const objects = catalogue.fields.filter((r) => scoped.some((p) => resourceOfScoped(p.key) === r.resource));
  if (objects.length === 0) return null;
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-medium text-slate-700">{t('roles.objects')}</legend>
      <p className="text-sm text-slate-600">{t('roles.objects.help')}</p>
      {objects.map((r) => {
        const name = r.label ?? r.resource;
        const grants = scoped.filter((p) => resourceOfScoped(p.key) === r.resource && mayGive(p));
        return (
          <div key={r.resource} className="space-y-3 rounded border border-slate-200 p-3">
            {grants.length > 0 ? (
              <CheckboxGroupInput
                control={control}
                name={`scoped.${formKey(r.resource)}` as never}
                label={t('roles.object.access', { object: name })}
                options={grants.map((p) => ({ id: p.key, label: t(p.key.endsWith('.write') ? 'roles.object.write' : 'roles.object.read'), description: p.key }))}
              />
            ) : null}
            {r.fields.length > 0 ? (
              <CheckboxGroupInput
                control={control}
                name={`hidden.${formKey(r.resource)}` as never}
                label={t('roles.hidden', { resource: name })}
                options={r.fields.map((f) => ({ id: f.key, label: f.description, description: f.key }))}
              />
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
